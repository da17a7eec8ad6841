import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { fieldsOnlyForm, fixture, importForm } from './helpers/imports.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/**
 * Bad input to the import routes: problem+json with a stable code, and the database
 * exactly as before (no facts, no products, no import record, no audit event).
 */
t.test('bad imports are refused with problem+json and change nothing', async (t) => {
  const h = await createTestApp({ IMPORT_MAX_BYTES: 64 * 1024 });
  t.teardown(h.close);
  const form = importForm;
  // The key's first use stamps last_used_at: make it before the first snapshot.
  await h.request({ method: 'GET', url: '/v1/imports' });
  const byDate = 'Date,Ordered Product Sales,Units Ordered,Total Order Items,Page Views,Sessions\n';
  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'JSON instead of a form', status: 415, code: 'unsupported_media_type', req: { method: 'POST', url: '/v1/imports', payload: { marketplace: 'US' } } },
    { name: 'no file part', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...fieldsOnlyForm({ marketplace: 'US' }) } },
    { name: 'unknown field', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv'), { marketplace: 'US', colour: 'red' }) } },
    { name: 'unknown type', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv'), { marketplace: 'US', type: 'everything' }) } },
    { name: 'unknown marketplace', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv'), { marketplace: 'XX' }) } },
    { name: 'bad date', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('business-report-child-us.csv'), { marketplace: 'US', date: '21/09/2024' }) } },
    { name: 'bad all_or_nothing', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv'), { marketplace: 'US', all_or_nothing: 'maybe' }) } },
    { name: 'period of several days', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('business-report-child-us.csv'), { marketplace: 'US', period: '2024-09-01..2024-09-07' }) } },
    { name: 'empty file', status: 422, code: 'empty_file', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.alloc(0), { marketplace: 'US' }, 'empty.csv') } },
    { name: 'header only, blank lines', status: 422, code: 'empty_file', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from('\r\n\r\n'), { marketplace: 'US' }, 'blank.csv') } },
    {
      name: 'broken quoting',
      status: 422,
      code: 'malformed_file',
      req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from(`${byDate}9/21/24,$1.00,1,1,5,4\n9/22/24,"$1.00,1,1,5,4\n9/23/24,$1.00,1,1,5,4\n`), { marketplace: 'US' }, 'broken.csv') },
    },
    { name: 'unknown columns', status: 422, code: 'unknown_report_type', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from('Wochentag,Wetter,Laune\nMontag,Regen,mies\n'), { marketplace: 'DE' }, 'weather.csv') } },
    {
      name: 'a file of another type than type',
      status: 422,
      code: 'report_type_mismatch',
      req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv'), { marketplace: 'US', type: 'fba_inventory', date: '2024-09-21' }) },
    },
    { name: 'required columns missing', status: 422, code: 'missing_columns', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from('Date,Sessions\n9/21/24,4\n'), { marketplace: 'US', type: 'business_report_by_date' }, 'thin.csv') } },
    { name: 'no date for a report without a date column', status: 422, code: 'import_date_required', req: { method: 'POST', url: '/v1/imports', ...form(fixture('fba-inventory-us.tsv'), { marketplace: 'US' }) } },
    { name: 'no marketplace', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/imports', ...form(fixture('sp-search-term-us.csv')) } },
    { name: 'unsupported file type', status: 415, code: 'unsupported_file_type', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), { marketplace: 'US' }, 'report.pdf') } },
    { name: 'file too large', status: 413, code: 'payload_too_large', req: { method: 'POST', url: '/v1/imports', ...form(Buffer.alloc(100 * 1024, 'a'), { marketplace: 'US' }, 'big.csv') } },
    {
      name: 'wrong types, all or nothing',
      status: 422,
      code: 'import_rows_rejected',
      req: { method: 'POST', url: '/v1/imports', ...form(Buffer.from(`${byDate}9/21/24,$1.00,1,1,5,4\n9/22/24,$1.00,one,1,5,4\n`), { marketplace: 'US', all_or_nothing: 'true' }, 'typed.csv') },
    },
    { name: 'list: limit zero', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/imports?limit=0' } },
    { name: 'list: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/imports?cursor=bm90IGEgY3Vyc29y' } },
    { name: 'list: unknown filter', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/imports?colour=red' } },
    { name: 'get: malformed id', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/imports/not an id' } },
    { name: 'get: unknown id', status: 404, code: 'not_found', req: { method: 'GET', url: '/v1/imports/imp_01NOSUCHIMPORT' } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status} (${res.body.slice(0, 200)})`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    const body = res.json();
    t.equal(body.code, c.code, `${c.name}: code ${c.code}`);
    t.type(body.detail, 'string', `${c.name}: has a detail`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});

t.test('a readable file with wrong types answers per-row errors and writes the good rows', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({
    method: 'POST',
    url: '/v1/imports',
    ...importForm(Buffer.from('Date,Units Ordered,Sessions,Mystery\n9/21/24,1,4,x\n9/22/24,1.5,4,y\n31/31/24,1,4,z\n'), { marketplace: 'US' }, 'typed.csv'),
  });
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), {
    status: 'completed_with_errors',
    rows_read: 3,
    rows_accepted: 1,
    rows_rejected: 2,
    unknown_columns: ['Mystery'],
    errors: [
      { row: 3, column: 'Units Ordered', reason: '"1.5" is not a whole number' },
      { row: 4, column: 'Date', reason: '"31/31/24" is not a valid date' },
    ],
  });
});
