import type { Alert, AlertUpdate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { toAlert } from './alerts.mapping.ts';
import * as repo from './alerts.repository.ts';
import type { PageRequest } from './rules.service.ts';

export async function getAlert(ctx: ServiceContext, id: string): Promise<Alert> {
  const row = await repo.findAlert(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Alert', id);
  return toAlert(row);
}

export async function listAlerts(ctx: ServiceContext, filter: repo.AlertFilter, page: PageRequest): Promise<Page<Alert>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.ALERT_SORT) : undefined;
  const rows = await repo.listAlerts(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toAlert);
}

/**
 * Acknowledge (open -> acknowledged: seen, still watched) or resolve by hand (open or
 * acknowledged -> resolved), and/or set the note. A resolved alert is history: its
 * status no longer changes; if the condition still holds, the next evaluation raises a
 * new alert.
 */
export async function updateAlert(ctx: ServiceContext, id: string, input: AlertUpdate, expected: number | undefined): Promise<Alert> {
  const current = await repo.findAlert(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Alert', id);
  assertVersion(current.version, expected);
  const patch: repo.AlertPatch = {};
  const now = new Date();
  if (input.status === 'acknowledged') {
    if (current.status !== 'open') throw new Conflict(`The alert is ${current.status}; only an open alert can be acknowledged.`, 'invalid_transition');
    Object.assign(patch, { status: 'acknowledged', acknowledged_at: now });
  } else if (input.status === 'resolved') {
    if (current.status === 'resolved') throw new Conflict('The alert is already resolved.', 'invalid_transition');
    Object.assign(patch, { status: 'resolved', resolved_at: now, resolution: 'manual' });
  }
  if (input.note !== undefined) patch.note = input.note;
  const before = toAlert(current);
  const after = toAlert(await repo.updateAlert(ctx.db, ctx.workspaceId, id, patch));
  await recordChange(ctx, { action: input.status ? `alert.${input.status}` : 'alert.noted', objectType: 'alert', objectId: id, before, after });
  return after;
}
