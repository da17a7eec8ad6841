import type { CompetitorSnapshot, KeywordRankHistory } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { addDays, todayUtc } from '../sops/dates.ts';
import * as history from './history.repository.ts';
import { decimalText } from './products.mapping.ts';
import { assertProduct } from './products.service.ts';
import { checkRange } from './series.service.ts';
import { keywordsOfProducts } from './tracking.repository.ts';

type RankRow = Awaited<ReturnType<typeof history.keywordRanks>>[number];
type SnapshotRow = Awaited<ReturnType<typeof history.competitorSnapshots>>[number];

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


const toRankPoint = (r: RankRow) => ({
  date: r.date,
  organic_rank: r.organic_rank,
  sponsored_rank: r.sponsored_rank,
  search_volume: r.search_volume,
  search_frequency_rank: r.search_frequency_rank,
});

export const toSnapshot = (r: SnapshotRow): CompetitorSnapshot => ({
  date: r.date,
  price: r.price !== null && r.currency !== null ? { amount: decimalText(r.price), currency: r.currency } : null,
  best_seller_rank: r.best_seller_rank,
  rating: r.rating === null ? null : Number(r.rating),
  review_count: r.review_count,
  in_stock: r.in_stock,
});

/** Rank history of every keyword of the product: the tracked ones (even without ranks yet) and any with ranks in the range. */
export async function getKeywordRanks(
  ctx: ServiceContext,
  productId: string,
  input: { from?: string | undefined; to?: string | undefined; keyword?: string | undefined },
): Promise<KeywordRankHistory> {
  await assertProduct(ctx, productId);
  const to = input.to ?? todayUtc();
  const range = { to, from: input.from ?? addDays(to, -29), keyword: input.keyword };
  checkRange(range.from, range.to);
  const keyword = range.keyword?.trim().replace(/\s+/g, ' ').toLowerCase();
  const [ranks, tracked] = await Promise.all([
    history.keywordRanks(ctx.db, ctx.workspaceId, [productId], { ...range, keyword }),
    keywordsOfProducts(ctx.db, ctx.workspaceId, [productId]),
  ]);
  const trackedSet = new Set(tracked.map((k) => k.keyword));
  const byKeyword = new Map<string, RankRow[]>();
  for (const k of tracked) if (keyword === undefined || k.keyword === keyword) byKeyword.set(k.keyword, []);
  for (const r of ranks) pushTo(byKeyword, r.keyword, r);
  return {
    object: 'keyword_rank_history',
    product_id: productId,
    from: range.from,
    to: range.to,
    keywords: [...byKeyword.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, rows]) => ({ keyword: k, tracked: trackedSet.has(k), ranks: rows.map(toRankPoint) })),
  };
}

/** Rank points of many products' keywords, by product and keyword (GraphQL loaders: one statement). */
export async function ranksOfProducts(ctx: ServiceContext, productIds: readonly string[], range: { from: string; to: string }) {
  const rows = await history.keywordRanks(ctx.db, ctx.workspaceId, productIds, range);
  const grouped = new Map<string, ReturnType<typeof toRankPoint>[]>();
  for (const r of rows) {
    const key = `${r.product_id}|${r.keyword}`;
    pushTo(grouped, key, toRankPoint(r));
  }
  return grouped;
}

/** Snapshots of many products' competitors, by product and competitor ASIN (one statement). */
export async function snapshotsOfProducts(ctx: ServiceContext, productIds: readonly string[], range: { from: string; to: string }) {
  const rows = await history.competitorSnapshots(ctx.db, ctx.workspaceId, productIds, range);
  const grouped = new Map<string, CompetitorSnapshot[]>();
  for (const r of rows) {
    const key = `${r.product_id}|${r.competitor_asin}`;
    pushTo(grouped, key, toSnapshot(r));
  }
  return grouped;
}
