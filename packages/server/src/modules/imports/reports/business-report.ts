import { parseCount, parseDate, parseMoney, parsePercent, parseText } from '../parse/values.ts';
import { isAsin, isTotalLabel } from './identifiers.ts';
import type { ImportedFact } from './imported-fact.ts';
import type { MapContext, MappedRow, TableReport } from './report-type.ts';
import type { RowReader } from './row-reader.ts';

/**
 * The sales and traffic columns both Business Reports share, in the spellings seen
 * across years (`Sessions`, `Sessions - Total`, `Sessions – Total`), marketplaces
 * (sentence case in the UK) and languages (German, Japanese).
 */
const TRAFFIC_SALES_COLUMNS = {
  sessions: ['Sessions', 'Sessions - Total', 'Sitzungen', 'Sitzungen - Summe', 'Sitzungen - Gesamt', 'セッション', 'セッション数', 'セッション - 合計', 'セッション数 - 合計', 'Sessions - Totales'],
  page_views: ['Page Views', 'Page Views - Total', 'Seitenaufrufe', 'Seitenaufrufe - Summe', 'Seitenaufrufe - Gesamt', 'ページビュー', 'ページビュー - 合計', 'ページビュー数 - 合計'],
  buy_box_percentage: [
    'Buy Box Percentage',
    'Featured Offer (Buy Box) Percentage',
    'Featured Offer Percentage',
    'Buy Box-Anteil',
    'Buy Box Prozentsatz',
    'Prozentsatz der Buy Box',
    'Empfohlenes Angebot (Buy Box) Prozentsatz',
    'Prozentsatz für empfohlene Angebote (Buy Box)',
    'カートボックス獲得率',
    'おすすめ出品の獲得率',
    'おすすめ出品(カートボックス)の獲得率',
  ],
  units_ordered: ['Units Ordered', 'Bestellte Einheiten', '注文された商品点数', '注文商品数'],
  ordered_product_sales: [
    'Ordered Product Sales',
    'Durch bestellte Produkte erzielter Umsatz',
    'Umsatz bestellter Produkte',
    'Bestellsumme',
    '注文商品売上',
    '注文商品の売上額',
  ],
  order_items: ['Total Order Items', 'Zahl der Bestellposten', 'Bestellposten insgesamt', 'Bestellposten', '注文品目総数'],
} as const;
type TrafficSalesField = keyof typeof TRAFFIC_SALES_COLUMNS;

/** Ratios the import recomputes from their parts, B2B splits, and counts it does not keep. */
const IGNORED = [
  / - b2b$/,
  /percentage|percent|prozentsatz|anteil|パーセンテージ|率/,
  /^average (offer count|parent items)$/,
  /^(sessions|page views) - (mobile app|browser)/,
  /^title$|^titel$|^タイトル$|^product name$/,
];

function readTrafficSales(row: RowReader<TrafficSalesField>, ctx: MapContext) {
  const v = ctx.values;
  return {
    traffic: {
      sessions: row.read('sessions', (c) => parseCount(c, v)),
      page_views: row.read('page_views', (c) => parseCount(c, v)),
      buy_box_percentage: row.read('buy_box_percentage', (c) => parsePercent(c, v)),
    },
    sales: {
      units_ordered: row.read('units_ordered', (c) => parseCount(c, v)),
      ordered_product_sales: row.read('ordered_product_sales', (c) => parseMoney(c, v)),
      order_items: row.read('order_items', (c) => parseCount(c, v)),
    },
  };
}

const CHILD_COLUMNS = {
  parent_asin: ['(Parent) ASIN', 'Parent ASIN', '(Übergeordnete) ASIN', 'Übergeordnete ASIN', '(親)ASIN', '親ASIN'],
  child_asin: ['(Child) ASIN', 'Child ASIN', 'ASIN', '(Untergeordnete) ASIN', 'Untergeordnete ASIN', '(子)ASIN', '子ASIN'],
  sku: ['SKU', 'Seller SKU', 'Händler-SKU', '出品者SKU'],
  title: ['Title', 'Titel', 'タイトル', 'Product Name', 'Produktname'],
  ...TRAFFIC_SALES_COLUMNS,
};
type ChildField = keyof typeof CHILD_COLUMNS;

/**
 * Detail Page Sales and Traffic by Child Item: one row per child ASIN (and SKU, when
 * the report is run "with SKU"), for the whole period of the download. Its day is
 * the caller's `date`.
 */
export const businessReportByChild: TableReport<ChildField> = {
  type: 'business_report_by_child',
  title: 'Business Report: Detail Page Sales and Traffic by Child Item',
  source: 'Seller Central > Reports > Business Reports > By ASIN > Detail Page Sales and Traffic by Child Item',
  columns: CHILD_COLUMNS,
  required: ['child_asin', 'sessions', 'units_ordered'],
  ignored: IGNORED,
  needsDate: true,
  exampleHeader:
    '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B',
  mapRow(row, ctx): MappedRow {
    const asin = row.require('child_asin', parseText);
    if (asin !== null && isTotalLabel(asin)) return { skip: 'a total row' };
    if (asin !== null && !isAsin(asin)) row.reject(`"${asin}" is not an ASIN`, 'child_asin');
    const sku = row.read('sku', parseText);
    const parent = row.read('parent_asin', parseText);
    const { traffic, sales } = readTrafficSales(row as unknown as RowReader<TrafficSalesField>, ctx);
    if (asin === null || ctx.date === null || !isAsin(asin)) return { facts: [] };
    const fact: ImportedFact = {
      family: 'traffic_sales',
      date: ctx.date,
      marketplace: ctx.marketplace,
      product: { asin, sku, parent_asin: parent, title: row.read('title', parseText) },
      dimensions: {},
      values: { ...traffic, ...sales },
    };
    return { facts: [fact] };
  },
};

const DATE_COLUMNS = { date: ['Date', 'Datum', '日付', 'Fecha', 'Data'], ...TRAFFIC_SALES_COLUMNS };
type DateField = keyof typeof DATE_COLUMNS;

/** Sales and Traffic by Date: one row per day for the whole account in the marketplace. */
export const businessReportByDate: TableReport<DateField> = {
  type: 'business_report_by_date',
  title: 'Business Report: Sales and Traffic by Date',
  source: 'Seller Central > Reports > Business Reports > By Date > Sales and Traffic',
  columns: DATE_COLUMNS,
  required: ['date', 'sessions', 'units_ordered'],
  ignored: IGNORED,
  needsDate: false,
  exampleHeader:
    'Date,Ordered Product Sales,Ordered Product Sales - B2B,Units Ordered,Units Ordered - B2B,Total Order Items,Total Order Items - B2B,Page Views - Total,Page Views - Total - B2B,Sessions - Total,Sessions - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Average Offer Count,Average Parent Items',
  mapRow(row, ctx): MappedRow {
    const date = row.require('date', (c) => parseDate(c, ctx.values));
    const { traffic, sales } = readTrafficSales(row as unknown as RowReader<TrafficSalesField>, ctx);
    if (date === null) return { facts: [] };
    return {
      facts: [{ family: 'traffic_sales', date, marketplace: ctx.marketplace, product: null, dimensions: {}, values: { ...traffic, ...sales } }],
    };
  },
};
