import { sql } from 'kysely';
import type { Db, ResourceRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const RESOURCE_SORT: SortKey[] = [{ column: 'id', direction: 'asc' }];
export const RENEWAL_SORT: SortKey[] = [
  { column: 'renews_on', direction: 'asc' },
  { column: 'id', direction: 'asc' },
];

/** A resource as the table stores it, JSON columns as text. */
export interface ResourceValues {
  workspace_id: string;
  id: string;
  key: string;
  kind: string;
  name: string;
  status: string;
  owner_member_id: string | null;
  tags: string[];
  cost_amount: string | null;
  cost_currency: string | null;
  cost_period: string | null;
  acquired_on: string | null;
  renews_on: string | null;
  contacts: string;
  notes: string | null;
  attributes: string;
}
export type ResourcePatch = Partial<Omit<ResourceValues, 'workspace_id' | 'id' | 'key' | 'kind'>>;

export async function insertResource(db: Db, row: ResourceValues): Promise<ResourceRow> {
  return db.insertInto('resources').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findResource(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ResourceRow | undefined> {
  let query = db.selectFrom('resources').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findResourcesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('resources').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', sql<string>`any(${[...ids]}::text[])`).execute();
}

export async function findResourcesByKeys(db: Db, workspaceId: string, keys: readonly string[]): Promise<ResourceRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('resources').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', sql<string>`any(${[...keys]}::text[])`).execute();
}

export interface ResourceFilter {
  key?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  tag?: string | undefined;
  owner_member_id?: string | undefined;
  q?: string | undefined;
  renews_before?: string | undefined;
}

function filtered(db: Db, workspaceId: string, filter: ResourceFilter) {
  let query = db.selectFrom('resources').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.key) query = query.where('key', '=', filter.key);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any(tags)`);
  if (filter.owner_member_id) query = query.where('owner_member_id', '=', filter.owner_member_id);
  if (filter.renews_before) query = query.where('renews_on', '<', filter.renews_before);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('key', 'ilike', pattern), eb('notes', 'ilike', pattern)]));
  }
  return query;
}

export async function listResources(db: Db, workspaceId: string, filter: ResourceFilter, page: { limit: number; after: Cursor }): Promise<ResourceRow[]> {
  let query = filtered(db, workspaceId, filter);
  if (page.after) query = query.where(afterCursor(RESOURCE_SORT, page.after));
  return query.orderBy('id').limit(page.limit + 1).execute();
}

/** Every resource a filter selects, in key order (export, prune). */
export async function allResources(db: Db, workspaceId: string, filter: ResourceFilter): Promise<ResourceRow[]> {
  return filtered(db, workspaceId, filter).orderBy('key').execute();
}

/** What renews or expires on or before `until` and is not retired, soonest first. */
export async function listRenewals(db: Db, workspaceId: string, until: string, page: { limit: number; after: Cursor }): Promise<ResourceRow[]> {
  let query = db
    .selectFrom('resources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '<>', 'retired')
    .where('renews_on', 'is not', null)
    .where('renews_on', '<=', until);
  if (page.after) query = query.where(afterCursor(RENEWAL_SORT, page.after));
  return query.orderBy('renews_on').orderBy('id').limit(page.limit + 1).execute();
}

export async function keyTaken(db: Db, workspaceId: string, key: string): Promise<boolean> {
  const row = await db.selectFrom('resources').select('id').where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

export async function updateResource(db: Db, workspaceId: string, id: string, patch: ResourcePatch): Promise<ResourceRow> {
  return db
    .updateTable('resources')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Active members among `ids` (owners must be members of the workspace). */
export async function existingMembers(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('id', '=', sql<string>`any(${[...ids]}::text[])`).execute();
  return new Set(rows.map((r) => r.id));
}
