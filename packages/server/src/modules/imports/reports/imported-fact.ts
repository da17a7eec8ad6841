import type { MoneyValue } from '../parse/values.ts';

/** The fact families an import writes. */
export type ImportFamily = 'traffic_sales' | 'ads' | 'inventory' | 'returns';

/** The product a fact belongs to, as the file names it; null for facts of the whole account. */
export interface ImportedProduct {
  asin: string | null;
  sku: string | null;
  parent_asin?: string | null;
  title?: string | null;
}

export type FactValue = number | MoneyValue | string | null;

/** One daily fact read from a file, before it is matched to the catalog. */
export interface ImportedFact {
  family: ImportFamily;
  date: string;
  marketplace: string;
  product: ImportedProduct | null;
  /** What else the fact is about: campaign, ad group, targeting, search term, return reason. */
  dimensions: Record<string, string>;
  values: Record<string, FactValue>;
}
