import { sql } from 'kysely';
import type { Db, StoredScore, WorkSampleRow } from '../../db/database.ts';

export async function insertWorkSample(
  db: Db,
  row: {
    workspace_id: string;
    id: string;
    application_id: string;
    reviewer_id: string | null;
    assignment: string;
    product_ref: string | null;
    submission_text: string | null;
    submission_url: string | null;
    scores: StoredScore[];
  },
): Promise<WorkSampleRow> {
  return db
    .insertInto('hiring_work_samples')
    .values({ ...row, scores: JSON.stringify(row.scores) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findWorkSamplesOfApplications(db: Db, workspaceId: string, applicationIds: readonly string[]): Promise<WorkSampleRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('hiring_work_samples')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', 'in', applicationIds)
    .orderBy('id')
    .execute();
}

/** Erasure: the task text, the submission and the evidence go; scores stay. */
export async function stripWorkSampleText(db: Db, workspaceId: string, applicationIds: readonly string[]): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .updateTable('hiring_work_samples')
    .set({
      assignment: null,
      submission_text: null,
      submission_url: null,
      scores: sql`(select coalesce(jsonb_agg(s || '{"evidence": null}'::jsonb), '[]'::jsonb) from jsonb_array_elements(scores) s)`,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('application_id', 'in', applicationIds)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
