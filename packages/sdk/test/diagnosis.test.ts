import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { ProblemError, createClient, type Diagnosis } from '../src/index.ts';

const server = await startTestServer();
t.teardown(server.close);
const client = createClient({ baseUrl: server.url, apiKey: server.adminKey });

const WEEKS = { previous: ['2026-11-09', '2026-11-10'], current: ['2026-11-16', '2026-11-17'] };

t.test('a diagnosis through the SDK: a product, its parent ASIN, and a refused period', async (t) => {
  const product = await client.POST('/v1/products', { body: { marketplace: 'US', asin: 'B0SDKDIAG1', parent_asin: 'B0SDKPARNT', title: 'Desk lamp' } });
  const rows = [
    ...WEEKS.previous.map((date) => ({ product_id: product.id, date, sessions: 100, units_ordered: 10, ordered_product_sales: { amount: '250.00', currency: 'USD' } })),
    ...WEEKS.current.map((date) => ({ product_id: product.id, date, sessions: 100, units_ordered: 6, ordered_product_sales: { amount: '150.00', currency: 'USD' } })),
  ];
  await client.POST('/v1/metrics/facts', { body: { family: 'traffic_sales', rows } });
  await client.POST('/v1/metrics/facts', {
    body: {
      family: 'inventory',
      rows: [...WEEKS.previous, ...WEEKS.current].map((date) => ({ product_id: product.id, date, fulfillable: date === '2026-11-17' ? 0 : 100 })),
    },
  });

  const diagnosis: Diagnosis = await client.GET('/v1/products/{id}/diagnosis', { params: { path: { id: product.id }, query: { period: '2026-W47' } } });
  t.equal(diagnosis.decomposition?.units.change, -8);
  t.equal(diagnosis.decomposition?.units.traffic_part, 0);
  t.equal(diagnosis.decomposition?.units.conversion_part, -8);
  t.equal(diagnosis.decomposition?.sales?.change.amount, '-200');
  t.equal(diagnosis.causes[0]?.key, 'stockout', 'a day out of stock at 10 units a day');
  t.ok(diagnosis.unknown.some((u) => u.type === 'price'), 'no competitor data: price is unknown');

  const group = await client.GET('/v1/diagnosis', { params: { query: { parent_asin: 'B0SDKPARNT', period: '2026-W47' } } });
  t.same(group.scope.product_ids, [product.id]);

  try {
    await client.GET('/v1/products/{id}/diagnosis', { params: { path: { id: product.id }, query: { from: '2026-11-20', to: '2026-11-01' } } });
    t.fail('from after to is refused');
  } catch (error) {
    t.ok(error instanceof ProblemError);
    t.equal((error as ProblemError).code, 'validation_failed');
  }
});
