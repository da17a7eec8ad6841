import { sql } from 'kysely';
import type { AlertRow, AlertRuleRow, Db } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
/** Newest first: ids sort by creation time. */
export const RULE_SORT: SortKey[] = [{ column: 'id', direction: 'desc' }];
export const ALERT_SORT: SortKey[] = [{ column: 'id', direction: 'desc' }];

export interface NewRule {
  id: string;
  name: string;
  type: string;
  scope: string;
  product_ids: string[];
  product_line: string | null;
  threshold: string;
  window_days: number;
  sop_template_id: string | null;
  enabled: boolean;
}

export async function insertRule(db: Db, workspaceId: string, row: NewRule): Promise<AlertRuleRow> {
  return db.insertInto('alert_rules').values({ workspace_id: workspaceId, ...row }).returningAll().executeTakeFirstOrThrow();
}

export async function findRule(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<AlertRuleRow | undefined> {
  let query = db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findRulesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<AlertRuleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

/** Enabled rules, of some types and/or ids only; in id order so that evaluations take their locks in one order. */
export async function findEnabledRules(db: Db, workspaceId: string, filter: { types?: readonly string[]; ids?: readonly string[] }): Promise<AlertRuleRow[]> {
  if (filter.types?.length === 0) return [];
  let query = db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', true);
  if (filter.types) query = query.where('type', 'in', filter.types);
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  return query.orderBy('id', 'asc').execute();
}

export async function listRules(db: Db, workspaceId: string, filter: { type?: string | undefined; enabled?: boolean | undefined }, page: { limit: number; after: Cursor }): Promise<AlertRuleRow[]> {
  let query = db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled);
  if (page.after) query = query.where(afterCursor(RULE_SORT, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateRule(db: Db, workspaceId: string, id: string, patch: Partial<NewRule>): Promise<AlertRuleRow> {
  return db
    .updateTable('alert_rules')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteRule(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('alert_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The ids of the workspace's products among `ids`. */
export async function existingProductIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('products').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export interface AlertFilter {
  status?: string | undefined;
  product_id?: string | undefined;
  rule_id?: string | undefined;
  operator_member_id?: string | undefined;
  type?: string | undefined;
}

export async function listAlerts(db: Db, workspaceId: string, filter: AlertFilter, page: { limit: number; after: Cursor }): Promise<AlertRow[]> {
  let query = db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId);
  for (const column of ['status', 'product_id', 'rule_id', 'operator_member_id', 'type'] as const) {
    const value = filter[column];
    if (value !== undefined) query = query.where(column, '=', value);
  }
  if (page.after) query = query.where(afterCursor(ALERT_SORT, page.after));
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function findAlert(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<AlertRow | undefined> {
  let query = db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findAlertsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export interface AlertPatch {
  status?: string;
  note?: string | null;
  acknowledged_at?: Date;
  resolved_at?: Date;
  resolution?: string;
}

export async function updateAlert(db: Db, workspaceId: string, id: string, patch: AlertPatch): Promise<AlertRow> {
  return db
    .updateTable('alerts')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Resolves the open alerts of a deleted rule; returns their ids. */
export async function resolveAlertsOfRule(db: Db, workspaceId: string, ruleId: string, resolution: string): Promise<string[]> {
  const rows = await db
    .updateTable('alerts')
    .set({ status: 'resolved', resolved_at: sql<Date>`now()`, resolution, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('rule_id', '=', ruleId)
    .where('status', 'in', ['open', 'acknowledged'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
