import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';

const gql = (h: TestApp, query: string, key?: string) => h.request({ method: 'POST', url: '/graphql', payload: { query }, ...(key ? { key } : {}) });

const NESTED = `{
  products(first: 6) {
    nodes {
      id asin
      series(measures: ["sessions", "conversion", "ordered_product_sales"], from: "2026-11-02", to: "2026-11-08", grain: "week") { period values }
      keywords { keyword ranks(from: "2026-11-01", to: "2026-11-30") { date organic_rank } }
      competitors { asin tier snapshots(from: "2026-11-01", to: "2026-11-30") { date price { amount currency } in_stock } }
    }
  }
}`;

async function addProducts(h: TestApp, n: number) {
  for (let i = 0; i < n; i++) {
    const p = await makeProduct(h);
    await h.request({ method: 'POST', url: `/v1/products/${p.id}/keywords`, payload: { keyword: 'desk lamp' } });
    await h.request({ method: 'POST', url: `/v1/products/${p.id}/competitors`, payload: { asin: 'B0RIVAL001', tier: 'A' } });
    await postFacts(h, 'traffic_sales', [{ product_id: p.id, date: '2026-11-03', sessions: 40 + i, units_ordered: 4, ordered_product_sales: { amount: '79.96', currency: 'USD' } }]);
    await postFacts(h, 'keyword_ranks', [{ product_id: p.id, date: '2026-11-03', keyword: 'desk lamp', organic_rank: 7 }]);
    await postFacts(h, 'competitor_snapshots', [{ product_id: p.id, date: '2026-11-03', competitor_asin: 'B0RIVAL001', price: { amount: '24.99', currency: 'USD' }, in_stock: true }]);
  }
}

t.test('products with nested series, keyword ranks and competitor snapshots: the statement count does not grow with products', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await gql(h, NESTED);
    t.notOk(res.json().errors, JSON.stringify(res.json().errors));
    const statements = h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length;
    return { statements, products: res.json().data.products.nodes };
  };
  await addProducts(h, 2);
  const small = await count();
  await addProducts(h, 4);
  const large = await count();
  t.equal(small.products.length, 2);
  t.equal(large.products.length, 6);
  t.equal(large.statements, small.statements, `the same ${small.statements} statements for 2 and 6 products`);
  const first = large.products[0];
  t.match(first.series, [{ period: '2026-W45', values: { sessions: 40, conversion: 0.1, ordered_product_sales: { amount: '79.96', currency: 'USD' } } }]);
  t.same(first.keywords, [{ keyword: 'desk lamp', ranks: [{ date: '2026-11-03', organic_rank: 7 }] }]);
  t.same(first.competitors, [{ asin: 'B0RIVAL001', tier: 'A', snapshots: [{ date: '2026-11-03', price: { amount: '24.99', currency: 'USD' }, in_stock: true }] }]);
});

t.test('metrics_series and metric_measures at the top level, with scopes and tenancy', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  await addProducts(h, 2);
  const res = await gql(h, '{ metric_measures { key formula } metrics_series(measures: ["sessions"], from: "2026-11-01", to: "2026-11-30", grain: "month", compare: "previous_period") { grain data { period values previous change } } }');
  t.notOk(res.json().errors);
  t.ok(res.json().data.metric_measures.some((m: { key: string }) => m.key === 'tacos'));
  t.same(res.json().data.metrics_series.data, [{ period: '2026-11', values: { sessions: 81 }, previous: { sessions: null }, change: { sessions: null } }]);

  const bad = await gql(h, '{ metrics_series(measures: ["sessions"], from: "2026-11-01", to: "2026-11-30", grain: "year") { grain } }');
  t.equal(bad.json().errors[0].extensions.code, 'validation_failed');
  const unknown = await gql(h, '{ metrics_series(measures: ["happiness"], from: "2026-11-01", to: "2026-11-30") { grain } }');
  t.equal(unknown.json().errors[0].extensions.code, 'validation_failed');

  const noScope = await h.createKey(['sop:read']);
  t.equal((await gql(h, '{ products { nodes { id } } }', noScope)).json().errors[0].extensions.code, 'forbidden');
  t.equal((await gql(h, '{ metrics_series(measures: ["sessions"], from: "2026-11-01", to: "2026-11-30") { grain } }', noScope)).json().errors[0].extensions.code, 'forbidden');

  const other = await h.createWorkspace('Company B');
  const foreign = await gql(h, '{ products { nodes { id } } metrics_series(measures: ["sessions"], from: "2026-11-01", to: "2026-11-30") { data { values } } }', other.key);
  t.same(foreign.json().data, { products: { nodes: [] }, metrics_series: { data: [] } });
});
