import type { Db } from '../../db/database.ts';

/** Daily history of a product's keywords and competitors, read for many products at once. */

export async function keywordRanks(db: Db, workspaceId: string, productIds: readonly string[], range: { from: string; to: string; keyword?: string | undefined }) {
  if (productIds.length === 0) return [];
  let query = db
    .selectFrom('metric_keyword_ranks')
    .select(['product_id', 'keyword', 'date', 'organic_rank', 'sponsored_rank', 'search_volume', 'search_frequency_rank'])
    .where('workspace_id', '=', workspaceId)
    .where('product_id', 'in', productIds)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to);
  if (range.keyword !== undefined) query = query.where('keyword', '=', range.keyword);
  return query.orderBy('product_id').orderBy('keyword').orderBy('date').execute();
}

export async function competitorSnapshots(db: Db, workspaceId: string, productIds: readonly string[], range: { from: string; to: string }) {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('metric_competitor_snapshots')
    .select(['product_id', 'competitor_asin', 'date', 'price', 'currency', 'best_seller_rank', 'rating', 'review_count', 'in_stock'])
    .where('workspace_id', '=', workspaceId)
    .where('product_id', 'in', productIds)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('product_id')
    .orderBy('competitor_asin')
    .orderBy('date')
    .execute();
}
