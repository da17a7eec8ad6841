import { sql } from 'kysely';
import type { ChecklistRow, ChecklistTaskRow, Db } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';
import { activeOn, occurrenceDate } from './cadence.ts';

type Cursor = (string | number)[] | undefined;
export const CHECKLIST_SORT: SortKey[] = [{ column: 'id', direction: 'desc' }];
export const TASK_SORT: SortKey[] = [{ column: 't.id', direction: 'asc' }];

export type NewChecklist = Omit<ChecklistRow, 'record' | 'created_at' | 'updated_at' | 'version'> & { record: string | null };

export async function insertChecklist(db: Db, row: NewChecklist): Promise<ChecklistRow> {
  return db.insertInto('checklists').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findChecklist(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ChecklistRow | undefined> {
  let query = db.selectFrom('checklists').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findChecklistsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<ChecklistRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('checklists').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export interface ChecklistFilter {
  assignee_id?: string | undefined;
  cadence?: string | undefined;
  active_on?: string | undefined;
  subject_id?: string | undefined;
}

export async function listChecklists(db: Db, workspaceId: string, filter: ChecklistFilter, page: { limit: number; after: Cursor }): Promise<ChecklistRow[]> {
  let query = db.selectFrom('checklists as c').selectAll().where('c.workspace_id', '=', workspaceId);
  if (filter.assignee_id) query = query.where('c.assignee_id', '=', filter.assignee_id);
  if (filter.cadence) query = query.where('c.cadence', '=', filter.cadence);
  if (filter.subject_id) query = query.where('c.subject_id', '=', filter.subject_id);
  if (filter.active_on) query = query.where(activeOn(sql`${filter.active_on}::date`));
  if (page.after) query = query.where(afterCursor(CHECKLIST_SORT, page.after));
  return query.orderBy('c.id', 'desc').limit(page.limit + 1).execute();
}

export async function updateChecklist(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { title?: string; description?: string | null; assignee_id?: string; subject_type?: string | null; subject_id?: string | null; record?: string | null; active_until?: string | null },
): Promise<ChecklistRow> {
  return db
    .updateTable('checklists')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface Occurrence {
  checklist_id: string;
  assignee_id: string;
  due_date: string;
}

/** The occurrence of every active checklist in the period around `day`. */
export async function occurrencesInPeriod(db: Db, workspaceId: string, day: string, checklistId?: string): Promise<Occurrence[]> {
  const due = occurrenceDate(sql`${day}::date`);
  let query = db
    .selectFrom('checklists as c')
    .select(['c.id as checklist_id', 'c.assignee_id', due.as('due_date')])
    .where('c.workspace_id', '=', workspaceId)
    .where(activeOn(due));
  if (checklistId) query = query.where('c.id', '=', checklistId);
  return query.execute();
}

/** Past occurrences of one checklist, up to `until`, that have no task row yet. */
export async function occurrencesWithoutTask(db: Db, workspaceId: string, checklistId: string, until: string): Promise<Occurrence[]> {
  const result = await sql<Occurrence>`
    select c.id as checklist_id, c.assignee_id, d.day::date::text as due_date
    from checklists c
    cross join generate_series(c.active_from::timestamp, least(${until}::date, coalesce(c.active_until, ${until}::date))::timestamp, interval '1 day') as d(day)
    where c.workspace_id = ${workspaceId} and c.id = ${checklistId}
      and ${occurrenceDate(sql`d.day`)} = d.day::date
      and not exists (
        select 1 from checklist_tasks t
        where t.workspace_id = c.workspace_id and t.checklist_id = c.id and t.due_date = d.day::date
      )`.execute(db);
  return result.rows;
}

/**
 * Creates the given occurrences, skipping any that exist. The unique natural key
 * (workspace, checklist, due date) makes this safe when concurrent requests create
 * the same occurrences: the database keeps exactly one of each.
 */
export async function insertTasks(db: Db, rows: Array<Occurrence & { workspace_id: string; id: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('checklist_tasks')
    .values(rows)
    .onConflict((oc) => oc.columns(['workspace_id', 'checklist_id', 'due_date']).doNothing())
    .execute();
}

/** A task with what it shows of its checklist. */
export type TaskRecord = ChecklistTaskRow & { title: string; cadence: string; subject_type: string | null; subject_id: string | null; record: ChecklistRow['record'] };

function tasksWithChecklist(db: Db, workspaceId: string) {
  return db
    .selectFrom('checklist_tasks as t')
    .innerJoin('checklists as c', (join) => join.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.checklist_id'))
    .selectAll('t')
    .select(['c.title', 'c.cadence', 'c.subject_type', 'c.subject_id', 'c.record'])
    .where('t.workspace_id', '=', workspaceId);
}

export interface TaskFilter {
  assignee_id?: string | undefined;
  checklist_id?: string | undefined;
}

export async function listTasksOfPeriod(db: Db, workspaceId: string, day: string, filter: TaskFilter, page: { limit: number; after: Cursor }): Promise<TaskRecord[]> {
  let query = tasksWithChecklist(db, workspaceId).where(sql<boolean>`t.due_date = ${occurrenceDate(sql`${day}::date`)}`);
  if (filter.assignee_id) query = query.where('t.assignee_id', '=', filter.assignee_id);
  if (filter.checklist_id) query = query.where('t.checklist_id', '=', filter.checklist_id);
  if (page.after) query = query.where(afterCursor(TASK_SORT, page.after));
  return query.orderBy('t.id').limit(page.limit + 1).execute();
}

export async function findTask(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<TaskRecord | undefined> {
  let query = tasksWithChecklist(db, workspaceId).where('t.id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function updateTask(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { status: string; completed_at: Date | null; completed_by_member_id: string | null; note: string | null; value: string | null },
): Promise<void> {
  await db
    .updateTable('checklist_tasks')
    .set({ ...patch, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Hands the open occurrences due from `from` on to a new assignee. */
export async function reassignOpenTasks(db: Db, workspaceId: string, checklistId: string, assigneeId: string, from: string): Promise<void> {
  await db
    .updateTable('checklist_tasks')
    .set({ assignee_id: assigneeId, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('checklist_id', '=', checklistId)
    .where('status', '=', 'open')
    .where('due_date', '>=', from)
    .execute();
}

export interface CompletionRow {
  key: string;
  label: string;
  expected: number;
  done: number;
  on_time: number;
  missed: number;
  pending: number;
}

const GROUP_KEY = {
  assignee: { key: sql`o.assignee_id`, label: sql`coalesce(m.name, o.assignee_id)` },
  checklist: { key: sql`o.checklist_id`, label: sql`o.title` },
  day: { key: sql`o.due_date::text`, label: sql`o.due_date::text` },
} as const;

/**
 * Every occurrence due in [from, to], whether or not anybody opened its task, joined
 * to its task when there is one. A task's own assignee wins (that is who held it);
 * an occurrence nobody opened belongs to the checklist's assignee.
 */
export async function completion(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string; today: string },
  groupBy: keyof typeof GROUP_KEY,
  filter: TaskFilter,
): Promise<CompletionRow[]> {
  const group = GROUP_KEY[groupBy];
  const result = await sql<CompletionRow>`
    with occurrences as (
      select c.id as checklist_id, c.title, d.day::date as due_date,
             coalesce(t.assignee_id, c.assignee_id) as assignee_id, t.status, t.completed_at
      from checklists c
      cross join generate_series(${range.from}::timestamp, ${range.to}::timestamp, interval '1 day') as d(day)
      left join checklist_tasks t on t.workspace_id = c.workspace_id and t.checklist_id = c.id and t.due_date = d.day::date
      where c.workspace_id = ${workspaceId}
        and ${occurrenceDate(sql`d.day`)} = d.day::date
        and ${activeOn(sql`d.day::date`)}
        ${filter.checklist_id ? sql`and c.id = ${filter.checklist_id}` : sql``}
    )
    select ${group.key} as key, ${group.label} as label,
      count(*)::int as expected,
      count(*) filter (where o.status = 'done')::int as done,
      count(*) filter (where o.status = 'done' and (o.completed_at at time zone 'UTC')::date <= o.due_date)::int as on_time,
      count(*) filter (where o.status is distinct from 'done' and o.due_date < ${range.today}::date)::int as missed,
      count(*) filter (where o.status is distinct from 'done' and o.due_date >= ${range.today}::date)::int as pending
    from occurrences o
    left join members m on m.workspace_id = ${workspaceId} and m.id = o.assignee_id
    ${filter.assignee_id ? sql`where o.assignee_id = ${filter.assignee_id}` : sql``}
    group by 1, 2
    order by 1`.execute(db);
  return result.rows;
}
