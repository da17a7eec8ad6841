import { parseCount, parseDate, parseMoney, parseText, type MoneyValue } from '../parse/values.ts';
import { isTotalLabel } from './identifiers.ts';
import type { ImportedProduct } from './imported-fact.ts';
import type { MapContext, MappedRow, TableReport } from './report-type.ts';
import type { RowReader } from './row-reader.ts';

/**
 * Columns every Sponsored Products report shares. The console writes the attribution
 * window into the header (`7 Day Total Sales `, `14 Day Total Sales`); Sponsored
 * Products attributes over 7 days, older and other downloads over 14: either is read,
 * and the fact records which.
 */
const COMMON = {
  date: ['Date', 'Datum', '日付'],
  start_date: ['Start Date', 'Startdatum', '開始日'],
  end_date: ['End Date', 'Enddatum', '終了日'],
  currency: ['Currency', 'Währung', '通貨'],
  campaign: ['Campaign Name', 'Campaign', 'Kampagnenname', 'Kampagne', 'キャンペーン名'],
  ad_group: ['Ad Group Name', 'Ad Group', 'Anzeigengruppenname', 'Anzeigengruppe', '広告グループ名'],
  impressions: ['Impressions', 'Impressionen', 'インプレッション', 'インプレッション数'],
  clicks: ['Clicks', 'Klicks', 'クリック', 'クリック数'],
  spend: ['Spend', 'Cost', 'Ausgaben', 'Kosten', '広告費', '合計費用'],
  sales_7d: ['7 Day Total Sales', 'Sales', '7 Day Total Sales (£)', 'Umsatz insgesamt innerhalb von 7 Tagen', '7日間の総売上高'],
  orders_7d: ['7 Day Total Orders (#)', '7 Day Total Orders', 'Orders', 'Purchases', 'Bestellungen insgesamt innerhalb von 7 Tagen', '7日間の総注文数'],
  units_7d: ['7 Day Total Units (#)', '7 Day Total Units', 'Units', 'Einheiten insgesamt innerhalb von 7 Tagen', '7日間の総販売数'],
  sales_14d: ['14 Day Total Sales', '14 Day Total Sales (£)', 'Umsatz insgesamt innerhalb von 14 Tagen', '14日間の総売上高'],
  orders_14d: ['14 Day Total Orders (#)', '14 Day Total Orders', 'Bestellungen insgesamt innerhalb von 14 Tagen', '14日間の総注文数'],
  units_14d: ['14 Day Total Units (#)', '14 Day Total Units', 'Einheiten insgesamt innerhalb von 14 Tagen', '14日間の総販売数'],
} as const;

const IGNORED = [
  /^portfolio name$|^portfolio$/,
  /click - thru rate|cost per click|\(ctr\)|\(cpc\)|\(acos\)|\(roas\)|conversion rate|acos|roas/,
  /^(7|14) day (advertised|other) sku (units|sales)/,
  /^(7|14) day (brand|new-to-brand)/,
  /impression share|impression rank/,
  /^country$|^retailer$|^status$/,
];

type CommonField = keyof typeof COMMON;

/** The row's day: `Date`, or `Start Date` when it equals `End Date`. A summary over several days has no day. */
function readDay(row: RowReader<CommonField>, ctx: MapContext): string | null {
  if (row.has('date')) return row.require('date', (c) => parseDate(c, ctx.values));
  const start = row.require('start_date', (c) => parseDate(c, ctx.values));
  const end = row.read('end_date', (c) => parseDate(c, ctx.values));
  if (start !== null && end !== null && end !== start) {
    row.reject(`covers ${start} to ${end}: facts are daily, so download the report with a daily time unit`, 'end_date');
    return null;
  }
  return start;
}

function readMetrics(row: RowReader<CommonField>, ctx: MapContext) {
  const v = ctx.values;
  const currency = row.read('currency', parseText);
  const money = (field: CommonField) => row.read(field, (c) => parseMoney(c, v, currency));
  const seven = row.has('sales_7d') || row.has('orders_7d');
  const values: Record<string, number | MoneyValue | null> = {
    impressions: row.require('impressions', (c) => parseCount(c, v)),
    clicks: row.require('clicks', (c) => parseCount(c, v)),
    spend: money('spend'),
    attributed_sales: money(seven ? 'sales_7d' : 'sales_14d'),
    attributed_orders: row.read(seven ? 'orders_7d' : 'orders_14d', (c) => parseCount(c, v)),
    attributed_units: row.read(seven ? 'units_7d' : 'units_14d', (c) => parseCount(c, v)),
    attribution_days: seven ? 7 : 14,
  };
  return values;
}

function dims(row: RowReader<CommonField>): Record<string, string> {
  const campaign = row.require('campaign', parseText);
  const adGroup = row.read('ad_group', parseText);
  return { ...(campaign !== null ? { campaign } : {}), ...(adGroup !== null ? { ad_group: adGroup } : {}) };
}

const ATTRIBUTION_REQUIRED = ['impressions', 'clicks', 'spend'] as const;

const SEARCH_TERM_COLUMNS = {
  ...COMMON,
  targeting: ['Targeting', 'Keyword', 'Ausrichtung', 'Keyword-Text', 'ターゲティング', 'キーワード'],
  match_type: ['Match Type', 'Übereinstimmungstyp', 'マッチタイプ'],
  search_term: ['Customer Search Term', 'Search Term', 'Suchbegriff des Kunden', 'Kundensuchbegriff', 'カスタマーの検索用語', '検索用語'],
};
type SearchTermField = keyof typeof SEARCH_TERM_COLUMNS;

function mapAdsRow<F extends CommonField>(row: RowReader<F>, ctx: MapContext, extra: Record<string, string>, product: ImportedProduct | null): MappedRow {
  const common = row as unknown as RowReader<CommonField>;
  const campaign = common.raw('campaign');
  if (typeof campaign === 'string' && isTotalLabel(campaign)) return { skip: 'a total row' };
  const date = readDay(common, ctx);
  const dimensions = { ...dims(common), ...extra };
  const values = readMetrics(common, ctx);
  if (date === null) return { facts: [] };
  return { facts: [{ family: 'ads', date, marketplace: ctx.marketplace, product, dimensions, values }] };
}

function textDims<F extends string>(row: RowReader<F>, fields: Array<[F, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, name] of fields) {
    const value = row.read(field, parseText);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** Sponsored Products Search term report: spend and results per customer search term, a fact of the account. */
export const searchTermReport: TableReport<SearchTermField> = {
  type: 'sp_search_term',
  title: 'Sponsored Products: Search term report',
  source: 'Advertising console > Measurement & Reporting > Sponsored ads reports > Sponsored Products > Search term',
  columns: SEARCH_TERM_COLUMNS,
  required: ['campaign', 'search_term', ...ATTRIBUTION_REQUIRED],
  ignored: IGNORED,
  needsDate: false,
  exampleHeader:
    'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ',
  mapRow(row, ctx) {
    const extra = textDims(row, [
      ['targeting', 'targeting'],
      ['match_type', 'match_type'],
    ]);
    const term = row.require('search_term', parseText);
    return mapAdsRow(row, ctx, { ...extra, ...(term !== null ? { search_term: term } : {}) }, null);
  },
};

const TARGETING_COLUMNS = {
  ...COMMON,
  targeting: SEARCH_TERM_COLUMNS.targeting,
  match_type: SEARCH_TERM_COLUMNS.match_type,
  search_term: SEARCH_TERM_COLUMNS.search_term,
  advertised_sku: ['Advertised SKU'],
  advertised_asin: ['Advertised ASIN'],
};
type TargetingField = keyof typeof TARGETING_COLUMNS;

/** Sponsored Products Targeting report: per keyword or product target, a fact of the account. */
export const targetingReport: TableReport<TargetingField> = {
  type: 'sp_targeting',
  title: 'Sponsored Products: Targeting report',
  source: 'Advertising console > Measurement & Reporting > Sponsored ads reports > Sponsored Products > Targeting',
  columns: TARGETING_COLUMNS,
  required: ['campaign', 'targeting', ...ATTRIBUTION_REQUIRED],
  excludes: ['search_term', 'advertised_sku', 'advertised_asin'],
  ignored: IGNORED,
  needsDate: false,
  exampleHeader:
    'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Impressions,Top-of-search Impression Share,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Sales ,7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ',
  mapRow(row, ctx) {
    return mapAdsRow(row, ctx, textDims(row, [
      ['targeting', 'targeting'],
      ['match_type', 'match_type'],
    ]), null);
  },
};

const ADVERTISED_COLUMNS = {
  ...COMMON,
  advertised_sku: ['Advertised SKU', 'Beworbene SKU', '広告SKU'],
  advertised_asin: ['Advertised ASIN', 'Beworbene ASIN', '広告ASIN'],
};
type AdvertisedField = keyof typeof ADVERTISED_COLUMNS;

/** Sponsored Products Advertised product report: per advertised SKU, a fact of that product. */
export const advertisedProductReport: TableReport<AdvertisedField> = {
  type: 'sp_advertised_product',
  title: 'Sponsored Products: Advertised product report',
  source: 'Advertising console > Measurement & Reporting > Sponsored ads reports > Sponsored Products > Advertised product',
  columns: ADVERTISED_COLUMNS,
  required: ['campaign', 'advertised_asin', ...ATTRIBUTION_REQUIRED],
  ignored: IGNORED,
  needsDate: false,
  exampleHeader:
    'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,14 Day Total Sales ,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),14 Day Total Orders (#),14 Day Total Units (#),14 Day Conversion Rate,14 Day Advertised SKU Units (#),14 Day Other SKU Units (#),14 Day Advertised SKU Sales ,14 Day Other SKU Sales ',
  mapRow(row, ctx) {
    const asin = row.require('advertised_asin', parseText);
    const sku = row.read('advertised_sku', parseText);
    return mapAdsRow(row, ctx, {}, asin === null ? null : { asin, sku });
  },
};
