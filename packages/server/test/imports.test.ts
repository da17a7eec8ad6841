import { sql } from 'kysely';
import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { fixture, importForm } from './helpers/imports.ts';

// One app for the file (an embedded database takes seconds to start); each test works
// in a workspace of its own.
const h: TestApp = await createTestApp();
t.teardown(h.close);

interface Company {
  workspaceId: string;
  key: string;
}

let companies = 0;
const company = (): Promise<Company> => h.createWorkspace(`company ${++companies}`);

async function upload(c: Company, file: string | Buffer, fields: Record<string, string> = {}, filename?: string) {
  return h.request({ method: 'POST', url: '/v1/imports', key: c.key, ...importForm(file, fields, filename) });
}

async function factTables(c: Company) {
  const out: Record<string, unknown[]> = {};
  for (const table of ['products', 'metric_traffic_sales', 'metric_ads', 'metric_inventory', 'metric_returns']) {
    out[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where workspace_id = ${c.workspaceId} order by 1, 2, 3, 4, 5`.execute(h.app.db)).rows;
  }
  return out;
}

const count = async (table: string, c: Company) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where workspace_id = ${c.workspaceId}`.execute(h.app.db)).rows[0]!.n);

t.test('POST /v1/imports imports a Business Report, adds its products, and answers the finished import', async (t) => {
  const c = await company();
  const res = await upload(c, fixture('business-report-child-us.csv'), { marketplace: 'US', date: '2024-09-21' });
  t.equal(res.statusCode, 201, res.body);
  const imp = res.json();
  t.match(imp, {
    object: 'import',
    type: 'business_report_by_child',
    format: 'csv',
    filename: 'business-report-child-us.csv',
    marketplace: 'US',
    date: '2024-09-21',
    mode: 'skip_invalid',
    status: 'completed',
    rows_read: 5,
    rows_accepted: 4,
    rows_rejected: 0,
    rows_skipped: 1,
    facts_inserted: 4,
    facts_updated: 0,
    facts_unchanged: 0,
    products_created: 4,
    unknown_columns: [],
    errors: [],
    errors_truncated: false,
  });
  t.match(imp.id, /^imp_/);
  t.equal(res.headers.location, `/v1/imports/${imp.id}`);

  const got = await h.request({ method: 'GET', url: `/v1/imports/${imp.id}`, key: c.key });
  t.equal(got.statusCode, 200);
  t.same(got.json(), imp);

  const products = await h.request({ method: 'GET', url: '/v1/products?limit=200', key: c.key });
  t.equal(products.statusCode, 200);
  const spoon = products.json().data.find((p: { asin: string; sku: string }) => p.asin === 'B0CJ1LM2ZA');
  t.match(spoon, { marketplace: 'US', sku: 'SR-BAM-2PK', parent_asin: 'B0CJ1KQ7XP', title: 'Bamboo Spoon Rest, 2 Pack - Natural' });
  const facts = await sql<{ sessions: number; units_ordered: number; ordered_product_sales: string; currency: string; buy_box_percentage: string }>`
    select sessions, units_ordered, ordered_product_sales::float8::text as ordered_product_sales, currency, buy_box_percentage::float8::text as buy_box_percentage
    from metric_traffic_sales where workspace_id = ${c.workspaceId} and product_id = ${spoon.id}`.execute(h.app.db);
  t.same(facts.rows, [{ sessions: 5824, units_ordered: 370, ordered_product_sales: '12897.84', currency: 'USD', buy_box_percentage: '78.87' }], 'the child under two parents counted once');
});

t.test('importing the same file twice changes nothing', async (t) => {
  const c = await company();
  const first = await upload(c, fixture('sp-search-term-us.csv'), { marketplace: 'US' });
  t.equal(first.statusCode, 201, first.body);
  t.match(first.json(), { rows_read: 5, rows_accepted: 5, facts_inserted: 5 });
  const before = await factTables(c);
  const second = await upload(c, fixture('sp-search-term-us.csv'), { marketplace: 'US' });
  t.equal(second.statusCode, 201);
  t.match(second.json(), { rows_accepted: 5, facts_inserted: 0, facts_updated: 0, facts_unchanged: 5, products_created: 0, file_sha256: first.json().file_sha256 });
  t.same(await factTables(c), before, 'facts and products are as they were');
});

t.test("a UK child report counts an ASIN's traffic once and each SKU's sales", async (t) => {
  const c = await company();
  const res = await upload(c, fixture('business-report-child-uk.csv'), { marketplace: 'GB', period: '2026-02-04..2026-02-04' });
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), { marketplace: 'UK', date: '2026-02-04', products_created: 3, rows_accepted: 3 });
  const totals = await sql<{ sessions: number; units: number }>`
    select sum(f.sessions)::int as sessions, sum(f.units_ordered)::int as units
    from metric_traffic_sales f join products p on p.workspace_id = f.workspace_id and p.id = f.product_id
    where p.asin = 'B0BGPMD867' and f.workspace_id = ${c.workspaceId}`.execute(h.app.db);
  t.same(totals.rows[0], { sessions: 5824, units: 382 });
});

t.test('rejected rows are reported with row, column and reason and never block the others', async (t) => {
  const c = await company();
  const file = Buffer.from(
    'Date,Ordered Product Sales,Units Ordered,Total Order Items,Page Views,Sessions\n9/21/24,$10.00,1,1,5,4\nsoon,ten dollars,1,1,5,4\n9/23/24,$3.00,2,2,9,8\n',
  );
  const res = await upload(c, file, { marketplace: 'US' }, 'by-date.csv');
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), { status: 'completed_with_errors', rows_read: 3, rows_accepted: 2, rows_rejected: 1, facts_inserted: 2 });
  t.same(res.json().errors, [
    { row: 3, column: 'Date', reason: '"soon" is not a date' },
    { row: 3, column: 'Ordered Product Sales', reason: '"ten dollars" is not a number' },
  ]);
  const days = await sql<{ date: string }>`select date from metric_traffic_sales where workspace_id = ${c.workspaceId} order by date`.execute(h.app.db);
  t.same(days.rows.map((r) => r.date), ['2024-09-21', '2024-09-23']);
});

t.test('all_or_nothing refuses the whole file when a row is rejected, and writes nothing', async (t) => {
  const c = await company();
  const before = await factTables(c);
  const file = Buffer.from('Date,Units Ordered,Sessions\n9/21/24,1,4\n9/22/24,lots,4\n');
  const res = await upload(c, file, { marketplace: 'US', all_or_nothing: 'true' }, 'by-date.csv');
  t.equal(res.statusCode, 422, res.body);
  t.match(res.json(), { code: 'import_rows_rejected', errors: [{ path: '/file/row/3/Units Ordered', message: '"lots" is not a number' }] });
  t.same(await factTables(c), before);
  t.same((await h.request({ method: 'GET', url: '/v1/imports', key: c.key })).json().data, [], 'no import is recorded');
});

t.test('every supported report imports through the API', async (t) => {
  const c = await company();
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['business-report-child-de.csv', { marketplace: 'DE', date: '2026-02-04' }, 'business_report_by_child', 'metric_traffic_sales'],
    ['business-report-child-jp.csv', { marketplace: 'JP', date: '2026-02-04' }, 'business_report_by_child', 'metric_traffic_sales'],
    ['business-report-by-date-uk.csv', { marketplace: 'UK' }, 'business_report_by_date', 'metric_traffic_sales'],
    ['business-report-by-date-us-2020.csv', { marketplace: 'US' }, 'business_report_by_date', 'metric_traffic_sales'],
    ['sp-advertised-product-ae.csv', { marketplace: 'AE' }, 'sp_advertised_product', 'metric_ads'],
    ['sp-targeting-uk.csv', { marketplace: 'UK', type: 'sp_targeting' }, 'sp_targeting', 'metric_ads'],
    ['fba-inventory-us.tsv', { marketplace: 'US', date: '2024-09-21' }, 'fba_inventory', 'metric_inventory'],
    ['afn-inventory-uk.tsv', { marketplace: 'UK', date: '2026-02-04' }, 'afn_inventory', 'metric_inventory'],
    ['fba-customer-returns-us.tsv', { marketplace: 'US' }, 'fba_customer_returns', 'metric_returns'],
    ['all-orders-us.tsv', { marketplace: 'US' }, 'all_orders', 'metric_traffic_sales'],
    ['sp-api-sales-and-traffic-uk-one-day.json', {}, 'sp_api_sales_and_traffic', 'metric_traffic_sales'],
  ];
  for (const [file, fields, type, table] of cases) {
    const before = await count(table, c);
    const res = await upload(c, fixture(file), fields);
    t.equal(res.statusCode, 201, `${file}: ${res.body.slice(0, 300)}`);
    t.match(res.json(), { type, rows_rejected: 0, errors: [] }, file);
    const after = await count(table, c);
    t.ok(after > before, `${file}: facts written to ${table}`);
  }
  const targets = await sql<{ targeting: string }>`select targeting from metric_ads where workspace_id = ${c.workspaceId} and campaign = 'SP_Exact_dust sheet'`.execute(h.app.db);
  t.same(targets.rows, [{ targeting: 'dust sheet [exact]' }], 'keyword targets carry their match type');
});

t.test('GET /v1/imports pages newest first and filters', async (t) => {
  const c = await company();
  const a = (await upload(c, fixture('business-report-by-date-uk.csv'), { marketplace: 'UK' })).json();
  const b = (await upload(c, fixture('sp-search-term-us.csv'), { marketplace: 'US' })).json();
  const page1 = await h.request({ method: 'GET', url: '/v1/imports?limit=1', key: c.key });
  t.equal(page1.statusCode, 200);
  t.same(page1.json().data.map((i: { id: string }) => i.id), [b.id]);
  const page2 = await h.request({ method: 'GET', url: `/v1/imports?limit=1&cursor=${page1.json().next_cursor}`, key: c.key });
  t.same(page2.json().data.map((i: { id: string }) => i.id), [a.id]);
  t.equal(page2.json().next_cursor, null);
  const filtered = await h.request({ method: 'GET', url: '/v1/imports?type=sp_search_term&marketplace=US', key: c.key });
  t.same(filtered.json().data.map((i: { id: string }) => i.id), [b.id]);
  const gql = await h.request({ method: 'POST', url: '/graphql', key: c.key, payload: { query: '{ imports(first: 5, marketplace: "GB") { nodes { id type rows_read } page_info { has_next_page } } }' } });
  t.same(gql.json(), { data: { imports: { nodes: [{ id: a.id, type: 'business_report_by_date', rows_read: 3 }], page_info: { has_next_page: false } } } });
});

t.test('imports need metrics scopes', async (t) => {
  const c = await company();
  const reader = await h.createKey(['metrics:read'], c.key);
  const res = await h.request({ method: 'POST', url: '/v1/imports', key: reader, ...importForm(fixture('sp-search-term-us.csv'), { marketplace: 'US' }) });
  t.equal(res.statusCode, 403);
  t.equal(res.json().code, 'forbidden');
  const other = await h.createKey(['sop:read'], c.key);
  t.equal((await h.request({ method: 'GET', url: '/v1/imports', key: other })).statusCode, 403);
});
