import type { ApplicationStage, ApplicationSummary, AssessmentStage } from '@sellerops/schemas';
import type { ApplicationRow } from '../../db/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { NotFound } from '../../lib/errors.ts';
import * as applicationsRepo from './applications.repository.ts';
import { loadAssessmentData, type AssessmentData } from './assessment-data.ts';
import { summarizeScores } from './scoring.ts';
import { assessWorkSample } from './work-samples.service.ts';

export function buildSummary(application: ApplicationRow, data: AssessmentData): ApplicationSummary {
  const cards = data.scorecards.get(application.id) ?? [];
  const rubric = data.rubricOf(application);
  const scores = summarizeScores(rubric.dimensions, cards);
  const handedIn = new Set(cards.map((c) => `${c.interviewer_id}:${c.stage}`));
  return {
    object: 'application_summary',
    application_id: application.id,
    role_id: application.role_id,
    stage: application.stage as ApplicationStage,
    rubric_version: rubric.version,
    ...scores,
    dimensions: scores.dimensions.map((d) => ({ ...d, scores: d.scores.map((s) => ({ ...s, stage: s.stage as AssessmentStage })) })),
    scorecard_count: cards.length,
    missing_scorecards: application.panel
      .filter((seat) => !handedIn.has(`${seat.interviewer_id}:${seat.stage}`))
      .map((seat) => ({ interviewer_id: seat.interviewer_id, stage: seat.stage as AssessmentStage })),
    work_samples: (data.workSamples.get(application.id) ?? []).map((w) => {
      const { weighted_score, tactics_only } = assessWorkSample(w.scores);
      return { id: w.id, weighted_score, tactics_only };
    }),
  };
}

/** Summaries of many applications in a fixed number of queries (GraphQL batches through this). */
export async function summarizeApplications(ctx: ServiceContext, applicationIds: readonly string[]): Promise<Map<string, ApplicationSummary>> {
  const applications = await applicationsRepo.findApplicationsByIds(ctx.db, ctx.workspaceId, applicationIds);
  const data = await loadAssessmentData(ctx, applications);
  return new Map(applications.map((a) => [a.id, buildSummary(a, data)]));
}

export async function getApplicationSummary(ctx: ServiceContext, applicationId: string): Promise<ApplicationSummary> {
  const summary = (await summarizeApplications(ctx, [applicationId])).get(applicationId);
  if (!summary) throw new NotFound('Application', applicationId);
  return summary;
}
