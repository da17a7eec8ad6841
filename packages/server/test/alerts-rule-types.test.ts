import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { alertsOf, days, makeRule, usd } from './helpers/alert-factories.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';

type TapTest = Parameters<Extract<Parameters<typeof t.test>[0], (...args: never[]) => unknown>>[0];

/**
 * Each rule type on a built scenario: product `hit` meets the condition, product
 * `control` has the same kind of facts but does not. The facts are posted after the
 * rule exists, so the alerts come from the evaluation that runs with the facts write.
 */

const WEEK = days('2026-03-02', 7);
const TWO_WEEKS = days('2026-02-23', 14);

async function pair(h: TestApp) {
  const hit = await makeProduct(h);
  const control = await makeProduct(h);
  return { hit: hit.id, control: control.id };
}

async function post(t: TapTest, h: TestApp, family: string, rows: unknown[]) {
  const res = await postFacts(h, family, rows);
  t.equal(res.statusCode, 200, `${family} facts are written`);
}

async function expectOnlyHit(t: TapTest, h: TestApp, ruleId: string, products: { hit: string; control: string }, count = 1) {
  const alerts = await alertsOf(h, `rule_id=${ruleId}`);
  t.equal(alerts.filter((a) => a.product_id === products.hit).length, count, 'the product that meets the condition has its alert');
  t.equal(alerts.filter((a) => a.product_id === products.control).length, 0, 'the control product has none');
  return alerts.filter((a) => a.product_id === products.hit);
}

t.test('acos_above: ad spend over ad sales in the window above the threshold', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'acos_above', threshold: 0.3, scope: 'products', product_ids: [p.hit, p.control] });
  await post(t, h, 'ads', [
    ...WEEK.map((date) => ({ date, product_id: p.hit, campaign: 'Auto', spend: usd(50), sales: usd(100), clicks: 10 })),
    ...WEEK.map((date) => ({ date, product_id: p.control, campaign: 'Auto', spend: usd(10), sales: usd(100), clicks: 10 })),
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 0.5, 'ACoS 350 / 700');
  t.equal(alert!.status, 'open');
  t.same([alert!.window_start, alert!.window_end], [WEEK[0], WEEK[6]], 'the window is the 7 days ending at the latest fact');
  t.match(alert!.message, /ACoS 50\.0% from 2026-03-02 to 2026-03-08 is above 30\.0%/);
});

t.test('tacos_above: ad spend over total sales', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'tacos_above', threshold: 0.2 });
  await post(t, h, 'traffic_sales', [p.hit, p.control].flatMap((id) => WEEK.map((date) => ({ date, product_id: id, sessions: 100, units_ordered: 5, ordered_product_sales: usd(100) }))));
  await post(t, h, 'ads', [
    ...WEEK.map((date) => ({ date, product_id: p.hit, spend: usd(30), sales: usd(60) })),
    ...WEEK.map((date) => ({ date, product_id: p.control, spend: usd(5), sales: usd(60) })),
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 0.3, 'TACoS 210 / 700');
});

t.test('conversion_drop: this window against the one before', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'conversion_drop', threshold: 0.2, window_days: 7 });
  await post(t, h, 'traffic_sales', [
    ...TWO_WEEKS.map((date, i) => ({ date, product_id: p.hit, sessions: 100, units_ordered: i < 7 ? 10 : 5 })),
    ...TWO_WEEKS.map((date, i) => ({ date, product_id: p.control, sessions: 100, units_ordered: i < 7 ? 10 : 9 })),
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 0.5, 'conversion fell from 10% to 5%: half');
  t.equal(alert!.reference_value, 0.1, 'the window before converted at 10%');
});

t.test('days_of_cover_below_lead_time: stock and inbound over average daily units, against the lead time', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'days_of_cover_below_lead_time', threshold: 30, window_days: 7 });
  await post(t, h, 'traffic_sales', [
    ...WEEK.map((date) => ({ date, product_id: p.hit, sessions: 100, units_ordered: 10 })),
    ...WEEK.map((date) => ({ date, product_id: p.control, sessions: 100, units_ordered: 1 })),
  ]);
  await post(t, h, 'inventory', [
    { date: WEEK[0], product_id: p.hit, fulfillable: 900 },
    { date: WEEK[6], product_id: p.hit, fulfillable: 100, inbound: 50 },
    { date: WEEK[6], product_id: p.control, fulfillable: 100 },
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 15, '150 units (latest snapshot, inbound included) / 10 a day');
  t.equal(alert!.reference_value, 10, 'average daily units');
});

t.test('new_negative_review: negative reviews in the window', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'new_negative_review' });
  t.equal(rule.threshold, 1, 'one negative review is enough by default');
  await post(t, h, 'reviews', [
    { date: WEEK[6], product_id: p.hit, new_reviews: 2, negative_reviews: 1, rating: 4.2 },
    { date: WEEK[6], product_id: p.control, new_reviews: 3, negative_reviews: 0, rating: 4.8 },
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 1);
});

t.test('keyword_rank_below: one alert per keyword off page one', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'keyword_rank_below', threshold: 48 });
  await post(t, h, 'keyword_ranks', [
    { date: WEEK[5], product_id: p.hit, keyword: 'desk lamp', organic_rank: 12 },
    { date: WEEK[6], product_id: p.hit, keyword: 'desk lamp', organic_rank: 61 },
    { date: WEEK[6], product_id: p.hit, keyword: 'reading lamp', organic_rank: 80 },
    { date: WEEK[6], product_id: p.hit, keyword: 'lamp', organic_rank: 9 },
    { date: WEEK[5], product_id: p.control, keyword: 'desk lamp', organic_rank: 70 },
    { date: WEEK[6], product_id: p.control, keyword: 'desk lamp', organic_rank: 20 },
  ]);
  const alerts = await expectOnlyHit(t, h, rule.id, p, 2);
  t.same(
    alerts.map((a) => [a.condition_key, a.observed_value]).sort(),
    [
      ['desk lamp', 61],
      ['reading lamp', 80],
    ],
    'the latest rank of each keyword decides; the control is back on page one',
  );
});

t.test('competitor_price_below_ours: a competitor under our average selling price by more than the threshold', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'competitor_price_below_ours', threshold: 0.05 });
  await post(t, h, 'traffic_sales', [p.hit, p.control].flatMap((id) => WEEK.map((date) => ({ date, product_id: id, sessions: 50, units_ordered: 10, ordered_product_sales: usd(200) }))));
  await post(t, h, 'competitor_snapshots', [
    { date: WEEK[6], product_id: p.hit, competitor_asin: 'B0RIVAL001', price: usd(15) },
    { date: WEEK[6], product_id: p.hit, competitor_asin: 'B0RIVAL002', price: usd(21) },
    { date: WEEK[6], product_id: p.control, competitor_asin: 'B0RIVAL003', price: usd(19.5) },
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.condition_key, 'B0RIVAL001');
  t.equal(alert!.observed_value, 0.25, '15 USD is 25% under our 20 USD');
  t.match(alert!.message, /B0RIVAL001 sells at 15\.00 USD/);
});

t.test('buy_box_below: average buy box percentage in the window', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await pair(h);
  const rule = await makeRule(h, { type: 'buy_box_below', threshold: 90 });
  await post(t, h, 'traffic_sales', [
    ...WEEK.map((date) => ({ date, product_id: p.hit, sessions: 100, units_ordered: 5, buy_box_percentage: 70 })),
    ...WEEK.map((date) => ({ date, product_id: p.control, sessions: 100, units_ordered: 5, buy_box_percentage: 98 })),
  ]);
  const [alert] = await expectOnlyHit(t, h, rule.id, p);
  t.equal(alert!.observed_value, 70);
});

t.test('scope: a product line rule watches only that line', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const inLine = await makeProduct(h, { product_line: 'Lamps' });
  const other = await makeProduct(h, { product_line: 'Chairs' });
  const rule = await makeRule(h, { type: 'buy_box_below', threshold: 90, scope: 'product_line', product_line: 'Lamps' });
  await post(t, h, 'traffic_sales', [inLine.id, other.id].flatMap((id) => WEEK.map((date) => ({ date, product_id: id, sessions: 10, buy_box_percentage: 50 }))));
  const alerts = await alertsOf(h, `rule_id=${rule.id}`);
  t.same(alerts.map((a) => a.product_id), [inLine.id], 'only the product of the line');
});
