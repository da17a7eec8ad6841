import type { DimensionScore, WorkSample } from '@sellerops/schemas';
import type { StoredScore, WorkSampleRow } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { iso } from '../../lib/time.ts';
import * as applicationsRepo from './applications.repository.ts';
import { WORK_SAMPLE_DIMENSIONS } from './library/work-sample-rubric.ts';
import { assertCandidateNotErased } from './erased.ts';
import { assertActiveMembers } from './members.ts';
import { mean, round2 } from './numbers.ts';
import { validateScores } from './score-input.ts';
import * as repo from './work-samples.repository.ts';

/** How far tactics may outscore the analysis before the plan counts as generic tactics. */
export const TACTICS_ONLY_GAP = 1.5;

/**
 * Weighted score on the work-sample rubric; analysis = mean of every dimension but
 * tactics; a plan whose tactics outscore its analysis by TACTICS_ONLY_GAP or more is
 * flagged: pushing keywords and bidding hard without reading the product, the
 * competitors, the market and our resources.
 */
export function assessWorkSample(scores: readonly StoredScore[]): { weighted_score: number; analysis_score: number; tactics_only: boolean } {
  const scoreOf = (key: string) => scores.find((s) => s.dimension_key === key)?.score ?? 0;
  const totalWeight = WORK_SAMPLE_DIMENSIONS.reduce((a, d) => a + d.weight, 0);
  const weighted = WORK_SAMPLE_DIMENSIONS.reduce((a, d) => a + d.weight * scoreOf(d.key), 0) / totalWeight;
  const analysis = mean(WORK_SAMPLE_DIMENSIONS.filter((d) => d.key !== 'tactics').map((d) => scoreOf(d.key))) ?? 0;
  return { weighted_score: round2(weighted), analysis_score: round2(analysis), tactics_only: scoreOf('tactics') - analysis >= TACTICS_ONLY_GAP };
}

export function toWorkSample(row: WorkSampleRow): WorkSample {
  return {
    id: row.id,
    object: 'work_sample',
    application_id: row.application_id,
    reviewer_id: row.reviewer_id,
    assignment: row.assignment,
    product_ref: row.product_ref,
    submission_text: row.submission_text,
    submission_url: row.submission_url,
    scores: row.scores.map((s) => ({ dimension_key: s.dimension_key, score: s.score, evidence: s.evidence })),
    ...assessWorkSample(row.scores),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function createWorkSample(
  ctx: ServiceContext,
  applicationId: string,
  input: {
    reviewer_id?: string | undefined;
    assignment: string;
    product_ref?: string | undefined;
    submission_text?: string | undefined;
    submission_url?: string | undefined;
    scores: DimensionScore[];
  },
): Promise<WorkSample> {
  const application = await applicationsRepo.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!application) throw new NotFound('Application', applicationId);
  await assertCandidateNotErased(ctx, application.candidate_id);
  if (!input.submission_text && !input.submission_url) {
    throw new InvalidInput('A work sample needs the submission: submission_text or submission_url.', [{ path: '/body/submission_text', message: 'submission_text or submission_url is required' }]);
  }
  if (input.reviewer_id) await assertActiveMembers(ctx, [{ id: input.reviewer_id, path: '/body/reviewer_id' }]);
  const scores = validateScores(WORK_SAMPLE_DIMENSIONS, input.scores, { requireAll: true });
  const row = await repo.insertWorkSample(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.work_sample),
    application_id: applicationId,
    reviewer_id: input.reviewer_id ?? null,
    assignment: input.assignment,
    product_ref: input.product_ref ?? null,
    submission_text: input.submission_text ?? null,
    submission_url: input.submission_url ?? null,
    scores,
  });
  const sample = toWorkSample(row);
  await recordChange(ctx, {
    action: 'work_sample.created',
    objectType: 'work_sample',
    objectId: row.id,
    after: {
      id: row.id,
      application_id: row.application_id,
      reviewer_id: row.reviewer_id,
      product_ref: row.product_ref,
      scores: row.scores.map((s) => ({ dimension_key: s.dimension_key, score: s.score })),
      weighted_score: sample.weighted_score,
      version: row.version,
    },
  });
  return sample;
}

export async function listWorkSamples(ctx: ServiceContext, applicationId: string) {
  const application = await applicationsRepo.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!application) throw new NotFound('Application', applicationId);
  const rows = await repo.findWorkSamplesOfApplications(ctx.db, ctx.workspaceId, [applicationId]);
  return { object: 'list' as const, data: rows.map(toWorkSample), next_cursor: null };
}
