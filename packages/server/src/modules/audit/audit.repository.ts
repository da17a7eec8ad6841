import { sql } from 'kysely';
import type { AuditEventRow, Db } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

export interface NewAuditEvent {
  id: string;
  workspace_id: string;
  actor_type: 'api_key' | 'system';
  actor_id: string | null;
  actor_member_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

/**
 * One statement for any number of events: the values go as one array per column
 * through unnest, so a large apply or import (thousands of changes) never meets the
 * protocol's limit of 65,535 bind parameters, as a multi-row VALUES list would.
 */
export async function insertAuditEvents(db: Db, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const column = <K extends keyof NewAuditEvent>(key: K) => events.map((e) => e[key]);
  const json = (key: 'before' | 'after') => events.map((e) => (e[key] === null ? null : JSON.stringify(e[key])));
  await sql`
    insert into audit_events (id, workspace_id, actor_type, actor_id, actor_member_id, action, object_type, object_id, before, after, request_id)
    select * from unnest(
      ${column('id')}::text[], ${column('workspace_id')}::text[], ${column('actor_type')}::text[], ${column('actor_id')}::text[],
      ${column('actor_member_id')}::text[], ${column('action')}::text[], ${column('object_type')}::text[], ${column('object_id')}::text[],
      ${json('before')}::jsonb[], ${json('after')}::jsonb[], ${column('request_id')}::text[])`.execute(db);
}

export interface AuditEventFilter {
  actor_id?: string | undefined;
  object_id?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_SORT: SortKey[] = [{ column: 'id', direction: 'desc' }];

/** Newest first; ids are time-ordered so the id alone is the keyset. */
export async function listAuditEvents(
  db: Db,
  workspaceId: string,
  filter: AuditEventFilter,
  page: { limit: number; after?: (string | number)[] | undefined },
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.actor_id) query = query.where('actor_id', '=', filter.actor_id);
  if (filter.object_id) query = query.where('object_id', '=', filter.object_id);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurred_at', '>=', sql<Date>`${filter.from}::timestamptz`);
  if (filter.to) query = query.where('occurred_at', '<', sql<Date>`${filter.to}::timestamptz`);
  if (page.after) query = query.where(afterCursor(AUDIT_SORT, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function findAuditEventsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<AuditEventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('audit_events').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}
