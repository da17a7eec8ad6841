import type { FactFamily } from '@sellerops/schemas';

/** How a measure column is typed in SQL (the unnest array's element type). */
export type ColumnType = 'integer' | 'bigint' | 'numeric' | 'boolean';

export interface MeasureColumn {
  /** Column of the fact table, and field of the row (money fields hold `{ amount, currency }`). */
  name: string;
  type: ColumnType;
  /** The field is money: the column keeps the amount, the family's `currency` column the currency. */
  money?: boolean;
}

export interface FamilySpec {
  family: FactFamily;
  table: string;
  /** Text dimensions of the natural key besides the subject and the date ('' when absent). */
  dimensions: readonly string[];
  /** Dimensions a row must give (the others default to ''). */
  requiredDimensions: readonly string[];
  measures: readonly MeasureColumn[];
  /** Facts of no single product (seller account + marketplace) are allowed. */
  accountLevel: boolean;
}

const n = (name: string, type: ColumnType = 'integer'): MeasureColumn => ({ name, type });
const money = (name: string): MeasureColumn => ({ name, type: 'numeric', money: true });

/** Every fact family: its table, natural key and measure columns. The migration creates the same tables. */
export const FAMILIES: Record<FactFamily, FamilySpec> = {
  traffic_sales: {
    family: 'traffic_sales',
    table: 'metric_traffic_sales',
    dimensions: [],
    requiredDimensions: [],
    measures: [n('sessions'), n('page_views'), n('buy_box_percentage', 'numeric'), n('units_ordered'), money('ordered_product_sales'), n('total_order_items')],
    accountLevel: true,
  },
  ads: {
    family: 'ads',
    table: 'metric_ads',
    dimensions: ['campaign', 'ad_group', 'targeting', 'search_term'],
    requiredDimensions: [],
    measures: [n('impressions', 'bigint'), n('clicks'), money('spend'), money('sales'), n('orders'), n('units')],
    accountLevel: true,
  },
  inventory: {
    family: 'inventory',
    table: 'metric_inventory',
    dimensions: [],
    requiredDimensions: [],
    measures: [n('fulfillable'), n('inbound'), n('reserved'), n('unfulfillable')],
    accountLevel: false,
  },
  returns: { family: 'returns', table: 'metric_returns', dimensions: ['reason'], requiredDimensions: [], measures: [n('units')], accountLevel: false },
  reviews: {
    family: 'reviews',
    table: 'metric_reviews',
    dimensions: [],
    requiredDimensions: [],
    measures: [n('new_reviews'), n('negative_reviews'), n('rating', 'numeric'), n('review_count')],
    accountLevel: false,
  },
  keyword_ranks: {
    family: 'keyword_ranks',
    table: 'metric_keyword_ranks',
    dimensions: ['keyword'],
    requiredDimensions: ['keyword'],
    measures: [n('organic_rank'), n('sponsored_rank'), n('search_volume'), n('search_frequency_rank')],
    accountLevel: false,
  },
  competitor_snapshots: {
    family: 'competitor_snapshots',
    table: 'metric_competitor_snapshots',
    dimensions: ['competitor_asin'],
    requiredDimensions: ['competitor_asin'],
    measures: [money('price'), n('best_seller_rank'), n('rating', 'numeric'), n('review_count'), n('in_stock', 'boolean')],
    accountLevel: false,
  },
};

export const hasMoney = (spec: FamilySpec) => spec.measures.some((m) => m.money);
