import { sql } from 'kysely';
import type { ApplicationRow, Db, StoredPanelSeat } from '../../db/database.ts';
import { afterCursor } from '../../lib/pagination.ts';
import { NEWEST_FIRST, type Cursor } from './page.ts';

export async function insertApplication(
  db: Db,
  row: { workspace_id: string; id: string; candidate_id: string; role_id: string; stage: string; panel: StoredPanelSeat[] },
): Promise<ApplicationRow> {
  return db
    .insertInto('hiring_applications')
    .values({ ...row, panel: JSON.stringify(row.panel) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApplication(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationRow | undefined> {
  let query = db.selectFrom('hiring_applications').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findApplicationsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('hiring_applications').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function findApplicationOf(db: Db, workspaceId: string, candidateId: string, roleId: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('hiring_applications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .where('role_id', '=', roleId)
    .executeTakeFirst();
}

export async function findApplicationsOfRoles(db: Db, workspaceId: string, roleIds: readonly string[]): Promise<ApplicationRow[]> {
  if (roleIds.length === 0) return [];
  return db.selectFrom('hiring_applications').selectAll().where('workspace_id', '=', workspaceId).where('role_id', 'in', roleIds).orderBy('id').execute();
}

export async function findApplicationsOfCandidate(db: Db, workspaceId: string, candidateId: string): Promise<ApplicationRow[]> {
  return db.selectFrom('hiring_applications').selectAll().where('workspace_id', '=', workspaceId).where('candidate_id', '=', candidateId).execute();
}

export interface ApplicationFilter {
  role_id?: string | undefined;
  candidate_id?: string | undefined;
  stage?: string | undefined;
}

export async function listApplications(db: Db, workspaceId: string, filter: ApplicationFilter, page: { limit: number; after: Cursor }): Promise<ApplicationRow[]> {
  let query = db.selectFrom('hiring_applications').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.role_id) query = query.where('role_id', '=', filter.role_id);
  if (filter.candidate_id) query = query.where('candidate_id', '=', filter.candidate_id);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (page.after) query = query.where(afterCursor(NEWEST_FIRST, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateApplication(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { stage?: string; rejection_reason?: string | null; panel?: StoredPanelSeat[]; stage_changed?: boolean },
): Promise<ApplicationRow> {
  const { panel, stage_changed, ...rest } = patch;
  return db
    .updateTable('hiring_applications')
    .set({
      ...rest,
      ...(panel ? { panel: JSON.stringify(panel) } : {}),
      ...(stage_changed ? { stage_changed_at: sql<Date>`now()` } : {}),
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Erasure: rejection reasons are free text about the person. */
export async function clearRejectionReasons(db: Db, workspaceId: string, candidateId: string): Promise<void> {
  await db
    .updateTable('hiring_applications')
    .set({ rejection_reason: null, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .where('rejection_reason', 'is not', null)
    .execute();
}
