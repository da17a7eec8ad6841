import { sql } from 'kysely';
import type { ApiKeyRow, Db, MemberRow, NewMember, WorkspaceRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const NEWEST_FIRST: SortKey[] = [{ column: 'id', direction: 'desc' }];

// ---- workspaces ----

export async function findWorkspace(db: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
}

export async function countWorkspaces(db: Db): Promise<number> {
  const row = await db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertWorkspace(db: Db, row: { id: string; name: string; slug: string }): Promise<WorkspaceRow> {
  return db.insertInto('workspaces').values(row).returningAll().executeTakeFirstOrThrow();
}

// ---- API keys ----

const API_KEY_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'prefix',
  'scopes',
  'member_id',
  'last_used_at',
  'revoked_at',
  'created_at',
  'updated_at',
  'version',
] as const;
export type ApiKeyRecord = Omit<ApiKeyRow, 'secret_hash'>;

export async function insertApiKey(
  db: Db,
  row: { workspace_id: string; id: string; name: string; prefix: string; secret_hash: string; scopes: string[]; member_id: string | null },
): Promise<ApiKeyRecord> {
  return db.insertInto('api_keys').values(row).returning(API_KEY_COLUMNS).executeTakeFirstOrThrow();
}

export async function findApiKey(db: Db, workspaceId: string, id: string): Promise<ApiKeyRecord | undefined> {
  return db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function findApiKeysByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<ApiKeyRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function listApiKeys(db: Db, workspaceId: string, filter: { revoked?: boolean | undefined }, page: { limit: number; after: Cursor }): Promise<ApiKeyRecord[]> {
  let query = db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('workspace_id', '=', workspaceId);
  if (filter.revoked === true) query = query.where('revoked_at', 'is not', null);
  if (filter.revoked === false) query = query.where('revoked_at', 'is', null);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function revokeApiKey(db: Db, workspaceId: string, id: string): Promise<ApiKeyRecord> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning(API_KEY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Active admin keys other than `exceptId`, locked so two revocations cannot both pass the check. */
export async function countOtherActiveAdminKeys(db: Db, workspaceId: string, exceptId: string): Promise<number> {
  const rows = await db
    .selectFrom('api_keys')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '!=', exceptId)
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`'admin' = any(scopes)`)
    .forUpdate()
    .execute();
  return rows.length;
}

export async function revokeApiKeysOfMember(db: Db, workspaceId: string, memberId: string): Promise<ApiKeyRecord[]> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .returning(API_KEY_COLUMNS)
    .execute();
}

// ---- members ----

export async function insertMember(db: Db, row: NewMember): Promise<MemberRow> {
  return db.insertInto('members').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findMember(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<MemberRow | undefined> {
  let query = db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findMembersByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function findMemberByEmail(db: Db, workspaceId: string, email: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export interface MemberFilter {
  role?: string | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
}

export async function listMembers(db: Db, workspaceId: string, filter: MemberFilter, page: { limit: number; after: Cursor }): Promise<MemberRow[]> {
  let query = db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateMember(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { name?: string; email?: string; role?: string; title?: string | null; active?: boolean },
): Promise<MemberRow> {
  return db
    .updateTable('members')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
