import type { ServiceContext } from './context.ts';
import { ID_PREFIX, newId } from './ids.ts';
import { insertAuditEvents } from '../modules/audit/audit.repository.ts';

export interface Change {
  action: string;
  objectType: string;
  objectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Records who changed what, with before and after. Call it inside the write's
 * transaction (ctx.db) so that the record exists exactly when the change does.
 */
export async function recordChanges(ctx: ServiceContext, changes: Change[]): Promise<void> {
  await insertAuditEvents(
    ctx.db,
    changes.map((c) => ({
      id: newId(ID_PREFIX.audit_event),
      workspace_id: ctx.workspaceId,
      actor_type: ctx.actor.keyId ? 'api_key' : 'system',
      actor_id: ctx.actor.keyId,
      actor_member_id: ctx.actor.memberId,
      action: c.action,
      object_type: c.objectType,
      object_id: c.objectId,
      before: c.before ?? null,
      after: c.after ?? null,
      request_id: ctx.requestId,
    })),
  );
}

export const recordChange = (ctx: ServiceContext, change: Change) => recordChanges(ctx, [change]);
