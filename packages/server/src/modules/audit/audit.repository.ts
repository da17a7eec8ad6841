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

export async function insertAuditEvents(db: Db, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((e) => ({
        ...e,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      })),
    )
    .execute();
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
