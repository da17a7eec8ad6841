import { sql } from 'kysely';
import type { Db, ScorecardRow, StoredScore } from '../../db/database.ts';

export async function insertScorecard(
  db: Db,
  row: {
    workspace_id: string;
    id: string;
    application_id: string;
    interviewer_id: string;
    stage: string;
    role_id: string;
    rubric_version: number;
    scores: StoredScore[];
    recommendation: string;
    notes: string | null;
  },
): Promise<ScorecardRow> {
  return db
    .insertInto('hiring_scorecards')
    .values({ ...row, scores: JSON.stringify(row.scores) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findScorecard(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ScorecardRow | undefined> {
  let query = db.selectFrom('hiring_scorecards').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findScorecardForSeat(db: Db, workspaceId: string, applicationId: string, interviewerId: string, stage: string): Promise<ScorecardRow | undefined> {
  return db
    .selectFrom('hiring_scorecards')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .where('interviewer_id', '=', interviewerId)
    .where('stage', '=', stage)
    .executeTakeFirst();
}

/** Every scorecard of these applications, oldest first. */
export async function findScorecardsOfApplications(db: Db, workspaceId: string, applicationIds: readonly string[]): Promise<ScorecardRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('hiring_scorecards')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', 'in', applicationIds)
    .orderBy('id')
    .execute();
}

/** What calibration needs from every scorecard of the workspace (no free text). */
export async function findAllScoresForCalibration(db: Db, workspaceId: string): Promise<Array<Pick<ScorecardRow, 'application_id' | 'interviewer_id' | 'scores'>>> {
  return db.selectFrom('hiring_scorecards').select(['application_id', 'interviewer_id', 'scores']).where('workspace_id', '=', workspaceId).execute();
}

export async function updateScorecard(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { scores?: StoredScore[]; recommendation?: string; notes?: string | null },
): Promise<ScorecardRow> {
  const { scores, ...rest } = patch;
  return db
    .updateTable('hiring_scorecards')
    .set({ ...rest, ...(scores ? { scores: JSON.stringify(scores) } : {}), updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Erasure: keep each score, drop the evidence and notes (free text about the person). */
export async function stripScorecardText(db: Db, workspaceId: string, applicationIds: readonly string[]): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .updateTable('hiring_scorecards')
    .set({
      scores: sql`(select coalesce(jsonb_agg(s || '{"evidence": null}'::jsonb), '[]'::jsonb) from jsonb_array_elements(scores) s)`,
      notes: null,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('application_id', 'in', applicationIds)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
