import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeResource } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const h = await createTestApp();
t.teardown(h.close);

const usd = (amount: string) => ({ amount, currency: 'USD' });
const plan = (payload: object, key?: string) => h.request({ method: 'POST', url: '/v1/planning/turnover', payload, ...(key ? { key } : {}) });

// Sea freight from the registry: planned on transit_days_max (35), priced 1.20 USD per kg.
const sea = await makeResource(h, 'logistics_channel', {
  name: 'Sea',
  attributes: { mode: 'sea', carrier: 'Matson', transit_days_min: 25, transit_days_max: 35, cost_per_kg: usd('1.20') },
});

/**
 * A $25 desk lamp: unit cost 5.00, Amazon fees 9.00, 300 units a month (10 a day),
 * 15 production days paid upfront, 7 receiving, 14 settlement (both defaults), one
 * month per batch (300 units, sold in 30 days), 0.5 kg a unit, a 20,000 USD budget.
 */
const LAMP = {
  unit_cost: usd('5.00'),
  price: usd('25.00'),
  fees_per_unit: usd('9.00'),
  expected_monthly_units: 300,
  production_days: 15,
  unit_weight_kg: 0.5,
  budget: usd('20000'),
  channels: [
    { logistics_channel_id: sea.id },
    { name: 'Air', mode: 'air', transit_days: 10, cost_per_kg: usd('6.00') },
    { name: 'Express', mode: 'express', transit_days: 5, freight_per_unit: usd('5.00') },
  ],
};

t.test('POST /v1/planning/turnover computes every figure per channel (hand-computed)', async (t) => {
  const res = await plan({ ...LAMP, goal: 'scale' });
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.same(body.assumptions, { days_per_month: 30, days_per_year: 365, daily_units: 10, batch_units: 300, production_days: 15, production_paid_upfront: true, receiving_days: 7, settlement_days: 14 });
  const [s, a, e] = body.options;

  // Sea: freight 1.20 x 0.5 = 0.60; landed 5.00 + 0.60 = 5.60; profit 25 - 5.60 - 9 = 10.40; margin 10.40 / 25 = 0.416.
  // Cash cycle 15 + 35 + 7 + 30 (300 units / 10 a day) + 14 = 101 days; turns 365 / 101 = 3.6139 -> 3.61.
  // Pipeline 10 x 101 = 1010 units; capital 5.60 x 1010 = 5656.00; profit a year 10.40 x 10 x 365 = 37960.00;
  // return 37960 / 5656 = 6.71146 -> 6.7115; 20000 / 5656 = 3.54 -> 3 products.
  t.match(s, {
    logistics_channel_id: sea.id,
    name: 'Sea',
    mode: 'sea',
    transit_days: 35,
    freight_per_unit: usd('0.60'),
    landed_cost_per_unit: usd('5.60'),
    fees_per_unit: usd('9.00'),
    profit_per_unit: usd('10.40'),
    gross_margin: 0.416,
    days_to_sell_batch: 30,
    cash_cycle_days: 101,
    turns_per_year: 3.61,
    units_in_pipeline: 1010,
    capital_tied_up: usd('5656.00'),
    gross_profit_per_year: usd('37960.00'),
    return_on_capital_per_year: 6.7115,
    budget_carries: true,
    products_carried: 3,
    warnings: [],
  });
  // Air: freight 6.00 x 0.5 = 3.00; landed 8.00; profit 25 - 8 - 9 = 8.00; margin 0.32.
  // Cash cycle 15 + 10 + 7 + 30 + 14 = 76; turns 365 / 76 = 4.8026 -> 4.80; pipeline 760; capital 8 x 760 = 6080.00;
  // profit a year 8 x 3650 = 29200.00; return 29200 / 6080 = 4.8026; 20000 / 6080 = 3.29 -> 3 products.
  t.match(a, {
    logistics_channel_id: null,
    name: 'Air',
    transit_days: 10,
    freight_per_unit: usd('3.00'),
    landed_cost_per_unit: usd('8.00'),
    profit_per_unit: usd('8.00'),
    gross_margin: 0.32,
    cash_cycle_days: 76,
    turns_per_year: 4.8,
    units_in_pipeline: 760,
    capital_tied_up: usd('6080.00'),
    gross_profit_per_year: usd('29200.00'),
    return_on_capital_per_year: 4.8026,
    products_carried: 3,
  });
  // Express: freight 5.00 stated; landed 10.00; profit 6.00; margin 0.24; cycle 15 + 5 + 7 + 30 + 14 = 71;
  // turns 365 / 71 = 5.1408 -> 5.14; pipeline 710; capital 7100.00; profit a year 21900.00;
  // return 21900 / 7100 = 3.0845; 20000 / 7100 = 2.8 -> 2 products.
  t.match(e, {
    name: 'Express',
    freight_per_unit: usd('5.00'),
    landed_cost_per_unit: usd('10.00'),
    gross_margin: 0.24,
    cash_cycle_days: 71,
    turns_per_year: 5.14,
    units_in_pipeline: 710,
    capital_tied_up: usd('7100.00'),
    gross_profit_per_year: usd('21900.00'),
    return_on_capital_per_year: 3.0845,
    products_carried: 2,
  });
  // Scale: sea and air both carry 3 products; air turns faster (76 days against 101), so air. It gives up margin to sea.
  t.same(body.recommendation, {
    option_index: 1,
    logistics_channel_id: null,
    name: 'Air',
    summary:
      'Scale: Air carries 3 products on the budget of 20000.00 USD and turns 4.80 times a year. ' +
      'Trade-off: Sea would earn a gross margin of 41.6% instead of 32.0%, with a cash cycle of 101 days instead of 76.',
  });
  t.same(body.warnings, []);
});

t.test('each goal picks its channel and states the trade-off', async (t) => {
  const margin = (await plan({ ...LAMP, goal: 'margin' })).json();
  t.equal(margin.recommendation.name, 'Sea', 'margin: sea, 41.6%');
  t.equal(margin.recommendation.logistics_channel_id, sea.id);
  t.equal(
    margin.recommendation.summary,
    'Margin: Sea keeps the highest gross margin, 41.6%, and returns 6.7115 times its capital a year. ' +
      'Trade-off: Express would turn the cash in 71 days instead of 101 (5.14 turns a year instead of 3.61), at a gross margin of 24.0% instead of 41.6%.',
  );
  const cash = (await plan({ ...LAMP, goal: 'cash_flow' })).json();
  t.equal(cash.recommendation.option_index, 2, 'cash flow: express, 71 days');
  t.equal(
    cash.recommendation.summary,
    'Cash flow: Express has the shortest cash cycle, 71 days (5.14 turns a year). ' +
      'Trade-off: Sea would earn a gross margin of 41.6% instead of 24.0%, with a cash cycle of 101 days instead of 71.',
  );
  const alone = (await plan({ ...LAMP, channels: [LAMP.channels[0]], goal: 'scale' })).json();
  t.match(alone.recommendation.summary, /only channel the budget carries at a profit/);
});

t.test('payment terms, batch size and chargeable freight change the figures as documented', async (t) => {
  // Production paid at shipment, 600-unit batches, settlement 0:
  // sea cycle 35 + 7 + 0 + 60 (600 / 10 a day) = 102 days; pipeline 600 + ceil(300 x 42 / 30) = 1020; capital 5.60 x 1020 = 5712.00.
  const res = await plan({ ...LAMP, channels: [LAMP.channels[0]], production_paid_upfront: false, batch_units: 600, settlement_days: 0, goal: 'scale' });
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json().options[0], { days_to_sell_batch: 60, cash_cycle_days: 102, units_in_pipeline: 1020, capital_tied_up: usd('5712.00') });

  // 0.5 kg x 1.20 = 0.60 by weight, 0.004 cbm x 200 = 0.80 by volume: the greater (chargeable) basis, 0.80.
  const both = await makeResource(h, 'logistics_channel', {
    attributes: { mode: 'sea', carrier: 'COSCO', transit_days_min: 30, transit_days_max: 40, cost_per_kg: usd('1.20'), cost_per_cbm: usd('200') },
  });
  const chargeable = await plan({ ...LAMP, unit_volume_cbm: 0.004, channels: [{ logistics_channel_id: both.id }], goal: 'margin' });
  t.equal(chargeable.statusCode, 200, chargeable.body);
  t.same(chargeable.json().options[0].freight_per_unit, usd('0.80'));
  t.equal(chargeable.json().options[0].transit_days, 40, 'planned on transit_days_max');
});

t.test('a budget too small, and a price below cost, are answered and flagged', async (t) => {
  const small = (await plan({ ...LAMP, budget: usd('5000'), goal: 'scale' })).json();
  t.same(small.warnings, ['over_budget']);
  t.equal(small.recommendation.option_index, null);
  t.equal(small.recommendation.summary, 'The budget of 5000.00 USD carries none of the channels: the least capital needed is 5656.00 USD by Sea. Raise the budget, order smaller batches or choose a lighter product.');
  t.same(small.options.map((o: { products_carried: number }) => o.products_carried), [0, 0, 0]);

  // Price 4.00 under the unit cost of 5.00: allowed, flagged, and nothing is recommended.
  const cheap = await plan({ ...LAMP, price: usd('4.00'), goal: 'margin' });
  t.equal(cheap.statusCode, 200);
  t.same(cheap.json().warnings, ['price_below_unit_cost', 'loss_after_fees']);
  // Sea: 4.00 - 5.60 - 9.00 = -10.60 a unit; margin -10.60 / 4 = -2.65.
  t.match(cheap.json().options[0], { profit_per_unit: usd('-10.60'), gross_margin: -2.65, warnings: ['price_below_landed_cost', 'loss_after_fees'] });
  t.equal(cheap.json().recommendation.option_index, null);
});

t.test('extreme figures are computed, never a fault', async (t) => {
  const res = await plan({
    ...LAMP,
    unit_cost: usd('0.000001'),
    unit_weight_kg: 0.000001,
    expected_monthly_units: 10_000_000,
    batch_units: 100_000_000,
    production_days: 365,
    receiving_days: 120,
    settlement_days: 120,
    budget: usd('999999999999.999999'),
    goal: 'scale',
  });
  t.equal(res.statusCode, 200, res.body);
  // Sea: 365 + 35 + 120 + 120 = 640 fixed days + 300 days to sell 1e8 units at 1e7 a month = 940 days.
  t.equal(res.json().options[0].cash_cycle_days, 940);
  t.ok(Number.isSafeInteger(res.json().options[0].products_carried), 'products carried stays a safe integer');
});

t.test('the planner writes nothing and needs metrics:read', async (t) => {
  const before = await databaseSnapshot(h);
  const res = await h.request({ method: 'POST', url: '/v1/planning/turnover', payload: { ...LAMP, goal: 'scale' }, headers: { 'idempotency-key': 'plan-1' } });
  t.equal(res.statusCode, 200);
  t.same(await databaseSnapshot(h), before, 'no row written, not even an idempotency record');
  const reader = await h.createKey(['metrics:read']);
  t.equal((await plan({ ...LAMP, goal: 'scale' }, reader)).statusCode, 200);
  const other = await h.createKey(['resources:read']);
  const refused = await plan({ ...LAMP, goal: 'scale' }, other);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'forbidden');
});

t.test('bad input is refused with a problem code and a path', async (t) => {
  const warehouse = await makeResource(h, 'warehouse');
  const b = await h.createWorkspace('Company B');
  const cases: Array<{ name: string; body: object; status: number; code: string; path?: string }> = [
    { name: 'negative price', body: { ...LAMP, goal: 'scale', price: usd('-1.00') }, status: 400, code: 'validation_failed' },
    { name: 'zero monthly units', body: { ...LAMP, goal: 'scale', expected_monthly_units: 0 }, status: 400, code: 'validation_failed' },
    { name: 'negative production days', body: { ...LAMP, goal: 'scale', production_days: -3 }, status: 400, code: 'validation_failed' },
    { name: 'unknown goal', body: { ...LAMP, goal: 'brand' }, status: 400, code: 'validation_failed' },
    { name: 'unknown field', body: { ...LAMP, goal: 'scale', discount: 1 }, status: 400, code: 'validation_failed' },
    { name: 'no channel', body: { ...LAMP, goal: 'scale', channels: [] }, status: 400, code: 'validation_failed' },
    { name: 'zero unit cost', body: { ...LAMP, goal: 'scale', unit_cost: usd('0') }, status: 422, code: 'validation_failed', path: '/body/unit_cost/amount' },
    { name: 'mixed currencies', body: { ...LAMP, goal: 'scale', price: { amount: '25.00', currency: 'EUR' } }, status: 422, code: 'validation_failed', path: '/body/price/currency' },
    { name: 'weight missing for a per-kg channel', body: { ...LAMP, goal: 'scale', unit_weight_kg: undefined }, status: 422, code: 'validation_failed', path: '/body/unit_weight_kg' },
    { name: 'inline channel without transit days', body: { ...LAMP, goal: 'scale', channels: [{ mode: 'air', cost_per_kg: usd('6') }] }, status: 422, code: 'validation_failed', path: '/body/channels/0/transit_days' },
    { name: 'inline channel without a price', body: { ...LAMP, goal: 'scale', channels: [{ mode: 'air', transit_days: 9 }] }, status: 422, code: 'validation_failed', path: '/body/channels/0' },
    { name: 'id and inline fields', body: { ...LAMP, goal: 'scale', channels: [{ logistics_channel_id: sea.id, transit_days: 3 }] }, status: 422, code: 'validation_failed', path: '/body/channels/0' },
    { name: 'unknown channel id', body: { ...LAMP, goal: 'scale', channels: [{ logistics_channel_id: 'res_01NOSUCHCHANNEL' }] }, status: 404, code: 'not_found' },
    { name: 'a warehouse is no logistics channel', body: { ...LAMP, goal: 'scale', channels: [{ logistics_channel_id: warehouse.id }] }, status: 404, code: 'not_found' },
  ];
  for (const c of cases) {
    const res = await plan(c.body);
    t.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
    t.equal(res.json().code, c.code, `${c.name}: code`);
    if (c.path) t.ok(res.json().errors.some((e: { path: string }) => e.path === c.path), `${c.name}: names ${c.path}`);
  }
  // Another workspace's channel is not found, exactly like one that does not exist.
  const foreign = await plan({ ...LAMP, goal: 'scale' }, b.key);
  t.equal(foreign.statusCode, 404);
  t.equal(foreign.json().code, 'not_found');
  t.equal(foreign.json().title, (await plan({ ...LAMP, goal: 'scale', channels: [{ logistics_channel_id: 'res_01NOSUCHCHANNEL' }] }, b.key)).json().title);
});

t.test('GraphQL turnover_plan gives the same plan, and the same errors', async (t) => {
  const query = `query Plan($input: JSON!) { turnover_plan(input: $input) {
    currency goal budget { amount currency }
    options { name logistics_channel_id cash_cycle_days turns_per_year capital_tied_up { amount } return_on_capital_per_year products_carried gross_margin }
    recommendation { option_index name summary }
    warnings } }`;
  const gql = (input: object) => h.request({ method: 'POST', url: '/graphql', payload: { query, variables: { input } } });
  const res = await gql({ ...LAMP, goal: 'margin' });
  t.notOk(res.json().errors, JSON.stringify(res.json().errors));
  const data = res.json().data.turnover_plan;
  t.same(data.options[0], { name: 'Sea', logistics_channel_id: sea.id, cash_cycle_days: 101, turns_per_year: 3.61, capital_tied_up: { amount: '5656.00' }, return_on_capital_per_year: 6.7115, products_carried: 3, gross_margin: 0.416 });
  t.equal(data.recommendation.name, 'Sea');
  const rest = (await plan({ ...LAMP, goal: 'margin' })).json();
  t.equal(data.recommendation.summary, rest.recommendation.summary, 'one service behind both faces');

  const bad = await gql({ ...LAMP, goal: 'margin', expected_monthly_units: -1 });
  t.equal(bad.json().errors[0].extensions.code, 'validation_failed');
  const missing = await gql({ ...LAMP, goal: 'margin', channels: [{ logistics_channel_id: 'res_01NOSUCHCHANNEL' }] });
  t.equal(missing.json().errors[0].extensions.code, 'not_found');
  const hiring = await h.createKey(['hiring:read']);
  const forbidden = await h.request({ method: 'POST', url: '/graphql', key: hiring, payload: { query, variables: { input: { ...LAMP, goal: 'margin' } } } });
  t.equal(forbidden.json().errors[0].extensions.code, 'forbidden');
});
