import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { makeResource } from './helpers/resource-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const h = await createTestApp();
t.teardown(h.close);

const usd = (amount: string) => ({ amount, currency: 'USD' });
const get = (url: string, key?: string) => h.request({ method: 'GET', url, ...(key ? { key } : {}) });
/** The dates from `from` for `days` days, YYYY-MM-DD. */
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/** Fixture facts, loaded before any test: a refusal stops the file rather than asserting outside a test. */
async function load(family: string, rows: unknown[]) {
  const res = await postFacts(h, family, rows);
  if (res.statusCode !== 200) throw new Error(`loading ${family}: ${res.statusCode} ${res.body}`);
}

const sea = await makeResource(h, 'logistics_channel', { name: 'Sea', attributes: { mode: 'sea', carrier: 'Matson', transit_days_min: 25, transit_days_max: 35, cost_per_kg: usd('1.20') } });
const air = await makeResource(h, 'logistics_channel', { name: 'Air', attributes: { mode: 'air', carrier: 'DHL', transit_days_min: 7, transit_days_max: 10, cost_per_kg: usd('6.00') } });
await makeResource(h, 'logistics_channel', { name: 'Retired rail', status: 'retired', attributes: { mode: 'rail', carrier: 'CR', transit_days_min: 20, transit_days_max: 90 } });

// A: 10 units a day from 2026-10-22 to 11-13 (23 days), 14 a day from 11-14 to 11-20 (7 days).
const a = await makeProduct(h, { title: 'Lamp A', unit_cost: usd('5.00') });
// B: 2 units a day over the 30 days to 2026-11-20, 100 sellable, no planning inputs (every default).
const b = await makeProduct(h, { title: 'Lamp B' });
// C: no facts at all.
const c = await makeProduct(h, { title: 'Lamp C' });
// D: inactive, so not in the list.
const d = await makeProduct(h, { title: 'Lamp D', status: 'inactive' });

const sales = [
  ...days('2026-10-22', 23).map((date) => ({ product_id: a.id, date, units_ordered: 10 })),
  ...days('2026-11-14', 7).map((date) => ({ product_id: a.id, date, units_ordered: 14 })),
  ...days('2026-10-22', 30).map((date) => ({ product_id: b.id, date, units_ordered: 2 })),
  ...days('2026-10-22', 30).map((date) => ({ product_id: d.id, date, units_ordered: 50 })),
];
await load('traffic_sales', sales);
const stock = [
  { product_id: a.id, date: '2026-11-01', fulfillable: 900, inbound: 0 },
  { product_id: a.id, date: '2026-11-19', fulfillable: 600, inbound: 200 },
  // After as_of: not seen by a plan as of 2026-11-20.
  { product_id: a.id, date: '2026-11-25', fulfillable: 1, inbound: 0 },
  { product_id: b.id, date: '2026-11-20', fulfillable: 100, inbound: 0 },
];
await load('inventory', stock);

t.test('PUT /v1/products/{id}/planning sets the inputs, with defaults and If-Match', async (t) => {
  const fresh = await get(`/v1/products/${a.id}/planning`);
  t.equal(fresh.statusCode, 200);
  t.equal(fresh.headers.etag, '"0"', 'never set: version 0');
  t.same(fresh.json().effective, { production_days: 30, receiving_days: 7, safety_days: 14, review_days: 30 }, 'the documented defaults');

  const body = { production_days: 20, safety_days: 10, units_per_carton: 50, unit_weight_kg: 0.5, default_logistics_channel_id: air.id };
  const put = await h.request({ method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: body, headers: { 'if-match': '"0"' } });
  t.equal(put.statusCode, 200, put.body);
  t.match(put.json(), { ...body, receiving_days: null, review_days: null, version: 1, effective: { production_days: 20, receiving_days: 7, safety_days: 10, review_days: 30 } });

  const stale = await h.request({ method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { production_days: 1 }, headers: { 'if-match': '"0"' } });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'version_conflict');
  t.equal((await get(`/v1/products/${a.id}/planning`)).json().production_days, 20, 'a stale write changed nothing');

  const audit = await get(`/v1/audit-events?object_id=${a.id}`);
  t.ok(audit.json().data.some((e: { action: string }) => e.action === 'product_planning.updated'), 'the change is audited');
});

t.test('GET /v1/products/{id}/replenishment: velocity, stock, and an option per channel (hand-computed)', async (t) => {
  const res = await get(`/v1/products/${a.id}/replenishment`);
  t.equal(res.statusCode, 200, res.body);
  const r = res.json();
  // as_of: the latest sales fact. 7 days: 7 x 14 = 98 units -> 14 a day; 30 days: 23 x 10 + 98 = 328 -> 10.9333 a day.
  // Planned on the faster window: 14 a day. Stock: the latest inventory fact on or before as_of (11-19), not 11-25.
  t.match(r, { as_of: '2026-11-20', velocity_7d: 14, velocity_30d: 10.9333, velocity: 14, sellable: 600, inbound: 200 });
  // Cover: 600 / 14 = 42.86 -> 42.9 days; with inbound 800 / 14 = 57.14 -> 57.1.
  t.equal(r.days_of_cover, 42.9);
  t.equal(r.days_of_cover_with_inbound, 57.1);
  t.same(r.options.map((o: { name: string }) => o.name), ['Air', 'Sea'], 'every active channel (not the retired one), fastest first');
  const [airOption, seaOption] = r.options;
  // Sea: lead 20 + 35 (transit_days_max) + 7 = 62 days; safety 14 x 10 = 140; reorder point 14 x 62 + 140 = 1008.
  // Quantity 14 x (62 + 30) + 140 - (600 + 200) = 628 -> 650 in cartons of 50.
  // Days until order floor((800 - 1008) / 14) = floor(-14.9) = -15: overdue since 2026-11-05.
  // Freight 1.20 x 0.5 = 0.60 a unit x 650 = 390.00; purchase 5.00 x 650 = 3250.00; total 3640.00.
  t.same(seaOption, {
    logistics_channel_id: sea.id,
    name: 'Sea',
    mode: 'sea',
    transit_days: 35,
    lead_time_days: 62,
    safety_stock: 140,
    reorder_point: 1008,
    suggested_quantity: 650,
    days_until_order: -15,
    latest_order_date: '2026-11-05',
    status: 'overdue',
    freight_per_unit: usd('0.60'),
    freight_cost: usd('390.00'),
    purchase_cost: usd('3250.00'),
    total_cost: usd('3640.00'),
  });
  // Air: lead 20 + 10 + 7 = 37; reorder point 14 x 37 + 140 = 658; quantity 14 x 67 + 140 - 800 = 278 -> 300.
  // floor((800 - 658) / 14) = floor(10.1) = 10 days -> 2026-11-30, ok. Freight 6.00 x 0.5 = 3.00 x 300 = 900.00; total 1500 + 900.
  t.same(airOption, {
    logistics_channel_id: air.id,
    name: 'Air',
    mode: 'air',
    transit_days: 10,
    lead_time_days: 37,
    safety_stock: 140,
    reorder_point: 658,
    suggested_quantity: 300,
    days_until_order: 10,
    latest_order_date: '2026-11-30',
    status: 'ok',
    freight_per_unit: usd('3.00'),
    freight_cost: usd('900.00'),
    purchase_cost: usd('1500.00'),
    total_cost: usd('2400.00'),
  });

  const one = await get(`/v1/products/${a.id}/replenishment?logistics_channel_id=${sea.id}`);
  t.same(one.json().options, [seaOption], 'logistics_channel_id picks one channel');
});

t.test('as_of moves the windows and the stock back in time', async (t) => {
  // 7 days to 11-13: 70 units -> 10 a day; 30 days: 23 x 10 = 230 -> 7.6667; stock of 11-01: 900, no inbound.
  // Sea: safety 100; reorder point 10 x 62 + 100 = 720; floor((900 - 720) / 10) = 18 days -> 2026-12-01;
  // quantity 10 x 92 + 100 - 900 = 120 -> 150 in cartons.
  const res = await get(`/v1/products/${a.id}/replenishment?logistics_channel_id=${sea.id}&as_of=2026-11-13`);
  t.match(res.json(), { as_of: '2026-11-13', velocity_7d: 10, velocity_30d: 7.6667, velocity: 10, sellable: 900, inbound: 0 });
  t.match(res.json().options[0], { safety_stock: 100, reorder_point: 720, days_until_order: 18, latest_order_date: '2026-12-01', suggested_quantity: 150, status: 'ok' });
});

t.test('GET /v1/replenishment lists active products, most urgent first, in pages', async (t) => {
  const res = await get('/v1/replenishment');
  t.equal(res.statusCode, 200, res.body);
  const rows = res.json().data;
  t.same(rows.map((r: { product_id: string }) => r.product_id), [b.id, a.id, c.id], 'B overdue, A in 10 days, C without sales last; D inactive');
  // B on every default and the slowest active channel (sea, 35 days): lead 30 + 35 + 7 = 72; velocity 2 (14 / 7 = 60 / 30);
  // safety 2 x 14 = 28; reorder point 2 x 72 + 28 = 172; floor((100 - 172) / 2) = -36; quantity 2 x 102 + 28 - 100 = 132.
  t.match(rows[0], { velocity: 2, options: [{ logistics_channel_id: sea.id, lead_time_days: 72, safety_stock: 28, reorder_point: 172, days_until_order: -36, latest_order_date: '2026-10-15', suggested_quantity: 132, status: 'overdue', freight_per_unit: null, purchase_cost: null }] });
  t.match(rows[1], { product_id: a.id, options: [{ logistics_channel_id: air.id, days_until_order: 10 }] }, 'A on its default channel, air');
  t.match(rows[2], { product_id: c.id, as_of: null, velocity: 0, sellable: 0, options: [{ status: 'no_sales', days_until_order: null, latest_order_date: null, suggested_quantity: 0 }] });

  const first = await get('/v1/replenishment?limit=1');
  t.equal(first.json().data[0].product_id, b.id);
  const second = await get(`/v1/replenishment?limit=1&cursor=${first.json().next_cursor}`);
  t.equal(second.json().data[0].product_id, a.id);
  const third = await get(`/v1/replenishment?limit=1&cursor=${second.json().next_cursor}`);
  t.equal(third.json().data[0].product_id, c.id);
  t.equal(third.json().next_cursor, null);

  const onSea = (await get(`/v1/replenishment?logistics_channel_id=${sea.id}`)).json().data;
  t.same(onSea.map((r: { product_id: string; options: Array<{ days_until_order: number | null }> }) => [r.product_id, r.options[0]!.days_until_order]), [[b.id, -36], [a.id, -15], [c.id, null]]);
});

t.test('the list is set-based: the statement count does not grow with the products', async (t) => {
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await get('/v1/replenishment?limit=200');
    t.equal(res.statusCode, 200);
    return h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length;
  };
  const before = await count();
  for (let i = 0; i < 4; i++) await makeProduct(h);
  t.equal(await count(), before, `${before} statements for 3 and for 7 products`);
});

t.test('bad input is refused and changes nothing; another workspace sees nothing', async (t) => {
  const other = await h.createWorkspace('Company B');
  const theirs = await makeResource(h, 'logistics_channel', {}, other.key);
  const cases: Array<{ name: string; method: 'GET' | 'PUT'; url: string; payload?: object; status: number; code: string }> = [
    { name: 'bad as_of', method: 'GET', url: `/v1/products/${a.id}/replenishment?as_of=yesterday`, status: 400, code: 'validation_failed' },
    { name: 'unknown query parameter', method: 'GET', url: `/v1/replenishment?colour=red`, status: 400, code: 'validation_failed' },
    { name: 'unknown channel', method: 'GET', url: `/v1/products/${a.id}/replenishment?logistics_channel_id=res_01NOSUCHCHANNEL`, status: 404, code: 'not_found' },
    { name: "another workspace's channel", method: 'GET', url: `/v1/replenishment?logistics_channel_id=${theirs.id}`, status: 404, code: 'not_found' },
    { name: 'a cursor of another list', method: 'GET', url: `/v1/replenishment?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, status: 400, code: 'invalid_cursor' },
    { name: 'negative production days', method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { production_days: -1 }, status: 400, code: 'validation_failed' },
    { name: 'zero weight', method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { unit_weight_kg: 0 }, status: 400, code: 'validation_failed' },
    { name: 'unknown field', method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { lead_time_days: 9 }, status: 400, code: 'validation_failed' },
    { name: "another workspace's default channel", method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { default_logistics_channel_id: theirs.id }, status: 422, code: 'validation_failed' },
    { name: 'a warehouse as default channel', method: 'PUT', url: `/v1/products/${a.id}/planning`, payload: { default_logistics_channel_id: (await makeResource(h, 'warehouse')).id }, status: 422, code: 'validation_failed' },
  ];
  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request({ method: c.method, url: c.url, ...(c.payload ? { payload: c.payload } : {}) });
    t.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
    t.equal(res.json().code, c.code, `${c.name}: code`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
  const list = await get('/v1/replenishment', other.key);
  t.equal(list.statusCode, 200);
  t.same(list.json().data, [], 'B has no products, and sees none of A');
  t.equal((await get(`/v1/products/${a.id}/replenishment`, other.key)).statusCode, 404);
});

t.test('GraphQL: replenishment list, one product, and the product field batched', async (t) => {
  const gql = (query: string) => h.request({ method: 'POST', url: '/graphql', payload: { query } });
  const list = await gql('{ replenishment(first: 2) { nodes { product_id options { name days_until_order status } } page_info { has_next_page } } }');
  t.notOk(list.json().errors, JSON.stringify(list.json().errors));
  t.same(list.json().data.replenishment.nodes, [
    { product_id: b.id, options: [{ name: 'Sea', days_until_order: -36, status: 'overdue' }] },
    { product_id: a.id, options: [{ name: 'Air', days_until_order: 10, status: 'ok' }] },
  ]);
  t.equal(list.json().data.replenishment.page_info.has_next_page, true);

  const one = await gql(`{ product_replenishment(product_id: "${a.id}", logistics_channel_id: "${sea.id}") { velocity sellable planning { production_days effective { receiving_days } } options { reorder_point suggested_quantity total_cost { amount currency } } } }`);
  t.same(one.json().data.product_replenishment, { velocity: 14, sellable: 600, planning: { production_days: 20, effective: { receiving_days: 7 } }, options: [{ reorder_point: 1008, suggested_quantity: 650, total_cost: usd('3640.00') }] });
  const missing = await gql('{ product_replenishment(product_id: "prod_01NOSUCH") { velocity } }');
  t.equal(missing.json().data.product_replenishment, null);
  const badDate = await gql(`{ product_replenishment(product_id: "${a.id}", as_of: "soon") { velocity } }`);
  t.equal(badDate.json().errors[0].extensions.code, 'validation_failed');

  const batched = async (first: number) => {
    h.testDb.statements.length = 0;
    const res = await gql(`{ products(first: ${first}) { nodes { id replenishment(logistics_channel_id: "${air.id}") { velocity options { reorder_point } } } } }`);
    t.notOk(res.json().errors, JSON.stringify(res.json().errors));
    return { statements: h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length, nodes: res.json().data.products.nodes };
  };
  const small = await batched(2);
  const large = await batched(6);
  t.equal(large.nodes.length, 6);
  t.equal(large.statements, small.statements, 'the same statements for 2 and 6 products');
  t.same(large.nodes.find((n: { id: string }) => n.id === a.id).replenishment.options, [{ reorder_point: 658 }]);
});

t.test('extreme facts and dates are answered, never a fault', async (t) => {
  // 2 billion units a day (the largest count a fact takes) overflows 32-bit integers in every product of the formulas.
  const huge = await makeProduct(h, { title: 'Huge' });
  await load('traffic_sales', days('2026-11-01', 30).map((date) => ({ product_id: huge.id, date, units_ordered: 2_000_000_000 })));
  await load('inventory', [{ product_id: huge.id, date: '2026-11-30', fulfillable: 2_000_000_000, inbound: 2_000_000_000 }]);
  const res = await get(`/v1/products/${huge.id}/replenishment?logistics_channel_id=${sea.id}`);
  t.equal(res.statusCode, 200, res.body);
  // Lead 30 + 35 + 7 = 72 days at 2e9 a day: reorder point 2e9 x 72 + 2e9 x 14 = 172e9.
  t.match(res.json().options[0], { reorder_point: 172_000_000_000, status: 'overdue' });

  const early = await get(`/v1/products/${a.id}/replenishment?as_of=1000-01-01`);
  t.equal(early.statusCode, 400);
  t.equal(early.json().code, 'validation_failed');
  t.equal((await get(`/v1/products/${a.id}/replenishment?as_of=2199-12-31`)).statusCode, 200, 'a date far ahead: no sales in its windows');
});
