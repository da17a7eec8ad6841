import { sql, type ExpressionBuilder } from 'kysely';
import type { DB, Db, SopRunRow, SopRunStepRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

type Cursor = (string | number)[] | undefined;
export const RUN_SORT: SortKey[] = [{ column: 'sop_runs.id', direction: 'desc' }];
export const OPEN_STEP_SORT: SortKey[] = [
  { column: 's.due_date', direction: 'asc' },
  { column: 's.run_id', direction: 'asc' },
  { column: 's.position', direction: 'asc' },
];

// Spelled out (not a parameter list) so the planner can match the partial index on unfinished steps.
const UNFINISHED = sql<boolean>`s.status in ('todo', 'in_progress', 'blocked')`;

export type NewRun = Omit<SopRunRow, 'status' | 'cancel_reason' | 'completed_at' | 'cancelled_at' | 'created_at' | 'updated_at' | 'version'>;
export type NewRunStep = Pick<SopRunStepRow, 'workspace_id' | 'run_id' | 'key' | 'position' | 'title' | 'default_role' | 'depends_on' | 'assignee_id' | 'due_date'>;

export async function insertRun(db: Db, row: NewRun): Promise<SopRunRow> {
  return db.insertInto('sop_runs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSteps(db: Db, rows: NewRunStep[]): Promise<SopRunStepRow[]> {
  return db.insertInto('sop_run_steps').values(rows).returningAll().execute();
}

export async function findRun(db: Db, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<SopRunRow | undefined> {
  let query = db.selectFrom('sop_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findRunsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<SopRunRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sop_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

/** The steps of several runs in one statement, in template order. */
export async function findSteps(db: Db, workspaceId: string, runIds: readonly string[]): Promise<SopRunStepRow[]> {
  if (runIds.length === 0) return [];
  return db
    .selectFrom('sop_run_steps')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('run_id', 'in', runIds)
    .orderBy('run_id')
    .orderBy('position')
    .execute();
}

export interface RunFilter {
  status?: string | undefined;
  template_id?: string | undefined;
  assignee_id?: string | undefined;
  subject_type?: string | undefined;
  subject_id?: string | undefined;
  overdue?: boolean | undefined;
}

const hasOverdueStep = (eb: ExpressionBuilder<DB, 'sop_runs'>, today: string) =>
  eb.exists(
    eb
      .selectFrom('sop_run_steps as s')
      .select(sql`1`.as('one'))
      .whereRef('s.workspace_id', '=', 'sop_runs.workspace_id')
      .whereRef('s.run_id', '=', 'sop_runs.id')
      .where(UNFINISHED)
      .where('s.due_date', '<', today),
  );

export async function listRuns(db: Db, workspaceId: string, filter: RunFilter, today: string, page: { limit: number; after: Cursor }): Promise<SopRunRow[]> {
  let query = db.selectFrom('sop_runs').selectAll().where('sop_runs.workspace_id', '=', workspaceId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.template_id) query = query.where('template_id', '=', filter.template_id);
  if (filter.subject_type) query = query.where('subject_type', '=', filter.subject_type);
  if (filter.subject_id) query = query.where('subject_id', '=', filter.subject_id);
  if (filter.assignee_id) {
    const assignee = filter.assignee_id;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sop_run_steps as s')
          .select(sql`1`.as('one'))
          .whereRef('s.workspace_id', '=', 'sop_runs.workspace_id')
          .whereRef('s.run_id', '=', 'sop_runs.id')
          .where('s.assignee_id', '=', assignee),
      ),
    );
  }
  if (filter.overdue === true) query = query.where('status', '=', 'active').where((eb) => hasOverdueStep(eb, today));
  if (filter.overdue === false) query = query.where((eb) => eb.or([eb('status', '!=', 'active'), eb.not(hasOverdueStep(eb, today))]));
  if (page.after) query = query.where(afterCursor(RUN_SORT, page.after));
  return query.orderBy('sop_runs.id', 'desc').limit(page.limit + 1).execute();
}

export interface StepPatch {
  status?: string;
  assignee_id?: string;
  block_reason?: string | null;
  skip_reason?: string | null;
  data?: Record<string, unknown> | null;
  started_at?: Date | null;
  finished_at?: Date | null;
}

/** `at` stamps updated_at with the same clock as the patch's own timestamps. */
export async function updateStep(db: Db, workspaceId: string, runId: string, key: string, patch: StepPatch, note: unknown | null, at: Date): Promise<SopRunStepRow> {
  const { data, ...rest } = patch;
  return db
    .updateTable('sop_run_steps')
    .set({
      ...rest,
      ...(data !== undefined ? { data: data === null ? null : JSON.stringify(data) } : {}),
      ...(note !== null ? { notes: sql<string>`notes || ${JSON.stringify([note])}::jsonb` } : {}),
      updated_at: at,
    })
    .where('workspace_id', '=', workspaceId)
    .where('run_id', '=', runId)
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every change of a run or one of its steps raises the run's version: its ETag covers the steps too. */
export async function updateRun(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { status?: string; cancel_reason?: string; completed_at?: Date; cancelled_at?: Date },
  at: Date,
): Promise<SopRunRow> {
  return db
    .updateTable('sop_runs')
    .set({ ...patch, updated_at: at, version: sql<number>`version + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface OpenStepFilter {
  assignee_id?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  due_before?: string | undefined;
}

export type ListedStepRow = SopRunStepRow & { run_title: string; template_id: string; subject_type: string | null; subject_id: string | null; waiting_on: string[] };

/** Steps of active runs across the workspace, soonest due first: "what is on whose desk". */
export async function listStepsOfActiveRuns(db: Db, workspaceId: string, filter: OpenStepFilter, today: string, page: { limit: number; after: Cursor }): Promise<ListedStepRow[]> {
  let query = db
    .selectFrom('sop_run_steps as s')
    .innerJoin('sop_runs as r', (join) => join.onRef('r.workspace_id', '=', 's.workspace_id').onRef('r.id', '=', 's.run_id'))
    .selectAll('s')
    .select([
      'r.title as run_title',
      'r.template_id',
      'r.subject_type',
      'r.subject_id',
      sql<string[]>`array(
        select d from unnest(s.depends_on) as d
        where not exists (
          select 1 from sop_run_steps o
          where o.workspace_id = s.workspace_id and o.run_id = s.run_id and o.key = d and o.status in ('done', 'skipped')
        )
      )`.as('waiting_on'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('r.status', '=', 'active');
  if (filter.assignee_id) query = query.where('s.assignee_id', '=', filter.assignee_id);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.overdue === true) query = query.where(UNFINISHED).where('s.due_date', '<', today);
  if (filter.overdue === false) query = query.where((eb) => eb.or([eb.not(UNFINISHED), eb('s.due_date', '>=', today)]));
  if (filter.due_before) query = query.where('s.due_date', '<', filter.due_before);
  if (page.after) query = query.where(afterCursor(OPEN_STEP_SORT, page.after));
  return query.orderBy('s.due_date').orderBy('s.run_id').orderBy('s.position').limit(page.limit + 1).execute() as Promise<ListedStepRow[]>;
}
