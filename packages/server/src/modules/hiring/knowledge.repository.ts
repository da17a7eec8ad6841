import { sql } from 'kysely';
import type { Db, KnowledgeFrameworkRow, KnowledgeMapRow, StoredKnowledgeNode } from '../../db/database.ts';
import { afterCursor } from '../../lib/pagination.ts';
import { NEWEST_FIRST, type Cursor } from './page.ts';

export async function insertFramework(
  db: Db,
  row: { workspace_id: string; id: string; name: string; description: string | null; library_key: string | null; tree: StoredKnowledgeNode },
): Promise<KnowledgeFrameworkRow> {
  return db
    .insertInto('hiring_knowledge_frameworks')
    .values({ ...row, tree: JSON.stringify(row.tree) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFramework(db: Db, workspaceId: string, id: string): Promise<KnowledgeFrameworkRow | undefined> {
  return db.selectFrom('hiring_knowledge_frameworks').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function listFrameworks(db: Db, workspaceId: string, page: { limit: number; after: Cursor }): Promise<KnowledgeFrameworkRow[]> {
  let query = db.selectFrom('hiring_knowledge_frameworks').selectAll().where('workspace_id', '=', workspaceId);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function insertKnowledgeMap(
  db: Db,
  row: {
    workspace_id: string;
    id: string;
    framework_id: string;
    candidate_id: string | null;
    member_id: string | null;
    format: string;
    tree: StoredKnowledgeNode;
    comparison: Record<string, unknown>;
  },
): Promise<KnowledgeMapRow> {
  return db
    .insertInto('hiring_knowledge_maps')
    .values({ ...row, tree: JSON.stringify(row.tree), comparison: JSON.stringify(row.comparison) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findKnowledgeMap(db: Db, workspaceId: string, id: string): Promise<KnowledgeMapRow | undefined> {
  return db.selectFrom('hiring_knowledge_maps').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Erasure: the candidate's own tree goes; the comparison (framework areas and numbers) stays. */
export async function clearCandidateMaps(db: Db, workspaceId: string, candidateId: string): Promise<string[]> {
  const rows = await db
    .updateTable('hiring_knowledge_maps')
    .set({ tree: null, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
