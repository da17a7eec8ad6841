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
