import { sql } from 'kysely';
import type { Db, ProductRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const PRODUCT_SORT: SortKey[] = [{ column: 'id', direction: 'asc' }];

export interface ProductFilter {
  marketplace?: string | undefined;
  asin?: string | undefined;
  sku?: string | undefined;
  parent_asin?: string | undefined;
  product_line?: string | undefined;
  operator_member_id?: string | undefined;
  seller_account_id?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

export interface NewProduct {
  id: string;
  marketplace: string;
  asin: string;
  sku: string;
  parent_asin: string | null;
  seller_account_id: string | null;
  title: string | null;
  product_line: string | null;
  operator_member_id: string | null;
  unit_cost_amount: string | null;
  unit_cost_currency: string | null;
  status: string;
}

export async function findProduct(db: Db, workspaceId: string, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function findProductsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function listProducts(db: Db, workspaceId: string, filter: ProductFilter, page: { limit: number; after: Cursor }): Promise<ProductRow[]> {
  let query = db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
  for (const column of ['marketplace', 'asin', 'sku', 'parent_asin', 'product_line', 'operator_member_id', 'seller_account_id', 'status'] as const) {
    const value = filter[column];
    if (value !== undefined) query = query.where(column, '=', value);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('asin', 'ilike', pattern), eb('sku', 'ilike', pattern)]));
  }
  if (page.after) query = query.where(afterCursor(PRODUCT_SORT, page.after));
  return query.orderBy('id', 'asc').limit(page.limit + 1).execute();
}

/** Inserts the product unless its natural key is taken; undefined when it is. */
export async function insertProduct(db: Db, workspaceId: string, row: NewProduct): Promise<ProductRow | undefined> {
  return db
    .insertInto('products')
    .values({ workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'marketplace', 'asin', 'sku']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findProductIdByKey(db: Db, workspaceId: string, key: { marketplace: string; asin: string; sku: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('marketplace', '=', key.marketplace)
    .where('asin', '=', key.asin)
    .where('sku', '=', key.sku)
    .executeTakeFirst();
  return row?.id;
}

export async function updateProduct(db: Db, workspaceId: string, id: string, patch: Partial<NewProduct>): Promise<ProductRow> {
  return db
    .updateTable('products')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockProduct(db: Db, workspaceId: string, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Identity of a catalog product as the facts and the importer see it. */
export interface ProductKeyRow {
  id: string;
  marketplace: string;
  asin: string;
  sku: string;
}

/** Every product of the workspace whose id is in `ids`, or whose (marketplace, asin) or (marketplace, sku) is listed: one statement. */
export async function findProductKeys(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  asinPairs: ReadonlyArray<readonly [string, string]>,
  skuPairs: ReadonlyArray<readonly [string, string]>,
): Promise<ProductKeyRow[]> {
  if (ids.length === 0 && asinPairs.length === 0 && skuPairs.length === 0) return [];
  const result = await sql<ProductKeyRow>`
    select id, marketplace, asin, sku from products
     where workspace_id = ${workspaceId}
       and (id = any(${sql.val(ids)}::text[])
            or (marketplace, asin) in (select * from unnest(${sql.val(asinPairs.map((p) => p[0]))}::text[], ${sql.val(asinPairs.map((p) => p[1]))}::text[]))
            or (marketplace, sku) in (select * from unnest(${sql.val(skuPairs.map((p) => p[0]))}::text[], ${sql.val(skuPairs.map((p) => p[1]))}::text[])))`.execute(db);
  return result.rows;
}

/**
 * Adds the products of `rows` that the catalog lacks (set-based: one INSERT ... SELECT
 * FROM unnest ... ON CONFLICT DO NOTHING) and returns every requested key's product,
 * `created` telling which are new.
 */
export async function insertMissingProducts(
  db: Db,
  workspaceId: string,
  rows: { ids: string[]; marketplaces: string[]; asins: string[]; skus: string[]; parentAsins: (string | null)[]; titles: (string | null)[]; sellerAccountIds: (string | null)[] },
): Promise<Array<ProductKeyRow & { created: boolean }>> {
  if (rows.ids.length === 0) return [];
  const result = await sql<ProductKeyRow & { created: boolean }>`
    with wanted as (
      select * from unnest(${sql.val(rows.ids)}::text[], ${sql.val(rows.marketplaces)}::text[], ${sql.val(rows.asins)}::text[], ${sql.val(rows.skus)}::text[],
                           ${sql.val(rows.parentAsins)}::text[], ${sql.val(rows.titles)}::text[], ${sql.val(rows.sellerAccountIds)}::text[])
        as w(id, marketplace, asin, sku, parent_asin, title, seller_account_id)
    ), inserted as (
      insert into products (workspace_id, id, marketplace, asin, sku, parent_asin, title, seller_account_id)
      select ${workspaceId}, id, marketplace, asin, sku, parent_asin, title, seller_account_id from wanted
      on conflict (workspace_id, marketplace, asin, sku) do nothing
      returning id, marketplace, asin, sku
    )
    select id, marketplace, asin, sku, true as created from inserted
    union all
    select p.id, p.marketplace, p.asin, p.sku, false as created from products p join wanted w on p.marketplace = w.marketplace and p.asin = w.asin and p.sku = w.sku
     where p.workspace_id = ${workspaceId}`.execute(db);
  return result.rows;
}
