import type { Application, ApplicationStage, AssessmentStage } from '@sellerops/schemas';
import type { ApplicationRow, StoredPanelSeat } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import * as repo from './applications.repository.ts';
import * as candidatesRepo from './candidates.repository.ts';
import { assertCandidateNotErased } from './erased.ts';
import { assertActiveMembers } from './members.ts';
import { pageArgs, type PageRequest } from './page.ts';
import * as rolesRepo from './roles.repository.ts';
import { STAGE_TRANSITIONS, canMove } from './stages.ts';

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    object: 'application',
    candidate_id: row.candidate_id,
    role_id: row.role_id,
    stage: row.stage as ApplicationStage,
    rejection_reason: row.rejection_reason,
    panel: row.panel.map((p) => ({ interviewer_id: p.interviewer_id, stage: p.stage as AssessmentStage })),
    stage_changed_at: iso(row.stage_changed_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** The audit record of an application: no rejection reason text, which is about the person. */
function auditView(row: ApplicationRow): Record<string, unknown> {
  return {
    id: row.id,
    candidate_id: row.candidate_id,
    role_id: row.role_id,
    stage: row.stage,
    has_rejection_reason: row.rejection_reason !== null,
    panel: row.panel,
    version: row.version,
  };
}

async function assertPanel(ctx: ServiceContext, panel: readonly StoredPanelSeat[]): Promise<void> {
  const seats = new Set<string>();
  panel.forEach((seat, i) => {
    const key = `${seat.interviewer_id}:${seat.stage}`;
    if (seats.has(key)) throw new InvalidInput('The panel lists the same interviewer twice for one stage.', [{ path: `/body/panel/${i}`, message: 'duplicate seat' }]);
    seats.add(key);
  });
  await assertActiveMembers(ctx, panel.map((seat, i) => ({ id: seat.interviewer_id, path: `/body/panel/${i}/interviewer_id` })));
}

export async function createApplication(ctx: ServiceContext, input: { candidate_id: string; role_id: string; panel?: StoredPanelSeat[] | undefined }): Promise<Application> {
  const candidate = await candidatesRepo.findCandidate(ctx.db, ctx.workspaceId, input.candidate_id);
  if (!candidate) throw new InvalidInput('candidate_id names no candidate of this workspace.', [{ path: '/body/candidate_id', message: 'unknown candidate' }]);
  if (candidate.erased_at) throw new InvalidInput('The candidate was erased.', [{ path: '/body/candidate_id', message: 'erased candidate' }]);
  const role = await rolesRepo.findRole(ctx.db, ctx.workspaceId, input.role_id);
  if (!role) throw new InvalidInput('role_id names no role of this workspace.', [{ path: '/body/role_id', message: 'unknown role' }]);
  const panel = input.panel ?? [];
  await assertPanel(ctx, panel);
  const existing = await repo.findApplicationOf(ctx.db, ctx.workspaceId, input.candidate_id, input.role_id);
  if (existing) throw new Conflict(`The candidate already has an application for this role (${existing.id}).`);
  const row = await repo.insertApplication(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.application),
    candidate_id: input.candidate_id,
    role_id: input.role_id,
    stage: 'screen',
    panel,
  });
  await recordChange(ctx, { action: 'application.created', objectType: 'application', objectId: row.id, after: auditView(row) });
  return toApplication(row);
}

export async function listApplications(ctx: ServiceContext, filter: repo.ApplicationFilter, page: PageRequest): Promise<Page<Application>> {
  const args = pageArgs(page);
  const rows = await repo.listApplications(ctx.db, ctx.workspaceId, filter, args);
  return toPage(rows, args.limit, (r) => [r.id], toApplication);
}

export async function getApplication(ctx: ServiceContext, id: string): Promise<Application> {
  const row = await repo.findApplication(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Application', id);
  return toApplication(row);
}

/**
 * Moves an application along the allowed transitions only; a rejection needs a reason.
 * The panel (who is expected to hand in a scorecard at which stage) may change at any
 * open stage.
 */
export async function updateApplication(
  ctx: ServiceContext,
  id: string,
  patch: { stage?: ApplicationStage; rejection_reason?: string; panel?: StoredPanelSeat[] },
  expected: number | undefined,
): Promise<Application> {
  const current = await repo.findApplication(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Application', id);
  assertVersion(current.version, expected);
  const from = current.stage as ApplicationStage;
  const to = patch.stage ?? from;
  const moving = to !== from;
  if (moving && !canMove(from, to)) {
    const allowed = STAGE_TRANSITIONS[from];
    throw new Conflict(
      allowed.length
        ? `An application at ${from} can move to ${allowed.join(', ')}, not to ${to}.`
        : `An application at ${from} is closed; it cannot move to ${to}.`,
      'conflict',
      [from],
    );
  }
  if (to === 'rejected' && moving && !patch.rejection_reason) {
    throw new InvalidInput('A rejection needs a rejection_reason.', [{ path: '/body/rejection_reason', message: 'is required when rejecting' }]);
  }
  if (patch.rejection_reason !== undefined) await assertCandidateNotErased(ctx, current.candidate_id);
  if (patch.rejection_reason !== undefined && to !== 'rejected') {
    throw new InvalidInput('rejection_reason belongs to a rejected application.', [{ path: '/body/rejection_reason', message: 'only when rejecting' }]);
  }
  if (patch.panel) {
    if (STAGE_TRANSITIONS[from].length === 0) throw new Conflict(`An application at ${from} is closed; its panel cannot change.`);
    await assertPanel(ctx, patch.panel);
  }
  const row = await repo.updateApplication(ctx.db, ctx.workspaceId, id, {
    ...(moving ? { stage: to, stage_changed: true } : {}),
    ...(patch.rejection_reason !== undefined ? { rejection_reason: patch.rejection_reason } : {}),
    ...(patch.panel ? { panel: patch.panel } : {}),
  });
  await recordChange(ctx, {
    action: moving ? 'application.stage_changed' : 'application.updated',
    objectType: 'application',
    objectId: id,
    before: auditView(current),
    after: auditView(row),
  });
  return toApplication(row);
}
