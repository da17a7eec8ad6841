import type { ApplicationStage, AssessmentStage, DimensionScore, Recommendation, Scorecard } from '@sellerops/schemas';
import type { ScorecardRow } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, DomainError, InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { iso } from '../../lib/time.ts';
import * as applicationsRepo from './applications.repository.ts';
import { assertCandidateNotErased } from './erased.ts';
import { assertActiveMembers } from './members.ts';
import * as rolesRepo from './roles.repository.ts';
import { rubricOf } from './roles.service.ts';
import { validateScores } from './score-input.ts';
import * as repo from './scorecards.repository.ts';
import { hasReached } from './stages.ts';

export function toScorecard(row: ScorecardRow): Scorecard {
  return {
    id: row.id,
    object: 'scorecard',
    application_id: row.application_id,
    interviewer_id: row.interviewer_id,
    stage: row.stage as AssessmentStage,
    rubric_version: row.rubric_version,
    scores: row.scores.map((s) => ({ dimension_key: s.dimension_key, score: s.score, evidence: s.evidence })),
    recommendation: row.recommendation as Recommendation,
    notes: row.notes,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** Scores and recommendation without the evidence and notes, which describe the person. */
function auditView(row: ScorecardRow): Record<string, unknown> {
  return {
    id: row.id,
    application_id: row.application_id,
    interviewer_id: row.interviewer_id,
    stage: row.stage,
    rubric_version: row.rubric_version,
    scores: row.scores.map((s) => ({ dimension_key: s.dimension_key, score: s.score })),
    recommendation: row.recommendation,
    version: row.version,
  };
}

/** One scorecard per interviewer per stage, on the role's current rubric version, which it keeps. */
export async function createScorecard(
  ctx: ServiceContext,
  applicationId: string,
  input: { interviewer_id: string; stage: AssessmentStage; scores: DimensionScore[]; recommendation: Recommendation; notes?: string | null | undefined },
): Promise<Scorecard> {
  const application = await applicationsRepo.findApplication(ctx.db, ctx.workspaceId, applicationId, { forUpdate: true });
  if (!application) throw new NotFound('Application', applicationId);
  await assertCandidateNotErased(ctx, application.candidate_id);
  if (!hasReached(application.stage as ApplicationStage, input.stage)) {
    throw new Conflict(`The application is at ${application.stage}; it has not reached ${input.stage} yet.`);
  }
  await assertActiveMembers(ctx, [{ id: input.interviewer_id, path: '/body/interviewer_id' }]);
  const existing = await repo.findScorecardForSeat(ctx.db, ctx.workspaceId, applicationId, input.interviewer_id, input.stage);
  if (existing) throw new Conflict(`This interviewer already handed in a scorecard for the ${input.stage} stage (${existing.id}); edit it with PATCH.`);
  const role = await rolesRepo.findRole(ctx.db, ctx.workspaceId, application.role_id);
  if (!role) throw new NotFound('Role', application.role_id);
  const scores = validateScores(await rubricOf(ctx, role.id, role.rubric_version), input.scores);
  const row = await repo.insertScorecard(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.scorecard),
    application_id: applicationId,
    interviewer_id: input.interviewer_id,
    stage: input.stage,
    role_id: role.id,
    rubric_version: role.rubric_version,
    scores,
    recommendation: input.recommendation,
    notes: input.notes ?? null,
  });
  await recordChange(ctx, { action: 'scorecard.created', objectType: 'scorecard', objectId: row.id, after: auditView(row) });
  return toScorecard(row);
}

export async function listScorecards(ctx: ServiceContext, applicationId: string) {
  const application = await applicationsRepo.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!application) throw new NotFound('Application', applicationId);
  const rows = await repo.findScorecardsOfApplications(ctx.db, ctx.workspaceId, [applicationId]);
  return { object: 'list' as const, data: rows.map(toScorecard), next_cursor: null };
}

export async function getScorecard(ctx: ServiceContext, id: string): Promise<Scorecard> {
  const row = await repo.findScorecard(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Scorecard', id);
  return toScorecard(row);
}

/**
 * Edits need If-Match: two interviewers' notes must never overwrite each other
 * silently. Scores given replace those of the same dimensions; the rubric version stays.
 */
export async function updateScorecard(
  ctx: ServiceContext,
  id: string,
  patch: { scores?: DimensionScore[]; recommendation?: Recommendation; notes?: string | null },
  expected: number | undefined,
): Promise<Scorecard> {
  const current = await repo.findScorecard(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Scorecard', id);
  if (expected === undefined) {
    throw new DomainError(428, 'precondition_required', `Send If-Match with the scorecard's ETag ("${current.version}") to edit it.`, [
      { path: '/headers/if-match', message: 'is required' },
    ]);
  }
  assertVersion(current.version, expected);
  const application = await applicationsRepo.findApplication(ctx.db, ctx.workspaceId, current.application_id);
  if (application) await assertCandidateNotErased(ctx, application.candidate_id);
  let scores = current.scores;
  if (patch.scores) {
    const given = validateScores(await rubricOf(ctx, current.role_id, current.rubric_version), patch.scores);
    const replaced = new Map(given.map((s) => [s.dimension_key, s]));
    scores = [...current.scores.map((s) => replaced.get(s.dimension_key) ?? s), ...given.filter((s) => !current.scores.some((c) => c.dimension_key === s.dimension_key))];
  }
  if (patch.recommendation === undefined && patch.notes === undefined && !patch.scores) throw new InvalidInput('Nothing to change.');
  const row = await repo.updateScorecard(ctx.db, ctx.workspaceId, id, {
    ...(patch.scores ? { scores } : {}),
    ...(patch.recommendation ? { recommendation: patch.recommendation } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
  });
  await recordChange(ctx, { action: 'scorecard.updated', objectType: 'scorecard', objectId: id, before: auditView(current), after: auditView(row) });
  return toScorecard(row);
}
