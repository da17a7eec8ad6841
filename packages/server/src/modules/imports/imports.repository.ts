import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ImportRow, ImportsTable } from '../../db/tables/imports.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

/** Newest first: ids sort by creation time. */
export const IMPORT_SORT: SortKey[] = [{ column: 'id', direction: 'desc' }];

export interface ImportFilter {
  type?: string | undefined;
  status?: string | undefined;
  marketplace?: string | undefined;
}

export async function insertImport(db: Db, row: Insertable<ImportsTable>): Promise<ImportRow> {
  return db.insertInto('imports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findImport(db: Db, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function listImports(db: Db, workspaceId: string, filter: ImportFilter, page: { limit: number; after: Array<string | number> | null }): Promise<ImportRow[]> {
  let query = db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.marketplace) query = query.where('marketplace', '=', filter.marketplace);
  if (page.after) query = query.where(afterCursor(IMPORT_SORT, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Products of the workspace, counted before and after an import to tell how many it added. */
export async function countProducts(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}
