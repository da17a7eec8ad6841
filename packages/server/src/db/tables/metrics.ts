import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../column-types.ts';

export interface ProductsTable {
  workspace_id: string;
  id: string;
  marketplace: string;
  asin: string;
  /** '' when the product has no SKU. */
  sku: Generated<string>;
  parent_asin: string | null;
  seller_account_id: string | null;
  title: string | null;
  product_line: string | null;
  operator_member_id: string | null;
  /** numeric: a decimal string. */
  unit_cost_amount: string | null;
  unit_cost_currency: string | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProductKeywordsTable {
  workspace_id: string;
  id: string;
  product_id: string;
  keyword: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProductCompetitorsTable {
  workspace_id: string;
  id: string;
  product_id: string;
  asin: string;
  tier: string;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The key every fact table shares; product_id is '' for account-level facts, seller_account_id '' for product facts. */
interface FactKey {
  workspace_id: string;
  product_id: string;
  marketplace: string;
  seller_account_id: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

export interface MetricKeywordRanksTable extends FactKey {
  keyword: string;
  organic_rank: number | null;
  sponsored_rank: number | null;
  search_volume: number | null;
  search_frequency_rank: number | null;
}

export interface MetricCompetitorSnapshotsTable extends FactKey {
  competitor_asin: string;
  price: string | null;
  currency: string | null;
  best_seller_rank: number | null;
  rating: string | null;
  review_count: number | null;
  in_stock: boolean | null;
}

/** Catalog and facts. The other fact tables are written and read through raw SQL built from the family registry. */
export interface MetricsTables {
  products: ProductsTable;
  product_keywords: ProductKeywordsTable;
  product_competitors: ProductCompetitorsTable;
  metric_keyword_ranks: MetricKeywordRanksTable;
  metric_competitor_snapshots: MetricCompetitorSnapshotsTable;
  customer_feedback: CustomerFeedbackTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type ProductKeywordRow = Selectable<ProductKeywordsTable>;
export type ProductCompetitorRow = Selectable<ProductCompetitorsTable>;

export interface CustomerFeedbackTable {
  workspace_id: string;
  id: string;
  product_id: string;
  source: string;
  external_id: string;
  date: string;
  rating: number | null;
  title: string | null;
  text: string;
  category: string | null;
  verified_purchase: boolean | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
export type CustomerFeedbackRow = Selectable<CustomerFeedbackTable>;
