import { sql } from 'kysely';
import type { Db, HiringRoleRow, RubricVersionRow, StoredDimension } from '../../db/database.ts';
import { afterCursor } from '../../lib/pagination.ts';
import { NEWEST_FIRST, type Cursor } from './page.ts';

export async function insertRole(
  db: Db,
  row: { workspace_id: string; id: string; name: string; level: string; description: string | null; library_key: string | null },
): Promise<HiringRoleRow> {
  return db.insertInto('hiring_roles').values({ ...row, rubric_version: 1 }).returningAll().executeTakeFirstOrThrow();
}

export async function insertRubricVersion(db: Db, workspaceId: string, roleId: string, number: number, dimensions: StoredDimension[]): Promise<RubricVersionRow> {
  return db
    .insertInto('hiring_rubric_versions')
    .values({ workspace_id: workspaceId, role_id: roleId, number, dimensions: JSON.stringify(dimensions) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRole(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<HiringRoleRow | undefined> {
  let query = db.selectFrom('hiring_roles').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findRolesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<HiringRoleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('hiring_roles').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function listRoles(db: Db, workspaceId: string, filter: { level?: string | undefined }, page: { limit: number; after: Cursor }): Promise<HiringRoleRow[]> {
  let query = db.selectFrom('hiring_roles').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateRole(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { name?: string; level?: string; description?: string | null; rubric_version?: number },
): Promise<HiringRoleRow> {
  return db
    .updateTable('hiring_roles')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rubric versions by (role, number) pairs, in one query. */
export async function findRubricVersions(db: Db, workspaceId: string, keys: ReadonlyArray<{ role_id: string; number: number }>): Promise<RubricVersionRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('hiring_rubric_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('role_id', '=', k.role_id), eb('number', '=', k.number)]))))
    .execute();
}
