import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeProduct } from './helpers/metrics-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/** Bad catalog, facts and series input gets problem+json with a stable code, and the database is exactly as it was. */
t.test('bad metrics input is refused and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const product = await makeProduct(h);
  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'product: bad ASIN', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: 'lamp' } } },
    { name: 'product: unknown marketplace', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/products', payload: { marketplace: 'XX', asin: 'B0ABCDEFGH' } } },
    { name: 'product: money as a float', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: 'B0ABCDEFGH', unit_cost: 4.2 } } },
    { name: 'product: duplicate natural key', status: 409, code: 'conflict', req: { method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: product.asin, sku: product.sku } } },
    { name: 'product: unknown operator', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: 'B0ABCDEFGH', operator_member_id: 'mem_01NOSUCHMEMBER' } } },
    { name: 'product: empty patch', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/products/${product.id}`, payload: {} } },
    { name: 'products: bad status filter', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/products?status=gone' } },
    { name: 'keyword: empty', status: 400, code: 'validation_failed', req: { method: 'POST', url: `/v1/products/${product.id}/keywords`, payload: { keyword: '' } } },
    { name: 'keyword: unknown product', status: 404, code: 'not_found', req: { method: 'POST', url: '/v1/products/prod_01NOSUCHPRODUCT/keywords', payload: { keyword: 'lamp' } } },
    { name: 'competitor: bad tier', status: 400, code: 'validation_failed', req: { method: 'POST', url: `/v1/products/${product.id}/competitors`, payload: { asin: 'B0RIVAL001', tier: 'Z' } } },
    { name: 'competitor: unknown item', status: 404, code: 'not_found', req: { method: 'DELETE', url: `/v1/products/${product.id}/competitors/comp_01NOSUCHITEM` } },
    { name: 'facts: unknown family', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/metrics/facts', payload: { family: 'weather', rows: [{ date: '2026-11-01' }] } } },
    { name: 'facts: wrong type', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/metrics/facts', payload: { family: 'traffic_sales', rows: [{ product_id: product.id, date: '2026-11-01', sessions: '12' }] } } },
    { name: 'facts: bad date', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/metrics/facts', payload: { family: 'traffic_sales', rows: [{ product_id: product.id, date: '2026-02-30', sessions: 12 }] } } },
    { name: 'facts: unknown product', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/metrics/facts', payload: { family: 'traffic_sales', rows: [{ marketplace: 'US', asin: 'B0NOSUCHPR', date: '2026-11-01', sessions: 1 }] } } },
    { name: 'series: unknown measure', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/metrics/series?measures=sessions,happiness' } },
    { name: 'series: from after to', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/metrics/series?from=2026-12-01&to=2026-11-01' } },
    { name: 'movers: bad date', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/metrics/movers?from=2026-13-01' } },
    { name: 'facts: all or nothing', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/metrics/facts', payload: { family: 'inventory', rows: [{ product_id: product.id, date: '2026-11-01', fulfillable: 5 }, { product_id: product.id, date: '2026-11-02', fulfillable: -5 }] } } },
  ];
  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.json().code, c.code, `${c.name}: code ${c.code}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});
