import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { makeResource } from './helpers/resource-factories.ts';

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

const get = async (h: TestApp, url: string, key?: string) => {
  const res = await h.request({ method: 'GET', url, ...(key ? { key } : {}) });
  return { status: res.statusCode, body: res.json() };
};

t.test('account-level facts roll up with group_by none, marketplace and seller_account, not by product', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const store = (await makeResource(h, 'seller_account')).id;
  const us = await makeProduct(h, { marketplace: 'US', seller_account_id: store });
  const de = await makeProduct(h, { marketplace: 'DE', seller_account_id: store });
  await postFacts(h, 'ads', [
    { product_id: us.id, date: '2026-11-02', clicks: 10 },
    { product_id: de.id, date: '2026-11-02', clicks: 5 },
    { marketplace: 'US', seller_account_id: store, date: '2026-11-02', campaign: 'Brand', search_term: 'lamp', clicks: 7 },
    { marketplace: 'GB', date: '2026-11-02', campaign: 'Auto', clicks: 3 },
  ]);
  const base = '/v1/metrics/series?measures=clicks&from=2026-11-02&to=2026-11-02';
  const none = await get(h, `${base}&group_by=none`);
  t.same(none.body.data.map((d: { group: unknown; values: unknown }) => [d.group, d.values]), [[{ key: null, label: null }, { clicks: 25 }]]);
  const byMarketplace = await get(h, `${base}&group_by=marketplace`);
  t.same(byMarketplace.body.data.map((d: { group: { key: string }; values: { clicks: number } }) => [d.group.key, d.values.clicks]), [['DE', 5], ['UK', 3], ['US', 17]]);
  const byAccount = await get(h, `${base}&group_by=seller_account`);
  t.same(byAccount.body.data.map((d: { group: { key: string | null }; values: { clicks: number } }) => [d.group.key, d.values.clicks]), [[null, 3], [store, 22]]);
  const byProduct = await get(h, `${base}&group_by=product`);
  t.equal(sum(byProduct.body.data.map((d: { values: { clicks: number } }) => d.values.clicks)), 15, 'account-level facts are no product');
  const filtered = await get(h, `${base}&marketplace=GB`);
  t.equal(filtered.body.data[0].values.clicks, 3, 'GB filters UK');

  const other = await h.createWorkspace('Company B');
  const foreign = await get(h, `${base}&product_ids=${us.id}`, other.key);
  t.same(foreign.body.data, [], 'another workspace sees none of it');
});

t.test('movers rank products by change; rank history of keywords', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const a = await makeProduct(h, { title: 'Falling lamp' });
  const b = await makeProduct(h, { title: 'Rising lamp' });
  await postFacts(h, 'traffic_sales', [
    { product_id: a.id, date: '2026-11-01', units_ordered: 50 },
    { product_id: a.id, date: '2026-11-08', units_ordered: 20 },
    { product_id: b.id, date: '2026-11-01', units_ordered: 5 },
    { product_id: b.id, date: '2026-11-08', units_ordered: 9 },
  ]);
  const movers = await get(h, '/v1/metrics/movers?measure=units_ordered&from=2026-11-02&to=2026-11-08');
  t.equal(movers.status, 200);
  t.match(movers.body, { previous_from: '2026-10-26', previous_to: '2026-11-01' });
  t.same(movers.body.data.map((m: { product_id: string; difference: number; change: number }) => [m.product_id, m.difference, m.change]), [[a.id, -30, -0.6], [b.id, 4, 0.8]]);
  const up = await get(h, '/v1/metrics/movers?measure=units_ordered&from=2026-11-02&to=2026-11-08&direction=up&limit=1');
  t.same(up.body.data.map((m: { product_id: string }) => m.product_id), [b.id]);

  await h.request({ method: 'POST', url: `/v1/products/${a.id}/keywords`, payload: { keyword: 'desk lamp' } });
  await postFacts(h, 'keyword_ranks', [
    { product_id: a.id, date: '2026-11-02', keyword: 'desk lamp', organic_rank: 12, sponsored_rank: 3 },
    { product_id: a.id, date: '2026-11-03', keyword: 'desk lamp', organic_rank: 25 },
    { product_id: a.id, date: '2026-11-03', keyword: 'reading lamp', organic_rank: 40 },
  ]);
  const ranks = await get(h, `/v1/products/${a.id}/keywords/ranks?from=2026-11-01&to=2026-11-30`);
  t.equal(ranks.status, 200);
  t.same(
    ranks.body.keywords.map((k: { keyword: string; tracked: boolean; ranks: Array<{ organic_rank: number }> }) => [k.keyword, k.tracked, k.ranks.map((r) => r.organic_rank)]),
    [['desk lamp', true, [12, 25]], ['reading lamp', false, [40]]],
  );
});

t.test('bad series, movers and ranks queries are 400 with validation_failed', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const cases = [
    '/v1/metrics/series?measures=sessions,happiness&from=2026-11-01&to=2026-11-02',
    '/v1/metrics/series?measures=sessions&from=2026-11-31&to=2026-12-02',
    '/v1/metrics/series?measures=sessions&from=yesterday&to=2026-12-02',
    '/v1/metrics/series?measures=sessions&from=2026-12-02&to=2026-11-01',
    '/v1/metrics/series?measures=sessions&marketplace=XX',
    '/v1/metrics/series?measures=sessions&grain=year',
    '/v1/metrics/series?measures=sessions&group_by=colour',
    '/v1/metrics/series?measures=sessions&compare=last_week',
    '/v1/metrics/series?measures=sessions&from=2000-01-01&to=2026-01-01',
    '/v1/metrics/series?measures=sessions&product_ids=not-an-id',
    '/v1/metrics/movers?measure=happiness',
    '/v1/metrics/movers?measure=units_ordered&from=2026-11-08&to=2026-11-01',
    '/v1/metrics/movers?limit=0',
    `/v1/products/${p.id}/keywords/ranks?from=2026-11-08&to=2026-11-01`,
    `/v1/products/${p.id}/keywords/ranks?from=soon`,
  ];
  for (const url of cases) {
    const res = await get(h, url);
    t.equal(res.status, 400, url);
    t.equal(res.body.code, 'validation_failed', url);
  }
  const missing = await get(h, '/v1/products/prod_01NOSUCHPRODUCT/keywords/ranks');
  t.equal(missing.status, 404);
});
