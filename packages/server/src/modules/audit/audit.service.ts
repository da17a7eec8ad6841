import type { AuditEvent } from '@sellerops/schemas';
import type { AuditEventRow } from '../../db/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import * as repo from './audit.repository.ts';

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    object: 'audit_event',
    occurred_at: iso(row.occurred_at),
    actor_type: row.actor_type as AuditEvent['actor_type'],
    actor_id: row.actor_id,
    actor_member_id: row.actor_member_id,
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    before: row.before,
    after: row.after,
    request_id: row.request_id,
  };
}

export async function listAuditEvents(
  ctx: ServiceContext,
  filter: repo.AuditEventFilter,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<AuditEvent>> {
  for (const bound of ['from', 'to'] as const) {
    const value = filter[bound];
    // REST validates these by schema; GraphQL passes plain strings, so check here once for both.
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new InvalidInput(`${bound} must be an ISO 8601 date-time.`, [{ path: `/${bound}`, message: 'not a date-time' }]);
    }
  }
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.AUDIT_SORT) : undefined;
  const rows = await repo.listAuditEvents(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toAuditEvent);
}
