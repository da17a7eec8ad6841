import { sql } from 'kysely';
import type { Db, SopTemplateRow, SopTemplateVersionRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const TEMPLATE_SORT: SortKey[] = [{ column: 'sop_templates.id', direction: 'desc' }];
export const VERSION_SORT: SortKey[] = [{ column: 'number', direction: 'desc' }];

/** A template with the steps of its latest version. */
export type TemplateRecord = SopTemplateRow & { steps: unknown[] };

const TEMPLATE_COLUMNS = [
  'sop_templates.workspace_id',
  'sop_templates.id',
  'sop_templates.key',
  'sop_templates.name',
  'sop_templates.category',
  'sop_templates.purpose',
  'sop_templates.latest_version',
  'sop_templates.library_key',
  'sop_templates.created_at',
  'sop_templates.updated_at',
  'sop_templates.version',
  'sop_template_versions.steps',
] as const;

function templatesWithSteps(db: Db, workspaceId: string) {
  return db
    .selectFrom('sop_templates')
    .innerJoin('sop_template_versions', (join) =>
      join
        .onRef('sop_template_versions.workspace_id', '=', 'sop_templates.workspace_id')
        .onRef('sop_template_versions.template_id', '=', 'sop_templates.id')
        .onRef('sop_template_versions.number', '=', 'sop_templates.latest_version'),
    )
    .select(TEMPLATE_COLUMNS)
    .where('sop_templates.workspace_id', '=', workspaceId);
}

export async function findTemplate(db: Db, workspaceId: string, id: string): Promise<TemplateRecord | undefined> {
  return templatesWithSteps(db, workspaceId).where('sop_templates.id', '=', id).executeTakeFirst();
}

export async function findTemplatesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<TemplateRecord[]> {
  if (ids.length === 0) return [];
  return templatesWithSteps(db, workspaceId).where('sop_templates.id', 'in', ids).execute();
}

/** Locks the template row so that two publications number their versions one after the other. */
export async function lockTemplate(db: Db, workspaceId: string, id: string): Promise<SopTemplateRow | undefined> {
  return db.selectFrom('sop_templates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTemplateIdByKey(db: Db, workspaceId: string, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('sop_templates').select('id').where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
  return row?.id;
}

export interface TemplateFilter {
  category?: string | undefined;
  q?: string | undefined;
}

export async function listTemplates(db: Db, workspaceId: string, filter: TemplateFilter, page: { limit: number; after: Cursor }): Promise<TemplateRecord[]> {
  let query = templatesWithSteps(db, workspaceId);
  if (filter.category) query = query.where('sop_templates.category', '=', filter.category);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('sop_templates.key', 'ilike', pattern), eb('sop_templates.name', 'ilike', pattern)]));
  }
  if (page.after) query = query.where(afterCursor(TEMPLATE_SORT, page.after));
  return query.orderBy('sop_templates.id', 'desc').limit(page.limit + 1).execute();
}

export async function insertTemplate(
  db: Db,
  row: { workspace_id: string; id: string; key: string; name: string; category: string; purpose: string; latest_version: number; library_key: string | null },
): Promise<SopTemplateRow> {
  return db.insertInto('sop_templates').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function setLatestVersion(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { name: string; category: string; purpose: string; latest_version: number },
): Promise<SopTemplateRow> {
  return db
    .updateTable('sop_templates')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertVersion(
  db: Db,
  row: { workspace_id: string; id: string; template_id: string; number: number; name: string; category: string; purpose: string; change_note: string | null; steps: unknown[] },
): Promise<SopTemplateVersionRow> {
  return db
    .insertInto('sop_template_versions')
    .values({ ...row, steps: JSON.stringify(row.steps) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findVersion(db: Db, workspaceId: string, templateId: string, number: number): Promise<SopTemplateVersionRow | undefined> {
  return db
    .selectFrom('sop_template_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('template_id', '=', templateId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function findVersionById(db: Db, workspaceId: string, id: string): Promise<SopTemplateVersionRow | undefined> {
  return db.selectFrom('sop_template_versions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function listVersions(db: Db, workspaceId: string, templateId: string, page: { limit: number; after: Cursor }): Promise<SopTemplateVersionRow[]> {
  let query = db.selectFrom('sop_template_versions').selectAll().where('workspace_id', '=', workspaceId).where('template_id', '=', templateId);
  if (page.after) query = query.where(afterCursor(VERSION_SORT, page.after));
  return query.orderBy('number', 'desc').limit(page.limit + 1).execute();
}
