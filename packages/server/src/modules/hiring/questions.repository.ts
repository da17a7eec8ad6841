import { sql } from 'kysely';
import type { Db, QuestionRow } from '../../db/database.ts';
import { afterCursor } from '../../lib/pagination.ts';
import { NEWEST_FIRST, type Cursor } from './page.ts';

export interface NewQuestion {
  workspace_id: string;
  id: string;
  text: string;
  dimension_key: string;
  role_id: string | null;
  strong_signals: string[];
  weak_signals: string[];
  tags: string[];
}

export async function insertQuestions(db: Db, rows: NewQuestion[]): Promise<QuestionRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('hiring_questions').values(rows).returningAll().execute();
}

export async function findQuestion(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<QuestionRow | undefined> {
  let query = db.selectFrom('hiring_questions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface QuestionFilter {
  role_id?: string | undefined;
  dimension_key?: string | undefined;
  tag?: string | undefined;
}

export async function listQuestions(db: Db, workspaceId: string, filter: QuestionFilter, page: { limit: number; after: Cursor }): Promise<QuestionRow[]> {
  let query = db.selectFrom('hiring_questions').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.role_id) query = query.where('role_id', '=', filter.role_id);
  if (filter.dimension_key) query = query.where('dimension_key', '=', filter.dimension_key);
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any(tags)`);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateQuestion(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<NewQuestion, 'text' | 'dimension_key' | 'role_id' | 'strong_signals' | 'weak_signals' | 'tags'>>,
): Promise<QuestionRow> {
  return db
    .updateTable('hiring_questions')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteQuestion(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('hiring_questions').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
