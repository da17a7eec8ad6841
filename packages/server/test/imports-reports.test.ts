import t from 'tap';
import { fixture, readReport } from './helpers/imports.ts';

t.test('US child report: BOM, CRLF, quoted fields; a child under two parents counts once; a zero row is a fact', async (t) => {
  const r = await readReport(fixture('business-report-child-us.csv'), { marketplace: 'US', date: '2024-09-21' });
  t.equal(r.type, 'business_report_by_child');
  t.equal(r.format, 'csv');
  t.same(r.unknownColumns, []);
  t.match(r, { rowsRead: 5, rowsRejected: 0, rowsSkipped: 1 });
  t.equal(r.facts.length, 4);
  t.same(r.facts[0], {
    family: 'traffic_sales',
    date: '2024-09-21',
    marketplace: 'US',
    product: { asin: 'B0CJ1LM2ZA', sku: 'SR-BAM-2PK', parent_asin: 'B0CJ1KQ7XP', title: 'Bamboo Spoon Rest, 2 Pack - Natural' },
    dimensions: {},
    values: { sessions: 5824, page_views: 7448, buy_box_percentage: 0.7887, units_ordered: 370, ordered_product_sales: { amount: '12897.84', currency: 'USD' }, order_items: 349 },
    row: 2,
  });
  t.equal(r.facts[2]!.product!.title, 'Wrap Buddies Wrapping Paper Clamps - 2 Clamps, "Easy" Tape');
});

t.test('UK child report: en dashes and sentence case; an ASIN\'s traffic counts once across its SKUs', async (t) => {
  const r = await readReport(fixture('business-report-child-uk.csv'), { marketplace: 'GB', date: '2026-02-04' });
  t.equal(r.marketplace, 'UK');
  t.match(r, { rowsRead: 3, rowsRejected: 0, rowsSkipped: 0 });
  const [first, second] = r.facts;
  t.match(first!.values, { sessions: 5824, page_views: 7448, units_ordered: 370, ordered_product_sales: { amount: '12897.84', currency: 'GBP' } });
  t.same(second!.values, { units_ordered: 12, ordered_product_sales: { amount: '419.88', currency: 'GBP' }, order_items: 12 }, 'sales stay with the SKU, traffic goes');
  const sessions = r.facts.reduce((sum, f) => sum + ((f.values.sessions as number | undefined) ?? 0), 0);
  t.equal(sessions, 5824 + 2310);
});

t.test('German and Japanese child reports', async (t) => {
  const de = await readReport(fixture('business-report-child-de.csv'), { marketplace: 'DE', date: '2026-02-04' });
  t.equal(de.type, 'business_report_by_child');
  t.same(de.unknownColumns, []);
  t.match(de.facts[0]!.values, { sessions: 1204, page_views: 1630, buy_box_percentage: 0.964, units_ordered: 88, ordered_product_sales: { amount: '1234.56', currency: 'EUR' }, order_items: 85 });
  const jp = await readReport(fixture('business-report-child-jp.csv'), { marketplace: 'JP', date: '2026-02-04' });
  t.equal(jp.type, 'business_report_by_child');
  t.same(jp.unknownColumns, []);
  t.match(jp.facts[0], { product: { asin: 'B0B5JPCHD1', parent_asin: 'B0B5JPPAR1', sku: 'JP-SR-2PK' } });
  t.match(jp.facts[0]!.values, { sessions: 1024, page_views: 1388, buy_box_percentage: 0.985, units_ordered: 64, ordered_product_sales: { amount: '76800', currency: 'JPY' }, order_items: 60 });
});

t.test('by-date reports: day-first dates in the UK, "Feb 1, 2020" and percentages over 1,000% in the US', async (t) => {
  const uk = await readReport(fixture('business-report-by-date-uk.csv'), { marketplace: 'UK' });
  t.equal(uk.type, 'business_report_by_date');
  t.same(uk.facts.map((f) => f.date), ['2022-09-24', '2022-09-25', '2022-09-26']);
  t.same(uk.facts[0]!.product, null, 'a fact of the whole account');
  t.match(uk.facts[0]!.values, { sessions: 1301, page_views: 1922, buy_box_percentage: 0.9715, ordered_product_sales: { amount: '1050.40', currency: 'GBP' } });
  const us = await readReport(fixture('business-report-by-date-us-2020.csv'), { marketplace: 'US' });
  t.same(us.facts.map((f) => f.date), ['2020-02-01', '2020-02-02', '2020-02-03']);
  t.match(us.facts[0]!.values, { sessions: 59330, units_ordered: 36765, ordered_product_sales: { amount: '2309707.02', currency: 'USD' } });
});

t.test('search term report (CSV): empty ACoS cells are fine; match types stay apart', async (t) => {
  const r = await readReport(fixture('sp-search-term-us.csv'), { marketplace: 'US' });
  t.equal(r.type, 'sp_search_term');
  t.same(r.unknownColumns, []);
  t.match(r, { rowsRead: 5, rowsRejected: 0 });
  t.same(r.facts[1], {
    family: 'ads',
    date: '2024-09-21',
    marketplace: 'US',
    product: null,
    dimensions: { campaign: 'Broad_SR_Campaign', ad_group: 'Ad group 1', targeting: 'wooden spoon rest', match_type: 'BROAD', search_term: 'bamboo utensil holder' },
    values: { impressions: 202, clicks: 2, spend: { amount: '1.48', currency: 'USD' }, attributed_sales: { amount: '0.00', currency: 'USD' }, attributed_orders: 0, attributed_units: 0, attribution_days: 7 },
    row: 3,
  });
});

t.test('advertised product report with 14-day attribution and AED amounts', async (t) => {
  const r = await readReport(fixture('sp-advertised-product-ae.csv'), { marketplace: 'AE' });
  t.equal(r.type, 'sp_advertised_product');
  t.match(r.facts[0], {
    date: '2024-09-21',
    product: { asin: 'B0BGPMD8AE', sku: 'OIL02H-AE' },
    dimensions: { campaign: 'AE_Auto_Oil', ad_group: 'Auto' },
    values: { impressions: 12880, clicks: 96, spend: { amount: '201.60', currency: 'AED' }, attributed_sales: { amount: '4426.00', currency: 'AED' }, attributed_orders: 37, attributed_units: 41, attribution_days: 14 },
  });
});

t.test('targeting report: keyword and product targets', async (t) => {
  const r = await readReport(fixture('sp-targeting-uk.csv'), { marketplace: 'UK' });
  t.equal(r.type, 'sp_targeting');
  t.same(r.facts.map((f) => f.dimensions.targeting), ['dust sheet', 'asin="B07XJ8C8F5"']);
  t.same(r.facts.map((f) => f.date), ['2023-05-20', '2023-05-20']);
});

t.test('FBA inventory and the AFN flat file: one snapshot per SKU on the given day', async (t) => {
  const myi = await readReport(fixture('fba-inventory-us.tsv'), { marketplace: 'US', date: '2024-09-21' });
  t.equal(myi.type, 'fba_inventory');
  t.equal(myi.format, 'tsv');
  t.same(myi.unknownColumns, []);
  t.same(myi.facts.map((f) => f.values), [
    { fulfillable: 1210, inbound: 300, reserved: 198, unfulfillable: 4 },
    { fulfillable: 80, inbound: 144, reserved: 16, unfulfillable: 0 },
  ]);
  t.equal(myi.facts[1]!.product!.title, 'Bamboo Spoon Rest, 4 Pack - Dark 12" wide', 'a literal quote in a TSV');
  const afn = await readReport(fixture('afn-inventory-uk.tsv'), { marketplace: 'UK', date: '2026-02-04' });
  t.equal(afn.type, 'afn_inventory');
  t.same(
    afn.facts.map((f) => [f.product!.sku, f.values]),
    [
      ['OIL02H - 001', { fulfillable: 412, unfulfillable: 3 }],
      ['Chef William - 001 Uk shipping', { fulfillable: 88, unfulfillable: 0 }],
    ],
  );
});

t.test('FBA customer returns: units per product, day and reason', async (t) => {
  const r = await readReport(fixture('fba-customer-returns-us.tsv'), { marketplace: 'US' });
  t.equal(r.type, 'fba_customer_returns');
  t.same(
    r.facts.map((f) => [f.date, f.product!.sku, f.dimensions.reason, f.values.units]),
    [
      ['2024-09-21', 'SR-BAM-2PK', 'UNWANTED_ITEM', 3],
      ['2024-09-21', 'SR-BAM-4PK', 'DEFECTIVE', 1],
    ],
    'the third return came at 03:30 UTC, still the 21st in Pacific time',
  );
});

t.test('All Orders: items add up per product and day; cancelled and other channels skipped', async (t) => {
  const r = await readReport(fixture('all-orders-us.tsv'), { marketplace: 'US' });
  t.equal(r.type, 'all_orders');
  t.same(r.unknownColumns, []);
  t.match(r, { rowsRead: 6, rowsRejected: 0, rowsSkipped: 2 });
  t.same(
    r.facts.map((f) => [f.date, f.product!.sku, f.values]),
    [
      ['2024-09-21', 'SR-BAM-2PK', { units_ordered: 4, ordered_product_sales: { amount: '79.96', currency: 'USD' }, order_items: 3 }],
      ['2024-09-21', 'SR-BAM-4PK', { units_ordered: 1, ordered_product_sales: { amount: '0', currency: 'USD' }, order_items: 1 }],
    ],
  );
});

t.test('Sales and Traffic JSON: account days and SKU rows, traffic once per ASIN', async (t) => {
  const r = await readReport(fixture('sp-api-sales-and-traffic-uk-one-day.json'));
  t.equal(r.type, 'sp_api_sales_and_traffic');
  t.equal(r.marketplace, 'UK', 'from marketplaceIds');
  t.match(r, { rowsRead: 4, rowsRejected: 0 });
  t.match(r.facts[0], { product: null, date: '2026-02-04', values: { sessions: 8134, buy_box_percentage: 0.8812, ordered_product_sales: { amount: '14962.36', currency: 'GBP' } } });
  t.same(r.facts[2]!.values, { units_ordered: 12, ordered_product_sales: { amount: '419.88', currency: 'GBP' }, order_items: 12 });
});
