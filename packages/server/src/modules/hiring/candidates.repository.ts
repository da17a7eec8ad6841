import { sql } from 'kysely';
import type { CandidateRow, Db } from '../../db/database.ts';
import { afterCursor } from '../../lib/pagination.ts';
import { NEWEST_FIRST, type Cursor } from './page.ts';

/** The columns that hold personal data: exactly what erasure clears. */
export const PERSONAL_CANDIDATE_FIELDS = ['name', 'email', 'phone', 'resume_text', 'resume_url', 'background', 'followed_sources', 'notes'] as const;

export interface CandidateFields {
  name?: string;
  email?: string | null;
  phone?: string | null;
  resume_text?: string | null;
  resume_url?: string | null;
  background?: string | null;
  followed_sources?: string[];
  notes?: string | null;
  source?: string | null;
  years_experience?: number | null;
  style?: string | null;
}

export async function insertCandidate(db: Db, row: CandidateFields & { workspace_id: string; id: string; name: string }): Promise<CandidateRow> {
  return db.insertInto('hiring_candidates').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCandidate(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CandidateRow | undefined> {
  let query = db.selectFrom('hiring_candidates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findCandidatesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<CandidateRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('hiring_candidates').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function listCandidates(db: Db, workspaceId: string, filter: { erased?: boolean | undefined }, page: { limit: number; after: Cursor }): Promise<CandidateRow[]> {
  let query = db.selectFrom('hiring_candidates').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.erased === true) query = query.where('erased_at', 'is not', null);
  if (filter.erased === false) query = query.where('erased_at', 'is', null);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateCandidate(db: Db, workspaceId: string, id: string, patch: CandidateFields): Promise<CandidateRow> {
  return db
    .updateTable('hiring_candidates')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function eraseCandidate(db: Db, workspaceId: string, id: string): Promise<CandidateRow> {
  return db
    .updateTable('hiring_candidates')
    .set({
      name: null,
      email: null,
      phone: null,
      resume_text: null,
      resume_url: null,
      background: null,
      followed_sources: [],
      notes: null,
      erased_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Stored idempotent responses and request records that mention any of `ids` (in the
 * route or the replayed body): they may hold the erased person's data, so they go.
 */
export async function deleteIdempotencyRecordsMentioning(db: Db, workspaceId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  // `_` is a LIKE wildcard; ids contain it literally.
  const patterns = ids.map((id) => `%${id.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or(patterns.flatMap((pattern) => [eb('route', 'like', pattern), eb('response_body', 'like', pattern)])),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
