import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { STEADY, steady, storyProduct, type Day } from './helpers/diagnosis-scenarios.ts';
import { makeProduct, postFacts } from './helpers/metrics-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/** The diagnosis routes and query: scopes, periods, bad input, missing data, tenancy and GraphQL. */

const get = async (h: TestApp, url: string, key?: string) => {
  const res = await h.request({ method: 'GET', url, ...(key ? { key } : {}) });
  return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
};
const gql = (h: TestApp, query: string, variables: Record<string, unknown> = {}, key?: string) =>
  h.request({ method: 'POST', url: '/graphql', payload: { query, variables }, ...(key ? { key } : {}) });

t.test('bad input is refused with problem+json and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h, { parent_asin: 'B0PARENT01' });
  const url = `/v1/products/${p.id}/diagnosis`;
  const cases: Array<{ name: string; status: number; code: string; url: string }> = [
    { name: 'period: not a week or month', status: 400, code: 'validation_failed', url: `${url}?period=2026-47` },
    { name: 'period: week 54', status: 400, code: 'validation_failed', url: `${url}?period=2026-W54` },
    { name: 'period: week 53 of a 52-week year', status: 400, code: 'validation_failed', url: `${url}?period=2025-W53` },
    { name: 'period: month 13', status: 400, code: 'validation_failed', url: `${url}?period=2026-13` },
    { name: 'period and from together', status: 400, code: 'validation_failed', url: `${url}?period=2026-W47&from=2026-11-01&to=2026-11-07` },
    { name: 'from without to', status: 400, code: 'validation_failed', url: `${url}?from=2026-11-01` },
    { name: 'from after to', status: 400, code: 'validation_failed', url: `${url}?from=2026-11-08&to=2026-11-01` },
    { name: 'range too long', status: 400, code: 'validation_failed', url: `${url}?from=2025-01-01&to=2026-01-02` },
    { name: 'not a calendar day', status: 400, code: 'validation_failed', url: `${url}?from=2026-02-30&to=2026-03-02` },
    { name: 'year out of range', status: 400, code: 'validation_failed', url: `${url}?from=0001-01-01&to=0001-01-05` },
    { name: 'month out of range', status: 400, code: 'validation_failed', url: `${url}?period=9999-12` },
    { name: 'bad compare', status: 400, code: 'validation_failed', url: `${url}?period=2026-W47&compare=last_week` },
    { name: 'unknown parameter', status: 400, code: 'validation_failed', url: `${url}?period=2026-W47&grain=day` },
    { name: 'unknown product', status: 404, code: 'not_found', url: '/v1/products/prod_01NOSUCHPRODUCT/diagnosis?period=2026-W47' },
    { name: 'group: two scopes', status: 400, code: 'validation_failed', url: '/v1/diagnosis?period=2026-W47&parent_asin=B0PARENT01&product_line=Lamps' },
    { name: 'group: bad parent ASIN', status: 400, code: 'validation_failed', url: '/v1/diagnosis?period=2026-W47&parent_asin=lamp' },
    { name: 'group: unknown parent ASIN', status: 404, code: 'not_found', url: '/v1/diagnosis?period=2026-W47&parent_asin=B0NOSUCHPA' },
    { name: 'group: parent ASIN on another marketplace', status: 404, code: 'not_found', url: '/v1/diagnosis?period=2026-W47&parent_asin=B0PARENT01&marketplace=DE' },
    { name: 'group: bad marketplace', status: 400, code: 'validation_failed', url: '/v1/diagnosis?period=2026-W47&parent_asin=B0PARENT01&marketplace=XX' },
  ];
  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await get(h, c.url);
    t.equal(res.status, c.status, `${c.name}: status ${c.status}`);
    t.match(res.type, /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.body.code, c.code, `${c.name}: code ${c.code}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
  const tooLong = await get(h, `${url}?from=2025-01-01&to=2026-01-02`);
  t.same(tooLong.body.errors, [{ path: '/querystring/to', message: 'range too long' }]);
});

t.test('a product without facts: 200 with every cause unknown, nothing guessed', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const { status, body } = await get(h, `/v1/products/${p.id}/diagnosis?period=2026-11`);
  t.equal(status, 200);
  t.match(body.period, { label: '2026-11', from: '2026-11-01', to: '2026-11-30', days: 30 });
  t.match(body.previous_period, { label: '2026-10', from: '2026-10-01', to: '2026-10-31', days: 31 });
  t.equal(body.decomposition, null);
  t.same(body.causes, []);
  t.same(
    body.unknown.map((u: { type: string; missing: string[]; periods: string[] }) => [u.type, u.missing, u.periods]),
    [
      ['decomposition', ['traffic_sales'], ['previous', 'current']],
      ['keyword_rank', ['keyword_ranks'], ['previous', 'current']],
      ['ad_traffic', ['ads'], ['previous', 'current']],
      ['price', ['competitor_snapshots'], ['previous', 'current']],
      ['buy_box', ['traffic_sales'], ['previous', 'current']],
      ['reviews', ['reviews'], ['previous', 'current']],
      ['stockout', ['inventory'], ['previous', 'current']],
    ],
  );
  t.same(body.traffic.sessions, { previous: null, current: null });
});

t.test('traffic only: the split is made, the causes without data are named unknown', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const rows = [
    { product_id: p.id, date: '2026-11-03', sessions: 100, units_ordered: 10 },
    { product_id: p.id, date: '2026-11-10', sessions: 80, units_ordered: 4 },
  ];
  t.equal((await postFacts(h, 'traffic_sales', rows)).statusCode, 200);
  const { body } = await get(h, `/v1/products/${p.id}/diagnosis?from=2026-11-09&to=2026-11-15`);
  t.match(body.previous_period, { label: null, from: '2026-11-02', to: '2026-11-08' });
  t.match(body.decomposition.units, { previous: 10, current: 4, change: -6, traffic_part: -1.5, conversion_part: -4.5, sessions: { previous: 100, current: 80 }, conversion: { previous: 0.1, current: 0.05 } });
  t.equal(body.decomposition.sales, null, 'no sales amounts');
  t.same(
    body.causes.map((c: { key: string; estimated_units: number }) => [c.key, c.estimated_units]),
    [
      ['other_conversion', -4.5],
      ['other_traffic', -1.5],
    ],
    'with no data to trace them, both parts are named unexplained',
  );
  t.same(body.unknown.map((u: { type: string }) => u.type), ['keyword_rank', 'ad_traffic', 'price', 'buy_box', 'reviews', 'stockout']);
});

t.test('a parent ASIN and a product line are diagnosed as one, per marketplace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const lost = (): Day => ({ ...STEADY, units: 13, competitorPrice: '19.99' });
  const a = await storyProduct(h, steady, lost, { parent_asin: 'B0PARENT01', product_line: 'Lamps' });
  const b = await storyProduct(h, steady, steady, { parent_asin: 'B0PARENT01', product_line: 'Lamps' });
  await storyProduct(h, steady, lost, { parent_asin: 'B0PARENT01', marketplace: 'DE', product_line: 'Lamps' });
  await storyProduct(h, steady, lost, { parent_asin: 'B0OTHERPAR' });

  const parent = await get(h, '/v1/diagnosis?parent_asin=B0PARENT01&marketplace=US&period=2026-W47');
  t.equal(parent.status, 200);
  t.same(parent.body.scope, { type: 'parent_asin', product_id: null, parent_asin: 'B0PARENT01', product_line: null, marketplace: 'US', product_ids: [a.id, b.id].sort() });
  t.match(parent.body.decomposition.units, { previous: 280, current: 231, change: -49, traffic_part: 0, conversion_part: -49 });
  t.equal(parent.body.causes[0].key, 'price');
  // Both children track the rival: one saw it at 19.99, the other at 25.00 (the story of b is steady), so its average is 22.495.
  t.match(parent.body.causes[0].evidence, { competitor_price_previous: 25, competitor_price_current: 22.5, competitors_compared: 1 });

  const catalog = await get(h, '/v1/diagnosis?marketplace=US&period=2026-W47');
  t.equal(catalog.status, 200);
  t.equal(catalog.body.scope.type, 'workspace');
  t.equal(catalog.body.scope.product_ids.length, 3, 'every US product of the workspace');
  t.match(catalog.body.decomposition.units, { previous: 420, current: 322, change: -98, traffic_part: 0, conversion_part: -98 });

  const line = await get(h, '/v1/diagnosis?product_line=Lamps&period=2026-W47');
  t.equal(line.status, 200);
  t.equal(line.body.scope.product_ids.length, 3, 'every marketplace of the line');
  t.equal(line.body.scope.marketplace, null);
  t.equal(line.body.decomposition.units.change, -98);
  t.equal(line.body.decomposition.units.traffic_part + line.body.decomposition.units.conversion_part, -98);
});

t.test('tenancy: another workspace sees none of it', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const p = await storyProduct(h, steady, steady, { parent_asin: 'B0PARENT01', product_line: 'Lamps' });
  const own = await get(h, `/v1/products/${p.id}/diagnosis?period=2026-W47`);
  t.equal(own.status, 200);
  for (const url of [`/v1/products/${p.id}/diagnosis?period=2026-W47`, '/v1/diagnosis?parent_asin=B0PARENT01&period=2026-W47', '/v1/diagnosis?product_line=Lamps&period=2026-W47']) {
    const res = await get(h, url, other.key);
    t.equal(res.status, 404, `${url}: 404 for workspace B`);
    t.equal(res.body.code, 'not_found');
  }
  const empty = await get(h, '/v1/diagnosis?period=2026-W47', other.key);
  t.equal(empty.status, 200, "B's whole catalog, empty: no data, not an error");
  t.match(empty.body, { scope: { type: 'workspace', product_ids: [] }, decomposition: null, causes: [] });
  // B's own product with the same parent ASIN sees only B's facts.
  const mine = await makeProduct(h, { parent_asin: 'B0PARENT01' }, other.key);
  const res = await get(h, '/v1/diagnosis?parent_asin=B0PARENT01&period=2026-W47', other.key);
  t.equal(res.status, 200);
  t.same(res.body.scope.product_ids, [mine.id]);
  t.equal(res.body.decomposition, null, "A's facts are not B's");
  const gqlRes = await gql(h, `{ diagnosis(product_id: "${p.id}", period: "2026-W47") { compare } }`, {}, other.key);
  t.equal(gqlRes.json().errors[0].extensions.code, 'not_found');
});

t.test('a key without metrics:read is refused', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await makeProduct(h);
  const key = await h.createKey(['sop:read']);
  t.equal((await get(h, `/v1/products/${p.id}/diagnosis`, key)).status, 403);
  t.equal((await gql(h, `{ diagnosis(product_id: "${p.id}") { compare } }`, {}, key)).json().errors[0].extensions.code, 'forbidden');
});

const QUERY = `query ($id: ID, $parent: String, $period: String, $compare: String) {
  diagnosis(product_id: $id, parent_asin: $parent, period: $period, compare: $compare) {
    scope { type product_ids }
    period { label from to }
    previous_period { label }
    decomposition { method units { change traffic_part conversion_part } sales { change { amount currency } price_part { amount } } }
    traffic { keywords { keyword organic_rank { previous current } } ad_clicks { previous current } }
    conversion { competitor_price { previous { amount } current { amount } } stockout_days { current } }
    causes { rank key type part estimated_units share_of_change evidence explanation }
    unknown { type missing periods explanation }
  }
}`;

t.test('GraphQL: the same diagnosis as REST, for a product and a parent ASIN', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const p = await storyProduct(h, steady, () => ({ ...STEADY, units: 13, competitorPrice: '19.99' }), { parent_asin: 'B0PARENT01' });
  const rest = (await get(h, `/v1/products/${p.id}/diagnosis?period=2026-W47`)).body;
  const res = await gql(h, QUERY, { id: p.id, period: '2026-W47' });
  t.notOk(res.json().errors, JSON.stringify(res.json().errors));
  const d = res.json().data.diagnosis;
  t.same(d.causes, rest.causes, 'the same ranked causes');
  t.same(d.decomposition.units, { change: rest.decomposition.units.change, traffic_part: rest.decomposition.units.traffic_part, conversion_part: rest.decomposition.units.conversion_part });
  t.equal(d.decomposition.method, rest.decomposition.method);
  t.same(d.conversion.competitor_price, { previous: { amount: '25.00' }, current: { amount: '19.99' } });
  t.equal(d.causes[0].key, 'price');

  const parent = await gql(h, QUERY, { parent: 'B0PARENT01', period: '2026-W47', compare: 'previous_period' });
  t.same(parent.json().data.diagnosis.scope, { type: 'parent_asin', product_ids: [p.id] });

  const catalog = await gql(h, QUERY, { period: '2026-W47' });
  t.same(catalog.json().data.diagnosis.scope, { type: 'workspace', product_ids: [p.id] }, 'no scope: the whole catalog');

  for (const [variables, code] of [
    [{ id: p.id, period: '2026-47' }, 'validation_failed'],
    [{ id: p.id, period: '2026-W47', compare: 'yesterday' }, 'validation_failed'],
    [{ id: p.id, parent: 'B0PARENT01', period: '2026-W47' }, 'validation_failed'],
    [{ id: 'prod_01NOSUCHPRODUCT', period: '2026-W47' }, 'not_found'],
  ] as const) {
    const bad = await gql(h, QUERY, variables);
    t.equal(bad.json().errors?.[0]?.extensions?.code, code, `${JSON.stringify(variables)}: ${code}`);
  }
});
