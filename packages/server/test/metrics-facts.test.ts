import t from 'tap';
import { sql } from 'kysely';
import { createTestApp } from './helpers/index.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { makeResource } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

t.test('POST /v1/metrics/facts upserts traffic facts by product id and by (marketplace, asin, sku)', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h, { marketplace: 'UK' });
  const rows = [
    { product_id: p.id, date: '2026-11-02', sessions: 100, page_views: 150, units_ordered: 12, ordered_product_sales: { amount: '359.88', currency: 'GBP' }, buy_box_percentage: 97.5 },
    { marketplace: 'GB', asin: p.asin, sku: p.sku, date: '2026-11-03', sessions: 80, units_ordered: 8 },
  ];
  const first = await postFacts(h, 'traffic_sales', rows);
  t.equal(first.statusCode, 200, first.body);
  t.match(first.json(), { object: 'fact_batch_result', mode: 'all_or_nothing', received: 2, accepted: 2, inserted: 2, updated: 0, unchanged: 0, rejected: [] });

  const before = await databaseSnapshot(h);
  const again = await postFacts(h, 'traffic_sales', rows);
  t.match(again.json(), { accepted: 2, inserted: 0, updated: 0, unchanged: 2 }, 'the same batch twice changes nothing');
  t.same(await databaseSnapshot(h), before, 'not even the audit log');

  const partial = await postFacts(h, 'traffic_sales', [{ product_id: p.id, date: '2026-11-02', total_order_items: 11 }]);
  t.match(partial.json(), { updated: 1 });
  const stored = await sql<{ sessions: number; total_order_items: number; ordered_product_sales: string; currency: string }>`
    select sessions, total_order_items, ordered_product_sales, currency from metric_traffic_sales where product_id = ${p.id} and date = '2026-11-02'`.execute(h.app.db);
  t.match(stored.rows[0], { sessions: 100, total_order_items: 11, currency: 'GBP' }, 'a measure left out keeps its stored value');
  t.equal(Number(stored.rows[0]!.ordered_product_sales), 359.88);
});

t.test('all_or_nothing (the default) refuses the whole batch; skip_invalid writes the good rows', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const account = await makeResource(h, 'seller_account');
  const rows = [
    { product_id: p.id, date: '2026-11-02', clicks: 3, impressions: 100, spend: { amount: '2.10', currency: 'USD' }, campaign: 'Lamp exact' },
    { product_id: 'prod_01NOSUCHPRODUCT', date: '2026-11-02', clicks: 1 },
    { product_id: p.id, date: '2026-13-01', clicks: 1 },
    { product_id: p.id, date: '2026-11-03', clicks: 'many' },
    { product_id: p.id, date: '2026-11-02', clicks: 4, campaign: 'Lamp exact' },
    { product_id: p.id, date: '2026-11-04', spend: { amount: '1', currency: 'USD' }, sales: { amount: '3', currency: 'EUR' } },
    { marketplace: 'US', date: '2026-11-02', campaign: 'Brand', search_term: 'desk lamp', clicks: 9, seller_account_id: account.id },
  ];
  const before = await databaseSnapshot(h);
  const refused = await postFacts(h, 'ads', rows);
  t.equal(refused.statusCode, 422);
  t.equal(refused.json().code, 'validation_failed');
  const paths = refused.json().errors.map((e: { path: string }) => e.path);
  t.same(paths, ['/body/rows/1/product_id', '/body/rows/2/date', '/body/rows/3/clicks', '/body/rows/4', '/body/rows/5/sales/currency']);
  t.same(await databaseSnapshot(h), before, 'nothing was written');

  const skipped = await postFacts(h, 'ads', rows, 'skip_invalid');
  t.equal(skipped.statusCode, 200);
  t.match(skipped.json(), { received: 7, accepted: 2, inserted: 2 });
  t.same(
    skipped.json().rejected.map((r: { row: number }) => r.row),
    [1, 2, 3, 4, 5],
  );
  t.match(skipped.json().rejected[0].errors[0].message, /no product/);
});

t.test('bad batches are refused before any row is looked at', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['unknown family', { family: 'weather', rows: [{ date: '2026-11-01' }] }, 400],
    ['no rows', { family: 'ads', rows: [] }, 400],
    ['rows over the limit', { family: 'ads', rows: Array.from({ length: 10_001 }, () => ({ product_id: p.id, date: '2026-11-01' })) }, 400],
    ['unknown mode', { family: 'ads', mode: 'best_effort', rows: [{ product_id: p.id, date: '2026-11-01' }] }, 400],
    ['unknown field', { family: 'ads', rows: [{ product_id: p.id, date: '2026-11-01' }], extra: 1 }, 400],
    ['unknown marketplace', { family: 'traffic_sales', rows: [{ marketplace: 'XX', asin: p.asin, date: '2026-11-01' }] }, 422],
    ['inventory without a product', { family: 'inventory', rows: [{ marketplace: 'US', date: '2026-11-01', fulfillable: 3 }] }, 422],
  ];
  for (const [name, payload, status] of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request({ method: 'POST', url: '/v1/metrics/facts', payload });
    t.equal(res.statusCode, status, name);
    t.equal(res.json().code, 'validation_failed', name);
    t.same(await databaseSnapshot(h), before, `${name}: nothing changed`);
  }
});
