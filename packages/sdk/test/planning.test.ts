import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { ProblemError, createClient, type TurnoverPlanInput } from '../src/index.ts';

const server = await startTestServer();
t.teardown(server.close);
const client = createClient({ baseUrl: server.url, apiKey: server.adminKey });

const usd = (amount: string) => ({ amount, currency: 'USD' });

t.test('the turnover planner through the SDK', async (t) => {
  const sea = await client.POST('/v1/resources', {
    body: { key: 'sea-sdk', kind: 'logistics_channel', name: 'Sea', attributes: { mode: 'sea', carrier: 'Matson', transit_days_min: 25, transit_days_max: 35, cost_per_kg: usd('1.20') } },
  });
  const input: TurnoverPlanInput = {
    unit_cost: usd('5.00'),
    price: usd('25.00'),
    fees_per_unit: usd('9.00'),
    expected_monthly_units: 300,
    production_days: 15,
    unit_weight_kg: 0.5,
    budget: usd('20000'),
    channels: [{ logistics_channel_id: sea.id }, { name: 'Express', mode: 'express', transit_days: 5, freight_per_unit: usd('5.00') }],
    goal: 'cash_flow',
  };
  const plan = await client.POST('/v1/planning/turnover', { body: input });
  // Sea: 15 + 35 + 7 + 30 + 14 = 101 days, 5.60 x 1010 units = 5656.00; express: 71 days, 10.00 x 710 = 7100.00.
  t.same(plan.options.map((o) => [o.cash_cycle_days, o.capital_tied_up.amount]), [[101, '5656.00'], [71, '7100.00']]);
  t.equal(plan.recommendation.name, 'Express');

  try {
    await client.POST('/v1/planning/turnover', { body: { ...input, channels: [{ logistics_channel_id: 'res_01NOSUCHCHANNEL' }] } });
    t.fail('an unknown channel is refused');
  } catch (error) {
    t.ok(error instanceof ProblemError);
    t.equal((error as ProblemError).code, 'not_found');
  }
});

t.test('replenishment through the SDK: planning inputs, one product, the list', async (t) => {
  const product = await client.POST('/v1/products', { body: { marketplace: 'US', asin: 'B0SDKREPL1', sku: 'SDK-REPL' } });
  const days = Array.from({ length: 30 }, (_, i) => new Date(Date.parse('2026-10-22T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
  await client.POST('/v1/metrics/facts', { body: { family: 'traffic_sales', rows: days.map((date) => ({ product_id: product.id, date, units_ordered: 4 })) } });
  await client.POST('/v1/metrics/facts', { body: { family: 'inventory', rows: [{ product_id: product.id, date: '2026-11-20', fulfillable: 300, inbound: 0 }] } });
  const planning = await client.PUT('/v1/products/{id}/planning', { params: { path: { id: product.id } }, body: { production_days: 10, receiving_days: 5, safety_days: 5 } });
  t.equal(planning.version, 1);
  const channel = await client.POST('/v1/resources', {
    body: { key: 'air-sdk', kind: 'logistics_channel', name: 'Air', attributes: { mode: 'air', carrier: 'DHL', transit_days_min: 5, transit_days_max: 8 } },
  });
  const replenishment = await client.GET('/v1/products/{id}/replenishment', { params: { path: { id: product.id }, query: { logistics_channel_id: channel.id } } });
  // 4 a day; lead 10 + 8 + 5 = 23; safety 4 x 5 = 20; reorder point 4 x 23 + 20 = 112; floor((300 - 112) / 4) = 47 days.
  t.match(replenishment.options[0], { lead_time_days: 23, safety_stock: 20, reorder_point: 112, days_until_order: 47, latest_order_date: '2027-01-06' });
  const list = await client.GET('/v1/replenishment', { params: { query: { logistics_channel_id: channel.id } } });
  t.ok(list.data.some((r) => r.product_id === product.id));
});
