import type { Competitor, Keyword } from '@sellerops/schemas';
import type { ProductCompetitorRow, ProductKeywordRow } from '../../db/database.ts';
import { iso } from '../../lib/time.ts';

export function toKeyword(row: ProductKeywordRow): Keyword {
  return {
    id: row.id,
    object: 'keyword',
    product_id: row.product_id,
    keyword: row.keyword,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toCompetitor(row: ProductCompetitorRow): Competitor {
  return {
    id: row.id,
    object: 'competitor',
    product_id: row.product_id,
    asin: row.asin,
    tier: row.tier as Competitor['tier'],
    note: row.note,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
