import type { ApplicationStage, RoleRanking } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { NotFound } from '../../lib/errors.ts';
import * as applicationsRepo from './applications.repository.ts';
import { loadAssessmentData } from './assessment-data.ts';
import { CALIBRATION_METHOD, CALIBRATION_SHRINKAGE, calibrate, interviewerBiases, roundedBias } from './calibration.ts';
import * as candidatesRepo from './candidates.repository.ts';
import * as rolesRepo from './roles.repository.ts';
import * as scorecardsRepo from './scorecards.repository.ts';
import { summarizeScores } from './scoring.ts';
import { assessWorkSample } from './work-samples.service.ts';

type Entry = RoleRanking['entries'][number];

/**
 * Order: candidates without a triggered knock-out first, then by calibrated score,
 * raw score (both high first, unscored last), then by application id for a stable order.
 */
function compareEntries(a: Omit<Entry, 'rank'>, b: Omit<Entry, 'rank'>): number {
  if (a.knocked_out !== b.knocked_out) return a.knocked_out ? 1 : -1;
  const byScore = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
  return byScore(a.calibrated_score, b.calibrated_score) || byScore(a.raw_score, b.raw_score) || a.application_id.localeCompare(b.application_id);
}

/** Rankings of several roles with a fixed number of queries (GraphQL batches through this). */
export async function rankRoles(ctx: ServiceContext, roleIds: readonly string[]): Promise<Map<string, RoleRanking>> {
  const roles = await rolesRepo.findRolesByIds(ctx.db, ctx.workspaceId, roleIds);
  const applications = await applicationsRepo.findApplicationsOfRoles(ctx.db, ctx.workspaceId, roles.map((r) => r.id));
  const data = await loadAssessmentData(ctx, applications);
  const candidates = new Map((await candidatesRepo.findCandidatesByIds(ctx.db, ctx.workspaceId, [...new Set(applications.map((a) => a.candidate_id))])).map((c) => [c.id, c]));
  // Leniency is a habit of the interviewer: measured over every scorecard of the workspace.
  const biases = interviewerBiases(await scorecardsRepo.findAllScoresForCalibration(ctx.db, ctx.workspaceId));
  const biasOf = (interviewerId: string) => biases.get(interviewerId)?.bias ?? 0;

  const rankings = new Map<string, RoleRanking>();
  for (const role of roles) {
    const ofRole = applications.filter((a) => a.role_id === role.id);
    const interviewers = new Set<string>();
    const entries = ofRole.map((application) => {
      const cards = data.scorecards.get(application.id) ?? [];
      for (const c of cards) interviewers.add(c.interviewer_id);
      const { dimensions } = data.rubricOf(application);
      const raw = summarizeScores(dimensions, cards);
      const calibrated = summarizeScores(dimensions, cards, (score, card) => calibrate(score, biasOf(card.interviewer_id)));
      const samples = (data.workSamples.get(application.id) ?? []).map((w) => assessWorkSample(w.scores).weighted_score);
      return {
        application_id: application.id,
        candidate_id: application.candidate_id,
        candidate_name: candidates.get(application.candidate_id)?.name ?? null,
        stage: application.stage as ApplicationStage,
        raw_score: raw.weighted_score,
        calibrated_score: calibrated.weighted_score,
        knocked_out: raw.knocked_out,
        knock_outs: raw.knock_outs.map((k) => k.dimension_key),
        scorecard_count: cards.length,
        recommendations: raw.recommendations,
        work_sample_score: samples.length ? Math.max(...samples) : null,
      };
    });
    entries.sort(compareEntries);
    rankings.set(role.id, {
      object: 'role_ranking',
      role_id: role.id,
      calibration: {
        method: CALIBRATION_METHOD,
        shrinkage: CALIBRATION_SHRINKAGE,
        interviewers: [...interviewers].sort().map((id) => roundedBias(biases.get(id) ?? { interviewer_id: id, compared_scorecards: 0, mean_deviation: 0, bias: 0 })),
      },
      entries: entries.map((e, i) => ({ rank: i + 1, ...e })),
    });
  }
  return rankings;
}

export async function getRoleRanking(ctx: ServiceContext, roleId: string): Promise<RoleRanking> {
  const ranking = (await rankRoles(ctx, [roleId])).get(roleId);
  if (!ranking) throw new NotFound('Role', roleId);
  return ranking;
}
