import t from 'tap';
import type { Test } from 'tap';
import { splitUnits } from '../src/modules/diagnosis/decomposition.ts';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { STEADY, steady, storyProduct, type Day } from './helpers/diagnosis-scenarios.ts';

/**
 * Known stories built from facts: the diagnosis must rank the true cause first, and
 * the traffic and conversion parts must add up to the change in units exactly.
 */

const diagnose = async (h: TestApp, productId: string, query = 'period=2026-W47') => {
  const res = await h.request({ method: 'GET', url: `/v1/products/${productId}/diagnosis?${query}` });
  if (res.statusCode !== 200) throw new Error(`diagnosis: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** Decimal text -> integer micros, so that money sums are checked without floating point. */
const micros = (amount: string) => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return amount.startsWith('-') ? -value : value;
};

type Diagnosis = Awaited<ReturnType<typeof diagnose>>;

function checkParts(t: Test, d: Diagnosis, expectedChange: number) {
  const units = d.decomposition.units;
  t.equal(units.change, expectedChange, `units changed by ${expectedChange}`);
  t.equal(units.traffic_part + units.conversion_part, units.change, 'traffic part + conversion part = change, exactly');
  const s0 = units.sessions.previous;
  const s1 = units.sessions.current;
  const c0 = units.previous / s0;
  const c1 = units.current / s1;
  t.ok(Math.abs(units.traffic_part - ((s1 - s0) * (c0 + c1)) / 2) < 1e-4, 'traffic part = (S1 - S0) x (C0 + C1) / 2');
  t.ok(Math.abs(units.conversion_part - ((c1 - c0) * (s0 + s1)) / 2) < 1e-4, 'conversion part = (C1 - C0) x (S0 + S1) / 2');
  const sales = d.decomposition.sales;
  t.equal(micros(sales.traffic_part.amount) + micros(sales.conversion_part.amount) + micros(sales.price_part.amount), micros(sales.change.amount), 'sales parts add up to the change');
  t.equal(micros(sales.current.amount) - micros(sales.previous.amount), micros(sales.change.amount));
  const causeSum = d.causes.reduce((sum: number, c: { estimated_units: number }) => sum + c.estimated_units, 0);
  t.ok(Math.abs(causeSum - units.change) < 0.01 * d.causes.length + 1e-9, `causes add up to the change (${causeSum})`);
}

const with_ = (changes: Partial<Day>) => (): Day => ({ ...STEADY, ...changes });

t.test('a keyword losing page one: traffic falls, the keyword is the first cause', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await storyProduct(h, steady, with_({ sessions: 140, units: 14, ranks: { 'desk lamp': [60, 2], 'led desk lamp': [10, 5] } }));
  const d = await diagnose(h, p.id);
  t.match(d.period, { label: '2026-W47', from: '2026-11-16', to: '2026-11-22', days: 7 });
  t.match(d.previous_period, { label: '2026-W46', from: '2026-11-09', to: '2026-11-15', days: 7 });
  checkParts(t, d, 98 - 140);
  t.equal(d.decomposition.units.traffic_part, -42, 'conversion held at 10%: the whole change is traffic');
  t.equal(d.decomposition.units.conversion_part, 0);
  t.match(d.causes[0], { rank: 1, key: 'keyword_rank:desk lamp', type: 'keyword_rank', part: 'traffic', estimated_units: -42 });
  t.match(d.causes[0].evidence, { organic_rank_previous: 4, organic_rank_current: 60, page_one_days_previous: 7, page_one_days_current: 0, search_volume: 20000 });
  t.match(d.causes[0].explanation, /"desk lamp".*organic rank 4 to rank 60, off page one/);
  t.equal(d.causes.length, 1, 'nothing else moved');
  t.same(d.unknown, [], 'every family has data in both weeks');
  const lamp = d.traffic.keywords[0];
  t.match(lamp, { keyword: 'desk lamp', organic_rank: { previous: 4, current: 60 }, page_one_days: { previous: 7, current: 0 }, organic_visibility: { previous: 5000, current: 0 } });
  t.same(d.traffic.ad_clicks, { previous: 210, current: 210 });
  t.same(d.traffic.ad_units, { previous: 21, current: 21 });
  t.same(d.traffic.organic_units, { previous: 119, current: 77 }, 'organic units = units - ad units');
  t.same(d.traffic.organic_sales, { previous: { amount: '2975', currency: 'USD' }, current: { amount: '1925', currency: 'USD' } });
});

t.test('a competitor cutting price: conversion falls, price is the first cause', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await storyProduct(h, steady, with_({ units: 13, competitorPrice: '19.99' }));
  const d = await diagnose(h, p.id);
  checkParts(t, d, 91 - 140);
  t.equal(d.decomposition.units.traffic_part, 0, 'sessions did not move');
  t.equal(d.causes[0].key, 'price');
  t.equal(d.causes[0].part, 'conversion');
  t.ok(d.causes[0].estimated_units < -40, `price explains most of the loss (${d.causes[0].estimated_units})`);
  t.match(d.causes[0].evidence, { own_price_previous: 25, own_price_current: 25, competitor_price_previous: 25, competitor_price_current: 19.99, competitors_compared: 1 });
  t.match(d.causes[0].explanation, /Competitors changed their price/);
  t.same(d.conversion.competitor_price, { previous: { amount: '25.00', currency: 'USD' }, current: { amount: '19.99', currency: 'USD' } });
  t.same(d.conversion.price_index, { previous: 1, current: 1.2506 });
});

t.test('a stock-out: three days without stock, lost units at the in-stock pace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const out = (i: number): Day => (i >= 2 && i <= 4 ? { ...STEADY, units: 0, fulfillable: 0 } : STEADY);
  const p = await storyProduct(h, steady, out);
  const d = await diagnose(h, p.id);
  checkParts(t, d, 80 - 140);
  t.match(d.causes[0], { key: 'stockout', part: 'conversion', estimated_units: -60 });
  t.match(d.causes[0].evidence, { stockout_days_previous: 0, stockout_days_current: 3, units_per_in_stock_day: 20 });
  t.same(d.conversion.stockout_days, { previous: 0, current: 3 });
  t.equal(d.causes.length, 1, 'three lost days of 20 units explain the whole change');
});

t.test('a ratings drop: negative reviews pull the rating down, reviews are the first cause', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const falling = (i: number): Day => ({ ...STEADY, units: 14, rating: 4.6 - (i + 1) * 0.1, reviewCount: 1000 + i + 1, negativeReviews: i < 4 ? 2 : 0 });
  const p = await storyProduct(h, steady, falling);
  const d = await diagnose(h, p.id);
  checkParts(t, d, 98 - 140);
  t.equal(d.causes[0].key, 'reviews');
  t.match(d.causes[0].evidence, { rating_previous: 4.6, negative_reviews_previous: 0, negative_reviews_current: 8, review_count_previous: 1000, review_count_current: 1007 });
  t.ok(Math.abs(d.causes[0].evidence.rating_current - 3.9) < 1e-9, 'the rating at the end of the week');
  t.match(d.causes[0].explanation, /rating went from 4\.6 to 3\.9 stars; 8 new 1-3 star reviews/);
  t.ok(d.causes[0].estimated_units < -30, `reviews explain most of it (${d.causes[0].estimated_units})`);
});

t.test('traffic and conversion both moving: both parts, each traced to its cause, largest first', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await storyProduct(h, steady, with_({ sessions: 140, units: 7, competitorPrice: '19.99', ranks: { 'desk lamp': [60, 2], 'led desk lamp': [10, 5] } }));
  const d = await diagnose(h, p.id);
  checkParts(t, d, 49 - 140);
  const { traffic_part, conversion_part } = d.decomposition.units;
  t.ok(traffic_part < 0 && conversion_part < 0, 'both parts are losses');
  t.equal(traffic_part, -31.5, '(980 - 1400) x (0.1 + 0.05) / 2');
  t.equal(conversion_part, -59.5, '(0.05 - 0.1) x (1400 + 980) / 2');
  t.equal(d.causes[0].key, 'price', 'the larger part first');
  const keyword = d.causes.find((c: { key: string }) => c.key === 'keyword_rank:desk lamp');
  t.equal(keyword?.estimated_units, -31.5, 'the keyword carries the traffic part');
  t.equal(keyword?.rank, 2);
});

t.test('previous_year compares with the same ISO week a year before', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await storyProduct(h, steady, steady);
  const d = await diagnose(h, p.id, 'period=2026-W47&compare=previous_year');
  t.match(d.previous_period, { label: '2025-W47', from: '2025-11-17', to: '2025-11-23' });
  t.equal(d.decomposition, null, 'no facts a year before');
  t.match(d.unknown[0], { type: 'decomposition', missing: ['traffic_sales'], periods: ['previous'] });
  t.same(d.causes, []);
});

t.test('the split adds up exactly for any sessions and units, zero sessions included', async (t) => {
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 5000; i++) {
    const s0 = random(4) === 0 ? 0 : random(100_000);
    const s1 = random(4) === 0 ? 0 : random(100_000);
    const u0 = random(Math.max(1, Math.floor(s0 / 3)));
    const u1 = random(Math.max(1, Math.floor(s1 / 3)));
    const split = splitUnits(s0, u0, s1, u1);
    if (split.trafficPart + split.conversionPart !== u1 - u0) {
      t.fail(`${s0} ${u0} ${s1} ${u1}: ${split.trafficPart} + ${split.conversionPart} != ${u1 - u0}`);
      return;
    }
    if (Math.round(split.trafficPart * 1e4) / 1e4 !== split.trafficPart) t.fail(`${split.trafficPart} has more than 4 decimals`);
  }
  t.same(splitUnits(0, 0, 0, 0), { change: 0, trafficPart: 0, conversionPart: 0, c0: 0, c1: 0 });
  t.match(splitUnits(0, 0, 100, 10), { trafficPart: 10, conversionPart: 0 }, 'from nothing: all traffic');
  t.match(splitUnits(0, 5, 0, 8), { trafficPart: 0, conversionPart: 3 }, 'no sessions on either side: all conversion');
  t.match(splitUnits(100, 10, 0, 0), { trafficPart: -10, conversionPart: 0 });
});
