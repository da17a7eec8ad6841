import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import t from 'tap';
import { fixture, readReport } from './helpers/imports.ts';

const header = 'Date,Ordered Product Sales,Units Ordered,Total Order Items,Page Views,Sessions,Buy Box Percentage';

t.test('CRLF and LF, with and without BOM, comma or semicolon: the same facts', async (t) => {
  const lf = `${header}\n9/21/24,$10.00,1,1,5,4,100.00%\n`;
  const variants = [lf, lf.replace(/\n/g, '\r\n'), `\ufeff${lf}`, `\ufeff${lf.replace(/\n/g, '\r\n')}`, lf.trimEnd()];
  for (const text of variants) {
    const r = await readReport(Buffer.from(text), { marketplace: 'US' });
    t.same(r.facts.map((f) => [f.date, f.values.sessions]), [['2024-09-21', 4]], JSON.stringify(text.slice(0, 12)));
  }
  const semicolons = await readReport(Buffer.from('Datum;Umsatz bestellter Produkte;Bestellte Einheiten;Sitzungen\n21.09.2024;"1.234,56 €";3;"1.001"\n'), { marketplace: 'DE' });
  t.equal(semicolons.type, 'business_report_by_date');
  t.match(semicolons.facts[0]!.values, { sessions: 1001, units_ordered: 3, ordered_product_sales: { amount: '1234.56', currency: 'EUR' } });
});

t.test('quoted fields keep commas and quotes; a line break inside quotes is read and folds to a space', async (t) => {
  const text = `(Child) ASIN,Title,SKU,Sessions,Units Ordered\nB0CJ1LM2ZA,"Spoon rest, ""bamboo""\nline two",SR-1,"1,001",2\n`;
  const r = await readReport(Buffer.from(text), { marketplace: 'US', date: '2024-09-21' });
  t.equal(r.facts[0]!.product!.title, 'Spoon rest, "bamboo" line two');
  t.equal(r.facts[0]!.values.sessions, 1001);
});

t.test('broken quoting is an error that names the line', async (t) => {
  const unclosed = `${header}\n9/21/24,"$10.00,1,1,5,4,100.00%\n9/22/24,$1.00,1,1,5,4,100.00%\n`;
  await t.rejects(readReport(Buffer.from(unclosed), { marketplace: 'US' }), { code: 'malformed_file', status: 422, message: /never closed/ });
  const stray = `${header}\n9/21/24,"$10.00"x,1,1,5,4,100.00%\n`;
  await t.rejects(readReport(Buffer.from(stray), { marketplace: 'US' }), { code: 'malformed_file', errors: [{ path: '/file/line/2' }] });
});

t.test('an empty file, or one with only blank lines, is empty_file', async (t) => {
  for (const text of ['', '\ufeff', '\r\n\r\n  \n']) {
    await t.rejects(readReport(Buffer.from(text), { marketplace: 'US' }), { code: 'empty_file', status: 422 });
  }
});

t.test('files of no supported format are unsupported_file_type (415)', async (t) => {
  const files = [
    Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  ];
  for (const file of files) await t.rejects(readReport(file, { marketplace: 'US' }), { code: 'unsupported_file_type', status: 415 });
  await t.rejects(readReport(Buffer.from('PK\u0003\u0004 not really a zip'), { marketplace: 'US' }), { code: 'malformed_file' }, 'a damaged workbook');
});

t.test('columns of no known report are unknown_report_type', async (t) => {
  await t.rejects(readReport(Buffer.from('foo,bar,baz\n1,2,3\n'), { marketplace: 'US' }), { code: 'unknown_report_type', message: /foo, bar, baz/ });
  await t.rejects(readReport(Buffer.from('{"hello": [1, 2]}'), { marketplace: 'US' }), { code: 'unknown_report_type' });
});

t.test('a file of another type than `type` is report_type_mismatch; missing columns are missing_columns', async (t) => {
  await t.rejects(readReport(fixture('sp-search-term-us.csv'), { marketplace: 'US', type: 'business_report_by_child', date: '2024-09-21' }), {
    code: 'report_type_mismatch',
    message: /is a Sponsored Products: Search term report, not a Business Report/,
  });
  await t.rejects(readReport(fixture('business-report-by-date-uk.csv'), { marketplace: 'UK', type: 'sp_api_sales_and_traffic' }), { code: 'report_type_mismatch' });
  await t.rejects(readReport(fixture('sp-api-sales-and-traffic-uk-one-day.json'), { type: 'all_orders' }), { code: 'report_type_mismatch' });
  await t.rejects(readReport(Buffer.from('Date,Sessions,Mystery\n9/21/24,4,x\n'), { marketplace: 'US', type: 'business_report_by_date' }), {
    code: 'missing_columns',
    message: /Units Ordered.*Columns it does not know: Mystery/,
  });
});

t.test('an unknown extra column is reported, not fatal', async (t) => {
  const r = await readReport(Buffer.from(`${header},Mystery Column\n9/21/24,$10.00,1,1,5,4,100.00%,x\n`), { marketplace: 'US' });
  t.same(r.unknownColumns, ['Mystery Column']);
  t.equal(r.facts.length, 1);
});

t.test('a report without a date column needs `date`; every report needs a marketplace', async (t) => {
  await t.rejects(readReport(fixture('business-report-child-us.csv'), { marketplace: 'US' }), { code: 'import_date_required', errors: [{ path: '/date' }] });
  await t.rejects(readReport(fixture('business-report-by-date-uk.csv'), {}), { code: 'validation_failed', errors: [{ path: '/marketplace' }] });
});

t.test('wrong types are per-row errors with row, column and reason; good rows still read', async (t) => {
  const text = `${header}\n9/21/24,$10.00,1,1,5,4,100.00%\nsoon,ten dollars,1.5,1,5,4,100.00%\n9/23/24,$3.00,1,1,5,4,\n`;
  const r = await readReport(Buffer.from(text), { marketplace: 'US' });
  t.match(r, { rowsRead: 3, rowsRejected: 1 });
  t.same(r.facts.map((f) => f.row), [2, 4]);
  t.same(r.errors, [
    { row: 3, column: 'Date', reason: '"soon" is not a date' },
    { row: 3, column: 'Units Ordered', reason: '"1.5" is not a whole number' },
    { row: 3, column: 'Ordered Product Sales', reason: '"ten dollars" is not a number' },
  ]);
});

t.test('malformed JSON is malformed_file', async (t) => {
  await t.rejects(readReport(Buffer.from('{"reportSpecification": {"reportType": "GET_SALES_AND_TRAFFIC_REPORT"}, "salesAndTrafficByDate": [{"date": '), {}), {
    code: 'malformed_file',
  });
});

t.test('XLSX from the ads console: date cells, Excel serials, text dates, blank rows', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sellerops-xlsx-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'Sponsored Products Targeting report.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Sponsored Product Targeting Re');
  sheet.addRow(['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Ad Group Name', 'Targeting', 'Match Type', 'Impressions', 'Clicks', 'Click-Thru Rate (CTR)', 'Cost Per Click (CPC)', 'Spend', '14 Day Total Sales ', 'Total Advertising Cost of Sales (ACOS) ', '14 Day Total Orders (#)', '14 Day Total Units (#)']).commit();
  const dateRow = sheet.addRow([new Date(Date.UTC(2024, 8, 21)), 'Main', 'EUR', 'DE_Exact', 'Rank', 'knoblauchpresse', 'EXACT', 1530, 18, 0.0117, 1.43, 25.740000000000002, 45.9, 0.5607, 5, 5]);
  dateRow.getCell(1).numFmt = 'yyyy-mm-dd';
  dateRow.commit();
  sheet.addRow([45557, 'Main', 'EUR', 'DE_Exact', 'Rank', 'knoblauchpresse', 'EXACT', 900, 7, 0.0078, 1.2, 8.4, 0, null, 0, 0]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['23.09.2024', 'Main', 'EUR', 'DE_Exact', 'Rank', 'knoblauchpresse', 'EXACT', 'lots', 7, 0.0078, 1.2, 8.4, 0, null, 0, 0]).commit();
  sheet.commit();
  await workbook.commit();

  const r = await readReport(path, { marketplace: 'DE' });
  t.equal(r.format, 'xlsx');
  t.equal(r.type, 'sp_targeting');
  t.same(r.unknownColumns, []);
  t.match(r, { rowsRead: 3, rowsRejected: 1 });
  t.same(r.facts.map((f) => f.date), ['2024-09-21', '2024-09-22']);
  t.same(r.facts[0]!.values, { impressions: 1530, clicks: 18, spend: { amount: '25.74', currency: 'EUR' }, attributed_sales: { amount: '45.9', currency: 'EUR' }, attributed_orders: 5, attributed_units: 5, attribution_days: 14 });
  t.same(r.errors, [{ row: 5, column: 'Impressions', reason: '"lots" is not a number' }]);
});
