import { join } from 'node:path';
import t from 'tap';
import { readReport, realFixtures } from './helpers/imports.ts';

const dir = realFixtures();
if (!dir) {
  t.pass('skipped: the real Amazon exports (../shared/fixtures/amazon beside the repository) are not in this clone');
} else {
  const at = (...parts: string[]) => join(dir, ...parts);

  t.test('US Business Report by child item with SKU (BOM, LF, no final newline)', async (t) => {
    const r = await readReport(at('business-report', 'us-by-child-with-sku_BusinessReport-4-24-25.head50.csv'), { marketplace: 'US', date: '2025-04-24' });
    t.equal(r.type, 'business_report_by_child');
    t.same(r.unknownColumns, []);
    t.match(r, { rowsRead: 50, rowsRejected: 0 });
    t.equal(r.facts.length + r.rowsSkipped, 50);
    t.same(r.facts[0]!.product, { asin: 'B01E46PJCE', sku: 'RC-VB-062095-1', parent_asin: 'B0BWLP5NDS', title: 'MOVOFLEX Soft Chews Hip and Joint Support Supplement for Dogs for Medium Dogs - 60 Count By Virbac' });
    t.match(r.facts[0]!.values, { sessions: 59330, page_views: 80637, buy_box_percentage: 0.9284, units_ordered: 36765, ordered_product_sales: { amount: '2309707.02', currency: 'USD' }, order_items: 35957 });
  });

  t.test('UK Business Report by child item (en dashes, sentence case, £)', async (t) => {
    const r = await readReport(at('business-report', 'uk-by-child-with-sku_BusinessReport-02-04-2026.head50.csv'), { marketplace: 'UK', date: '2026-02-04' });
    t.equal(r.type, 'business_report_by_child');
    t.same(r.unknownColumns, []);
    t.match(r, { rowsRead: 50, rowsRejected: 0 });
    t.match(r.facts[0], { product: { asin: 'B0BGPMD867', sku: 'OIL02H - 001' }, values: { sessions: 5824, buy_box_percentage: 0.7887, ordered_product_sales: { amount: '12897.84', currency: 'GBP' } } });
  });

  t.test('US Business Report by date (9/21/24, B2B columns, average offer count)', async (t) => {
    const r = await readReport(at('business-report', 'us-by-date_BusinessReport-2-16-25-2.head50.csv'), { marketplace: 'US' });
    t.equal(r.type, 'business_report_by_date');
    t.same(r.unknownColumns, []);
    t.match(r, { rowsRead: 50, rowsRejected: 0 });
    t.equal(r.facts[0]!.date, '2024-09-21');
    t.equal(r.facts[49]!.date, '2024-11-09');
    t.match(r.facts[4]!.values, { sessions: 21, page_views: 47, buy_box_percentage: 1 });
  });

  t.test('UK 2023 search term report (XLSX, one Date column, GBP)', async (t) => {
    const r = await readReport(at('ads-search-term', 'uk-2023_Sponsored_Products_Search_term_report.head50.xlsx'), { marketplace: 'UK' });
    t.equal(r.type, 'sp_search_term');
    t.equal(r.format, 'xlsx');
    t.same(r.unknownColumns, []);
    t.match(r, { rowsRead: 50, rowsRejected: 0 });
    t.match(r.facts[0], {
      date: '2023-05-20',
      dimensions: { campaign: 'SP_Exact_dust sheet', ad_group: 'Ranking', targeting: 'dust sheet', match_type: 'EXACT', search_term: 'dust sheet' },
      values: { impressions: 42, clicks: 1, spend: { amount: '1.43', currency: 'GBP' }, attribution_days: 7 },
    });
  });

  t.test('US 2022 search term report (XLSX, Start and End Date): rows over several days are refused with the reason', async (t) => {
    const r = await readReport(at('ads-search-term', 'us-2022_Sponsored_Products_Search_term_report.head50.xlsx'), { marketplace: 'US' });
    t.equal(r.type, 'sp_search_term');
    t.same(r.unknownColumns, []);
    t.equal(r.rowsRead, 50);
    t.ok(r.rowsRejected > 0 && r.facts.length > 0, 'one-day rows are read, summaries refused');
    t.equal(r.facts.length + r.rowsRejected, 50);
    t.match(r.errors[0], { row: 3, column: 'End Date', reason: /covers 2022-07-19 to 2022-07-21: facts are daily/ });
    t.match(r.facts[0], { date: '2022-07-23', values: { spend: { amount: '0.48', currency: 'USD' } } });
  });

  t.test('the Sales and Traffic example: days read; ASIN totals over four days refused with the reason', async (t) => {
    const r = await readReport(at('sp-api', 'sellerSalesAndTrafficReport.example1.json'));
    t.equal(r.marketplace, 'US');
    t.match(r, { rowsRead: 7, rowsRejected: 3 });
    t.same(r.facts.map((f) => f.date), ['2021-06-11', '2021-06-12', '2021-06-13', '2021-06-14']);
    t.match(r.facts[0]!.values, { sessions: 1000, page_views: 1658, units_ordered: 23, ordered_product_sales: { amount: '238.44', currency: 'USD' }, order_items: 20, buy_box_percentage: 0.1054 });
    t.match(r.errors[0], { row: 5, column: 'reportSpecification.dataStartTime', reason: /cover 2021-06-11 to 2021-06-14/ });
  });

  t.test('flat-file headers: each is recognized as its report', async (t) => {
    const { readFile } = await import('node:fs/promises');
    const cases: Array<[string, string]> = [
      ['caponica_ReportFbaSalesAllByLastUpdateFlatFile.header.txt', 'all_orders'],
      ['caponica_ReportFbaReturns.header.txt', 'fba_customer_returns'],
      ['caponica_ReportFbaInventoryAfn.header.txt', 'afn_inventory'],
    ];
    for (const [file, type] of cases) {
      const header = await readFile(at('flat-file-headers', file));
      const r = await readReport(header, { marketplace: 'US', date: '2026-02-04' });
      t.equal(r.type, type, file);
      t.same(r.unknownColumns, [], `${file}: every column known`);
      t.equal(r.rowsRead, 0);
    }
  });
}
