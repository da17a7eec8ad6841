import type { FactFamily, Measure, Money } from '@sellerops/schemas';
import { decimalText } from './products.mapping.ts';

/**
 * Every measure, defined once: REST, GraphQL and the movers use these. A base measure
 * is a sum (or, for stock, the last value) of a fact column; a derived measure is
 * computed from the summed parts of its period and group, never from daily ratios.
 */

/** Families a series reads, in the order the SQL lists them. */
export type SeriesFamily = 'traffic_sales' | 'ads' | 'inventory' | 'returns' | 'reviews';

/** A summed part: a column of the series query, and the SQL of its value in the family's rows. */
export interface Part {
  key: string;
  family: SeriesFamily;
  /** Expression over the fact row `f` (a stock part is taken on the last day of the period). */
  sql: string;
  /** sum: numeric sums come back as decimal text. */
  type: 'count' | 'decimal';
  stock?: boolean;
}

export const PARTS: readonly Part[] = [
  { key: 'sessions', family: 'traffic_sales', sql: 'f.sessions', type: 'count' },
  { key: 'page_views', family: 'traffic_sales', sql: 'f.page_views', type: 'count' },
  { key: 'units_ordered', family: 'traffic_sales', sql: 'f.units_ordered', type: 'count' },
  { key: 'total_order_items', family: 'traffic_sales', sql: 'f.total_order_items', type: 'count' },
  { key: 'ordered_product_sales', family: 'traffic_sales', sql: 'f.ordered_product_sales', type: 'decimal' },
  // Buy box percentage weighted by sessions: a day with more visits weighs more.
  { key: 'buy_box_sessions', family: 'traffic_sales', sql: 'f.buy_box_percentage * f.sessions', type: 'decimal' },
  { key: 'buy_box_weight', family: 'traffic_sales', sql: 'case when f.buy_box_percentage is not null then f.sessions end', type: 'count' },
  { key: 'impressions', family: 'ads', sql: 'f.impressions', type: 'count' },
  { key: 'clicks', family: 'ads', sql: 'f.clicks', type: 'count' },
  { key: 'ad_spend', family: 'ads', sql: 'f.spend', type: 'decimal' },
  { key: 'ad_sales', family: 'ads', sql: 'f.sales', type: 'decimal' },
  { key: 'ad_orders', family: 'ads', sql: 'f.orders', type: 'count' },
  { key: 'ad_units', family: 'ads', sql: 'f.units', type: 'count' },
  { key: 'fulfillable', family: 'inventory', sql: 'f.fulfillable', type: 'count', stock: true },
  { key: 'inbound', family: 'inventory', sql: 'f.inbound', type: 'count', stock: true },
  { key: 'reserved', family: 'inventory', sql: 'f.reserved', type: 'count', stock: true },
  { key: 'unfulfillable', family: 'inventory', sql: 'f.unfulfillable', type: 'count', stock: true },
  { key: 'units_returned', family: 'returns', sql: 'f.units', type: 'count' },
  { key: 'new_reviews', family: 'reviews', sql: 'f.new_reviews', type: 'count' },
  { key: 'negative_reviews', family: 'reviews', sql: 'f.negative_reviews', type: 'count' },
  { key: 'review_count', family: 'reviews', sql: 'f.review_count', type: 'count', stock: true },
  { key: 'rating_weight', family: 'reviews', sql: 'f.rating * f.review_count', type: 'decimal', stock: true },
];

/** The tables a series reads, and whether their rows carry a currency. */
export const SERIES_TABLES: Record<SeriesFamily, { table: string; currency: boolean }> = {
  traffic_sales: { table: 'metric_traffic_sales', currency: true },
  ads: { table: 'metric_ads', currency: true },
  inventory: { table: 'metric_inventory', currency: false },
  returns: { table: 'metric_returns', currency: false },
  reviews: { table: 'metric_reviews', currency: false },
};

/** Summed parts of one period and group: counts as numbers, decimals as text, currencies (null when none or mixed). */
export interface Parts {
  values: Record<string, number | string | null>;
  currency: Partial<Record<SeriesFamily, string | null>>;
  /** Days in the period (within the requested range). */
  days: number;
}

export type MeasureValue = number | Money | null;

interface MeasureDefinition extends Omit<Measure, 'object'> {
  family: SeriesFamily | FactFamily;
  parts: string[];
  compute: (p: Parts) => MeasureValue;
}

const num = (p: Parts, key: string): number | null => {
  const v = p.values[key];
  return v === null || v === undefined ? null : Number(v);
};
/** a / b, or null when b is empty: never zero or infinity. */
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);
/** The currency of a family's money, or undefined when its rows mix currencies (then money is null). */
const currencyOf = (p: Parts, family: SeriesFamily) => p.currency[family] ?? null;
/** The same currency on both sides, or null: a ratio of dollars to euros means nothing. */
const sameCurrency = (p: Parts, a: SeriesFamily, b: SeriesFamily) => {
  const ca = currencyOf(p, a);
  const cb = currencyOf(p, b);
  return ca !== null && ca === cb;
};

const money = (p: Parts, key: string, family: SeriesFamily): Money | null => {
  const amount = p.values[key];
  const currency = currencyOf(p, family);
  return amount === null || amount === undefined || currency === null ? null : { amount: decimalText(String(amount)), currency };
};

/** Decimal text divided by a whole count, rounded half up to cents, without floating point. */
export function divideMoney(amount: string, count: number): string {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const micros = BigInt(whole + fraction.padEnd(6, '0').slice(0, 6));
  const sign = amount.startsWith('-') ? -1n : 1n;
  const cents = (micros * 100n + BigInt(count) * 500_000n) / (BigInt(count) * 1_000_000n);
  const text = cents.toString().padStart(3, '0');
  return `${sign < 0n && cents !== 0n ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

const moneyPer = (p: Parts, key: string, family: SeriesFamily, countKey: string): Money | null => {
  const amount = p.values[key];
  const count = num(p, countKey);
  const currency = currencyOf(p, family);
  if (amount === null || amount === undefined || !count || currency === null) return null;
  return { amount: divideMoney(String(amount), count), currency };
};

const base = (key: string, name: string, family: SeriesFamily, unit: Measure['unit'], description: string, stock = false): MeasureDefinition => ({
  key,
  name,
  kind: 'base',
  family,
  unit,
  aggregation: stock ? 'last' : 'sum',
  formula: stock ? `${key} on the last day of the period with data` : `sum(${key})`,
  description,
  parts: [key],
  compute: unit === 'money' ? (p) => money(p, key, family) : (p) => num(p, key),
});

const MEASURES: MeasureDefinition[] = [
  base('sessions', 'Sessions', 'traffic_sales', 'count', 'Visits to the detail page'),
  base('page_views', 'Page views', 'traffic_sales', 'count', 'Detail page views'),
  base('units_ordered', 'Units ordered', 'traffic_sales', 'count', 'Units ordered'),
  base('total_order_items', 'Order items', 'traffic_sales', 'count', 'Order items'),
  base('ordered_product_sales', 'Ordered product sales', 'traffic_sales', 'money', 'Sales of ordered products (null when the rows mix currencies)'),
  base('impressions', 'Ad impressions', 'ads', 'count', 'Sponsored ads impressions'),
  base('clicks', 'Ad clicks', 'ads', 'count', 'Sponsored ads clicks'),
  base('ad_spend', 'Ad spend', 'ads', 'money', 'Sponsored ads spend'),
  base('ad_sales', 'Ad sales', 'ads', 'money', 'Sales attributed to sponsored ads'),
  base('ad_orders', 'Ad orders', 'ads', 'count', 'Orders attributed to sponsored ads'),
  base('ad_units', 'Ad units', 'ads', 'count', 'Units attributed to sponsored ads'),
  base('fulfillable', 'Sellable stock', 'inventory', 'count', 'Fulfillable units at the end of the period', true),
  base('inbound', 'Inbound stock', 'inventory', 'count', 'Units on the way at the end of the period', true),
  base('reserved', 'Reserved stock', 'inventory', 'count', 'Reserved units at the end of the period', true),
  base('unfulfillable', 'Unsellable stock', 'inventory', 'count', 'Unfulfillable units at the end of the period', true),
  base('units_returned', 'Units returned', 'returns', 'count', 'Units customers returned'),
  base('new_reviews', 'New reviews', 'reviews', 'count', 'Reviews received'),
  base('negative_reviews', 'Negative reviews', 'reviews', 'count', 'Reviews of 1 to 3 stars received'),
  base('review_count', 'Ratings', 'reviews', 'count', 'Ratings shown on the detail page at the end of the period', true),
  {
    key: 'conversion',
    name: 'Conversion (unit session percentage)',
    kind: 'derived',
    family: 'traffic_sales',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'units_ordered / sessions',
    description: 'Units ordered per session',
    parts: ['units_ordered', 'sessions'],
    compute: (p) => ratio(num(p, 'units_ordered'), num(p, 'sessions')),
  },
  {
    key: 'buy_box_percentage',
    name: 'Buy box percentage',
    kind: 'derived',
    family: 'traffic_sales',
    unit: 'percent',
    aggregation: 'weighted by sessions',
    formula: 'sum(buy_box_percentage x sessions) / sum(sessions of the days that report it)',
    description: 'Share of sessions in which the featured offer was ours',
    parts: ['buy_box_sessions', 'buy_box_weight'],
    compute: (p) => ratio(num(p, 'buy_box_sessions'), num(p, 'buy_box_weight')),
  },
  {
    key: 'average_selling_price',
    name: 'Average selling price',
    kind: 'derived',
    family: 'traffic_sales',
    unit: 'money',
    aggregation: 'ratio of sums',
    formula: 'ordered_product_sales / units_ordered',
    description: 'Sales per unit, rounded to cents',
    parts: ['ordered_product_sales', 'units_ordered'],
    compute: (p) => moneyPer(p, 'ordered_product_sales', 'traffic_sales', 'units_ordered'),
  },
  {
    key: 'ctr',
    name: 'Click-through rate',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'clicks / impressions',
    description: 'Clicks per impression',
    parts: ['clicks', 'impressions'],
    compute: (p) => ratio(num(p, 'clicks'), num(p, 'impressions')),
  },
  {
    key: 'cpc',
    name: 'Cost per click',
    kind: 'derived',
    family: 'ads',
    unit: 'money',
    aggregation: 'ratio of sums',
    formula: 'ad_spend / clicks',
    description: 'Spend per click, rounded to cents',
    parts: ['ad_spend', 'clicks'],
    compute: (p) => moneyPer(p, 'ad_spend', 'ads', 'clicks'),
  },
  {
    key: 'ad_conversion',
    name: 'Ad conversion',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'ad_orders / clicks',
    description: 'Attributed orders per click',
    parts: ['ad_orders', 'clicks'],
    compute: (p) => ratio(num(p, 'ad_orders'), num(p, 'clicks')),
  },
  {
    key: 'acos',
    name: 'ACoS',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'ad_spend / ad_sales',
    description: 'Advertising cost of sales',
    parts: ['ad_spend', 'ad_sales'],
    compute: (p) => (currencyOf(p, 'ads') === null ? null : ratio(num(p, 'ad_spend'), num(p, 'ad_sales'))),
  },
  {
    key: 'roas',
    name: 'ROAS',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'ad_sales / ad_spend',
    description: 'Return on ad spend',
    parts: ['ad_sales', 'ad_spend'],
    compute: (p) => (currencyOf(p, 'ads') === null ? null : ratio(num(p, 'ad_sales'), num(p, 'ad_spend'))),
  },
  {
    key: 'tacos',
    name: 'TACoS',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'ad_spend / ordered_product_sales',
    description: 'Ad spend over total sales',
    parts: ['ad_spend', 'ordered_product_sales'],
    compute: (p) => (sameCurrency(p, 'ads', 'traffic_sales') ? ratio(num(p, 'ad_spend'), num(p, 'ordered_product_sales')) : null),
  },
  {
    key: 'ad_share_of_sales',
    name: 'Ad share of sales',
    kind: 'derived',
    family: 'ads',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'ad_sales / ordered_product_sales',
    description: 'Part of total sales attributed to ads',
    parts: ['ad_sales', 'ordered_product_sales'],
    compute: (p) => (sameCurrency(p, 'ads', 'traffic_sales') ? ratio(num(p, 'ad_sales'), num(p, 'ordered_product_sales')) : null),
  },
  {
    key: 'return_rate',
    name: 'Return rate',
    kind: 'derived',
    family: 'returns',
    unit: 'ratio',
    aggregation: 'ratio of sums',
    formula: 'units_returned / units_ordered',
    description: 'Units returned per unit ordered in the same period',
    parts: ['units_returned', 'units_ordered'],
    compute: (p) => ratio(num(p, 'units_returned'), num(p, 'units_ordered')),
  },
  {
    key: 'days_of_cover',
    name: 'Days of cover',
    kind: 'derived',
    family: 'inventory',
    unit: 'days',
    aggregation: 'stock at the end over the daily average of the period',
    formula: 'fulfillable / (units_ordered / days in the period)',
    description: 'How many days the sellable stock lasts at the period\'s pace of sales (grain week: trailing 7 days; month: about 30)',
    parts: ['fulfillable', 'units_ordered'],
    compute: (p) => ratio(num(p, 'fulfillable'), ratio(num(p, 'units_ordered'), p.days)),
  },
  {
    key: 'rating',
    name: 'Rating',
    kind: 'derived',
    family: 'reviews',
    unit: 'stars',
    aggregation: 'weighted by ratings, at the end of the period',
    formula: 'sum(rating x review_count) / sum(review_count), last day of the period',
    description: 'Average star rating (products weighted by their number of ratings)',
    parts: ['rating_weight', 'review_count'],
    compute: (p) => ratio(num(p, 'rating_weight'), num(p, 'review_count')),
  },
];

export const MEASURES_BY_KEY = new Map(MEASURES.map((m) => [m.key, m]));

export function listMeasures(): Measure[] {
  return MEASURES.map(({ parts: _parts, compute: _compute, ...m }) => ({ object: 'measure', ...m, family: m.family as FactFamily }));
}

export function measureDefinition(key: string): MeasureDefinition | undefined {
  return MEASURES_BY_KEY.get(key);
}

/** The parts a set of measures needs. */
export function partsOf(keys: readonly string[]): Part[] {
  const wanted = new Set(keys.flatMap((k) => MEASURES_BY_KEY.get(k)?.parts ?? []));
  return PARTS.filter((p) => wanted.has(p.key));
}

/** Numeric value of a measure for comparisons (money by its amount). */
export const numericValue = (v: MeasureValue): number | null => (v === null ? null : typeof v === 'number' ? v : Number(v.amount));
