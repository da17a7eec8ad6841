import type { Db, ProductCompetitorRow, ProductKeywordRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const ITEM_SORT: SortKey[] = [{ column: 'id', direction: 'asc' }];

/** Keywords and competitors: the two things tracked under a product, stored alike. */
type ItemTable = 'product_keywords' | 'product_competitors';

export async function listKeywords(db: Db, workspaceId: string, productId: string, page: { limit: number; after: Cursor }): Promise<ProductKeywordRow[]> {
  let query = db.selectFrom('product_keywords').selectAll().where('workspace_id', '=', workspaceId).where('product_id', '=', productId);
  if (page.after) query = query.where(afterCursor(ITEM_SORT, page.after));
  return query.orderBy('id', 'asc').limit(page.limit + 1).execute();
}

export async function listCompetitors(db: Db, workspaceId: string, productId: string, page: { limit: number; after: Cursor }): Promise<ProductCompetitorRow[]> {
  let query = db.selectFrom('product_competitors').selectAll().where('workspace_id', '=', workspaceId).where('product_id', '=', productId);
  if (page.after) query = query.where(afterCursor(ITEM_SORT, page.after));
  return query.orderBy('id', 'asc').limit(page.limit + 1).execute();
}

/** Every keyword of the products in one statement (GraphQL loaders). */
export async function keywordsOfProducts(db: Db, workspaceId: string, productIds: readonly string[]): Promise<ProductKeywordRow[]> {
  if (productIds.length === 0) return [];
  return db.selectFrom('product_keywords').selectAll().where('workspace_id', '=', workspaceId).where('product_id', 'in', productIds).orderBy('id').execute();
}

export async function competitorsOfProducts(db: Db, workspaceId: string, productIds: readonly string[]): Promise<ProductCompetitorRow[]> {
  if (productIds.length === 0) return [];
  return db.selectFrom('product_competitors').selectAll().where('workspace_id', '=', workspaceId).where('product_id', 'in', productIds).orderBy('id').execute();
}

export async function insertKeyword(db: Db, workspaceId: string, row: { id: string; product_id: string; keyword: string }): Promise<ProductKeywordRow | undefined> {
  return db
    .insertInto('product_keywords')
    .values({ workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'product_id', 'keyword']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertCompetitor(
  db: Db,
  workspaceId: string,
  row: { id: string; product_id: string; asin: string; tier: string; note: string | null },
): Promise<ProductCompetitorRow | undefined> {
  return db
    .insertInto('product_competitors')
    .values({ workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'product_id', 'asin']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function lockKeyword(db: Db, workspaceId: string, productId: string, id: string): Promise<ProductKeywordRow | undefined> {
  return db
    .selectFrom('product_keywords')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('product_id', '=', productId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockCompetitor(db: Db, workspaceId: string, productId: string, id: string): Promise<ProductCompetitorRow | undefined> {
  return db
    .selectFrom('product_competitors')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('product_id', '=', productId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteItem(db: Db, table: ItemTable, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
