import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';

const get = async (h: TestApp, url: string, key?: string) => {
  const res = await h.request({ method: 'GET', url, ...(key ? { key } : {}) });
  return { status: res.statusCode, body: res.json() };
};

/** A week of traffic and ads for one product, Monday 2026-11-02 to Sunday 2026-11-08. */
const WEEK = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'];
const SESSIONS = [100, 120, 0, 80, 200, 150, 50];
const UNITS = [10, 6, 0, 8, 30, 9, 2];
const SALES = ['199.90', '119.94', '0', '159.92', '599.70', '179.91', '39.98'];
const CLICKS = [10, 12, 0, 9, 25, 14, 5];
const IMPRESSIONS = [1000, 1500, 200, 900, 2500, 1600, 700];
const SPEND = ['7.50', '9.60', '0', '6.30', '20.00', '11.20', '3.50'];
const AD_SALES = ['59.97', '39.98', '0', '19.99', '159.92', '39.98', '0'];

async function seedWeek(h: TestApp, productId: string) {
  const traffic = WEEK.map((date, i) => ({ product_id: productId, date, sessions: SESSIONS[i], units_ordered: UNITS[i], ordered_product_sales: { amount: SALES[i], currency: 'USD' } }));
  const ads = WEEK.map((date, i) => ({ product_id: productId, date, clicks: CLICKS[i], impressions: IMPRESSIONS[i], spend: { amount: SPEND[i], currency: 'USD' }, sales: { amount: AD_SALES[i], currency: 'USD' }, orders: 1 }));
  for (const [family, rows] of [['traffic_sales', traffic], ['ads', ads]] as const) {
    const res = await postFacts(h, family, rows);
    if (res.statusCode !== 200) throw new Error(`seedWeek ${family}: ${res.statusCode} ${res.body}`);
  }
}

const sum = (xs: Array<number | string>) => xs.reduce<number>((a, x) => a + Number(x), 0);

t.test('GET /v1/metrics/measures lists every measure with unit, formula and description', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const { status, body } = await get(h, '/v1/metrics/measures');
  t.equal(status, 200);
  const keys = body.data.map((m: { key: string }) => m.key);
  for (const k of ['sessions', 'conversion', 'ctr', 'cpc', 'acos', 'roas', 'tacos', 'ad_share_of_sales', 'return_rate', 'average_selling_price', 'days_of_cover', 'buy_box_percentage', 'rating']) {
    t.ok(keys.includes(k), `${k} is listed`);
  }
  t.match(body.data.find((m: { key: string }) => m.key === 'acos'), { kind: 'derived', unit: 'ratio', formula: 'ad_spend / ad_sales' });
});

t.test('derived measures of a week come from its summed parts, as computed by hand', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  await seedWeek(h, p.id);
  const measures = 'sessions,units_ordered,ordered_product_sales,conversion,average_selling_price,ctr,cpc,acos,roas,tacos,ad_share_of_sales,return_rate';
  const { status, body } = await get(h, `/v1/metrics/series?measures=${measures}&from=2026-11-02&to=2026-11-08&grain=week&group_by=product`);
  t.equal(status, 200);
  t.equal(body.data.length, 1);
  const [point] = body.data;
  t.match(point, { period: '2026-W45', start: '2026-11-02', end: '2026-11-08', group: { key: p.id } });
  const v = point.values;
  t.equal(v.sessions, sum(SESSIONS));
  t.same(v.ordered_product_sales, { amount: sum(SALES).toFixed(2), currency: 'USD' });
  t.equal(v.conversion, sum(UNITS) / sum(SESSIONS), 'units over sessions, not the mean of daily ratios');
  t.not(v.conversion, UNITS.map((u, i) => (SESSIONS[i] ? u / SESSIONS[i]! : 0)).reduce((a, b) => a + b) / 7);
  t.same(v.average_selling_price, { amount: (sum(SALES) / sum(UNITS)).toFixed(2), currency: 'USD' });
  t.equal(v.ctr, sum(CLICKS) / sum(IMPRESSIONS));
  t.same(v.cpc, { amount: (sum(SPEND) / sum(CLICKS)).toFixed(2), currency: 'USD' });
  t.ok(Math.abs(v.acos - sum(SPEND) / sum(AD_SALES)) < 1e-12, 'ACoS = spend / ad sales');
  t.ok(Math.abs(v.roas - sum(AD_SALES) / sum(SPEND)) < 1e-12, 'ROAS = ad sales / spend');
  t.ok(Math.abs(v.tacos - sum(SPEND) / sum(SALES)) < 1e-12, 'TACoS = spend / total sales');
  t.ok(Math.abs(v.ad_share_of_sales - sum(AD_SALES) / sum(SALES)) < 1e-12);
  t.equal(v.return_rate, null, 'no returns data: null, not zero');

  const daily = await get(h, `/v1/metrics/series?measures=conversion,acos&from=2026-11-04&to=2026-11-04`);
  t.same(daily.body.data[0].values, { conversion: null, acos: null }, 'an empty denominator gives null');
});

t.test('compare adds the previous period and the change', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  await postFacts(h, 'traffic_sales', [
    { product_id: p.id, date: '2026-10-26', sessions: 200, units_ordered: 20 },
    { product_id: p.id, date: '2026-11-02', sessions: 150, units_ordered: 30 },
    { product_id: p.id, date: '2025-11-03', sessions: 100, units_ordered: 5 },
  ]);
  const prev = await get(h, '/v1/metrics/series?measures=sessions,conversion&from=2026-11-02&to=2026-11-08&grain=week&compare=previous_period');
  t.equal(prev.status, 200);
  t.match(prev.body.data[0], {
    period: '2026-W45',
    values: { sessions: 150, conversion: 0.2 },
    previous: { sessions: 200, conversion: 0.1 },
    change: { sessions: -0.25, conversion: 1 },
  });
  const year = await get(h, '/v1/metrics/series?measures=sessions&from=2026-11-02&to=2026-11-08&grain=week&compare=previous_year');
  t.match(year.body.data[0], { period: '2026-W45', values: { sessions: 150 }, previous: { sessions: 100 }, change: { sessions: 0.5 } }, '52 weeks earlier: ISO week 2025-W45');
});

t.test('ISO weeks across a year boundary, and months', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const days = ['2025-12-28', '2025-12-29', '2025-12-31', '2026-01-01', '2026-01-04', '2026-01-05'];
  await postFacts(h, 'traffic_sales', days.map((date) => ({ product_id: p.id, date, sessions: 10 })));
  const weeks = await get(h, '/v1/metrics/series?measures=sessions&from=2025-12-28&to=2026-01-05&grain=week');
  t.same(
    weeks.body.data.map((d: { period: string; start: string; end: string; values: { sessions: number } }) => [d.period, d.start, d.end, d.values.sessions]),
    [
      ['2025-W52', '2025-12-28', '2025-12-28', 10],
      ['2026-W01', '2025-12-29', '2026-01-04', 40],
      ['2026-W02', '2026-01-05', '2026-01-05', 10],
    ],
  );
  const months = await get(h, '/v1/metrics/series?measures=sessions&from=2025-12-01&to=2026-01-31&grain=month');
  t.same(months.body.data.map((d: { period: string; values: { sessions: number } }) => [d.period, d.values.sessions]), [['2025-12', 30], ['2026-01', 30]]);
});

