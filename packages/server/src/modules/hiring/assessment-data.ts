import type { ApplicationRow, HiringRoleRow, ScorecardRow, StoredDimension, WorkSampleRow } from '../../db/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import * as rolesRepo from './roles.repository.ts';
import * as scorecardsRepo from './scorecards.repository.ts';
import * as workSamplesRepo from './work-samples.repository.ts';

/** Everything the summary and ranking compute from, for a set of applications. */
export interface AssessmentData {
  roles: Map<string, HiringRoleRow>;
  scorecards: Map<string, ScorecardRow[]>;
  workSamples: Map<string, WorkSampleRow[]>;
  /** The rubric version whose weights apply to an application, and its dimensions. */
  rubricOf(application: ApplicationRow): { version: number; dimensions: StoredDimension[] };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/**
 * Loads, in four queries whatever the number of applications, their roles,
 * scorecards, work samples and rubric versions. The rubric applied to an application
 * is the newest version any of its scorecards was made on (the role's current one
 * before any scorecard): weights then match what interviewers scored against.
 */
export async function loadAssessmentData(ctx: ServiceContext, applications: readonly ApplicationRow[]): Promise<AssessmentData> {
  const applicationIds = applications.map((a) => a.id);
  const roleRows = await rolesRepo.findRolesByIds(ctx.db, ctx.workspaceId, [...new Set(applications.map((a) => a.role_id))]);
  const roles = new Map(roleRows.map((r) => [r.id, r]));
  const scorecards = groupBy(await scorecardsRepo.findScorecardsOfApplications(ctx.db, ctx.workspaceId, applicationIds), (s) => s.application_id);
  const workSamples = groupBy(await workSamplesRepo.findWorkSamplesOfApplications(ctx.db, ctx.workspaceId, applicationIds), (w) => w.application_id);

  const versionOf = (application: ApplicationRow) => {
    const cards = scorecards.get(application.id) ?? [];
    return cards.length ? Math.max(...cards.map((c) => c.rubric_version)) : (roles.get(application.role_id)?.rubric_version ?? 1);
  };
  const wanted = [...new Map(applications.map((a) => [`${a.role_id}:${versionOf(a)}`, { role_id: a.role_id, number: versionOf(a) }])).values()];
  const rubrics = new Map((await rolesRepo.findRubricVersions(ctx.db, ctx.workspaceId, wanted)).map((r) => [`${r.role_id}:${r.number}`, r.dimensions]));

  return {
    roles,
    scorecards,
    workSamples,
    rubricOf: (application) => {
      const version = versionOf(application);
      return { version, dimensions: rubrics.get(`${application.role_id}:${version}`) ?? [] };
    },
  };
}
