import { sql } from 'kysely';
import type { Db, ReviewAnalysisRow, ReviewRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const REVIEW_SORT: SortKey[] = [
  { column: 'week', direction: 'desc' },
  { column: 'id', direction: 'desc' },
];

export type NewReview = Omit<ReviewRow, 'status' | 'outcome' | 'acted_at' | 'evaluated_at' | 'created_at' | 'updated_at' | 'version' | 'data_points'> & { data_points: string };

export async function insertReview(db: Db, row: NewReview): Promise<ReviewRow> {
  return db.insertInto('reviews').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findReview(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReviewRow | undefined> {
  let query = db.selectFrom('reviews').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface ReviewFilter {
  week?: string | undefined;
  due_week?: string | undefined;
  status?: string | undefined;
  owner_id?: string | undefined;
  subject_type?: string | undefined;
  subject_id?: string | undefined;
}

export async function listReviews(db: Db, workspaceId: string, filter: ReviewFilter, page: { limit: number; after: Cursor }): Promise<ReviewRow[]> {
  let query = db.selectFrom('reviews').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.week) query = query.where('week', '=', filter.week);
  if (filter.due_week) query = query.where('due_week', '=', filter.due_week);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.owner_id) query = query.where('owner_id', '=', filter.owner_id);
  if (filter.subject_type) query = query.where('subject_type', '=', filter.subject_type);
  if (filter.subject_id) query = query.where('subject_id', '=', filter.subject_id);
  if (page.after) query = query.where(afterCursor(REVIEW_SORT, page.after));
  return query.orderBy('week', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export interface ReviewPatch {
  subject_type?: string | null;
  subject_id?: string | null;
  problem?: string;
  data_points?: string;
  diagnosis?: string | null;
  action?: string | null;
  expected_effect?: string | null;
  due_week?: string;
  owner_id?: string | null;
  status?: string;
  outcome?: string | null;
  acted_at?: Date;
  evaluated_at?: Date;
}

/** Any change to a review, its analyses included, raises its version. */
export async function updateReview(db: Db, workspaceId: string, id: string, patch: ReviewPatch): Promise<ReviewRow> {
  return db
    .updateTable('reviews')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAnalysis(
  db: Db,
  row: { workspace_id: string; id: string; review_id: string; author_id: string; body: string; suggested_action: string | null },
): Promise<ReviewAnalysisRow> {
  return db.insertInto('review_analyses').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The analyses of several reviews in one statement, oldest first. */
export async function findAnalyses(db: Db, workspaceId: string, reviewIds: readonly string[]): Promise<ReviewAnalysisRow[]> {
  if (reviewIds.length === 0) return [];
  return db.selectFrom('review_analyses').selectAll().where('workspace_id', '=', workspaceId).where('review_id', 'in', reviewIds).orderBy('id').execute();
}
