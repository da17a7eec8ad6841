import { COMPLETION_GROUPS } from '@sellerops/schemas';
import type { Checklist, ChecklistCompletion, ChecklistCreate, ChecklistTask, ChecklistTaskUpdate, ChecklistUpdate, CompletionGroup, StepField } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { assertActiveMembers } from './assignees.ts';
import { toChecklist, toTask } from './checklists.mapping.ts';
import * as repo from './checklists.repository.ts';
import { addDays, daysBetween, isCalendarDate, todayUtc } from './dates.ts';
import { fieldValueProblem, isEmptyValue, validateFieldDefinitions } from './step-fields.ts';
import type { PageRequest } from './templates.service.ts';

/** A report covers at most a year (and a day, for a leap year). */
const MAX_REPORT_DAYS = 366;

function fail(message: string, errors: FieldError[]): never {
  throw new InvalidInput(`${message}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

function scheduleErrors(input: ChecklistCreate, activeFrom: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.cadence === 'weekly' && input.weekday === undefined) errors.push({ path: '/body/weekday', message: 'is required for a weekly checklist' });
  if (input.cadence !== 'weekly' && input.weekday !== undefined) errors.push({ path: '/body/weekday', message: 'is only for a weekly checklist' });
  if (input.cadence === 'monthly' && input.day_of_month === undefined) errors.push({ path: '/body/day_of_month', message: 'is required for a monthly checklist' });
  if (input.cadence !== 'monthly' && input.day_of_month !== undefined) errors.push({ path: '/body/day_of_month', message: 'is only for a monthly checklist' });
  if (!isCalendarDate(activeFrom)) errors.push({ path: '/body/active_from', message: 'is not a calendar date' });
  return errors;
}

function rangeErrors(activeFrom: string, activeUntil: string | null | undefined): FieldError[] {
  if (activeUntil === null || activeUntil === undefined) return [];
  if (!isCalendarDate(activeUntil)) return [{ path: '/body/active_until', message: 'is not a calendar date' }];
  return activeUntil < activeFrom ? [{ path: '/body/active_until', message: `is before active_from (${activeFrom})` }] : [];
}

function recordErrors(record: StepField | null | undefined): FieldError[] {
  if (!record) return [];
  return validateFieldDefinitions([record], '/body/record').map((e) => ({ ...e, path: e.path.replace('/body/record/0', '/body/record') }));
}

export async function createChecklist(ctx: ServiceContext, input: ChecklistCreate): Promise<Checklist> {
  const activeFrom = input.active_from ?? todayUtc();
  const errors = [...scheduleErrors(input, activeFrom), ...rangeErrors(activeFrom, input.active_until), ...recordErrors(input.record)];
  if (errors.length > 0) fail('The checklist is not valid', errors);
  await assertActiveMembers(ctx, [{ id: input.assignee_id, path: '/body/assignee_id' }]);
  const row = await repo.insertChecklist(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.checklist),
    title: input.title,
    description: input.description ?? null,
    cadence: input.cadence,
    weekday: input.weekday ?? null,
    day_of_month: input.day_of_month ?? null,
    assignee_id: input.assignee_id,
    subject_type: input.subject?.type ?? null,
    subject_id: input.subject?.id ?? null,
    record: input.record ? JSON.stringify(input.record) : null,
    active_from: activeFrom,
    active_until: input.active_until ?? null,
  });
  const checklist = toChecklist(row);
  await recordChange(ctx, { action: 'checklist.created', objectType: 'checklist', objectId: checklist.id, after: checklist });
  return checklist;
}

export async function getChecklist(ctx: ServiceContext, id: string): Promise<Checklist> {
  const row = await repo.findChecklist(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Checklist', id);
  return toChecklist(row);
}

export async function listChecklists(ctx: ServiceContext, filter: repo.ChecklistFilter, page: PageRequest): Promise<Page<Checklist>> {
  if (filter.active_on !== undefined && !isCalendarDate(filter.active_on)) fail('active_on is not valid', [{ path: '/querystring/active_on', message: 'is not a calendar date' }]);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.CHECKLIST_SORT) : undefined;
  const rows = await repo.listChecklists(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toChecklist);
}

/**
 * A new assignee takes over from today. Occurrences before today that nobody opened
 * are created first, for the old assignee, so the completion report keeps charging
 * each missed day to the person who held it then.
 */
export async function updateChecklist(ctx: ServiceContext, id: string, patch: ChecklistUpdate, expected: number | undefined): Promise<Checklist> {
  const current = await repo.findChecklist(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Checklist', id);
  assertVersion(current.version, expected);
  const errors = [...(patch.active_until !== undefined ? rangeErrors(current.active_from, patch.active_until) : []), ...recordErrors(patch.record)];
  if (errors.length > 0) fail('The change is not valid', errors);
  const today = todayUtc();
  if (patch.assignee_id !== undefined && patch.assignee_id !== current.assignee_id) {
    await assertActiveMembers(ctx, [{ id: patch.assignee_id, path: '/body/assignee_id' }]);
    const past = await repo.occurrencesWithoutTask(ctx.db, ctx.workspaceId, id, addDays(today, -1));
    await repo.insertTasks(ctx.db, past.map((o) => ({ ...o, workspace_id: ctx.workspaceId, id: newId(ID_PREFIX.checklist_task) })));
    await repo.reassignOpenTasks(ctx.db, ctx.workspaceId, id, patch.assignee_id, today);
  }
  const { subject, record, ...plain } = patch;
  const row = await repo.updateChecklist(ctx.db, ctx.workspaceId, id, {
    ...plain,
    ...(subject !== undefined ? { subject_type: subject?.type ?? null, subject_id: subject?.id ?? null } : {}),
    ...(record !== undefined ? { record: record ? JSON.stringify(record) : null } : {}),
  });
  const after = toChecklist(row);
  await recordChange(ctx, { action: 'checklist.updated', objectType: 'checklist', objectId: id, before: toChecklist(current), after });
  return after;
}

/**
 * The tasks of the period around `date` (its day, ISO week and month, by cadence),
 * created on first read. Reads run outside a transaction, so creation relies on the
 * database: an insert that skips occurrences already there, then a read.
 */
export async function listTasks(ctx: ServiceContext, query: { date?: string | undefined } & repo.TaskFilter, page: PageRequest): Promise<Page<ChecklistTask>> {
  const today = todayUtc();
  const day = query.date ?? today;
  if (!isCalendarDate(day)) fail('date is not valid', [{ path: '/querystring/date', message: 'is not a calendar date' }]);
  const due = await repo.occurrencesInPeriod(ctx.db, ctx.workspaceId, day, query.checklist_id);
  await repo.insertTasks(ctx.db, due.map((o) => ({ ...o, workspace_id: ctx.workspaceId, id: newId(ID_PREFIX.checklist_task) })));
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.TASK_SORT) : undefined;
  const rows = await repo.listTasksOfPeriod(ctx.db, ctx.workspaceId, day, query, { limit, after });
  return toPage(rows, limit, (r) => [r.id], (r) => toTask(r, today));
}

export async function getTask(ctx: ServiceContext, id: string): Promise<ChecklistTask> {
  const row = await repo.findTask(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Checklist task', id);
  return toTask(row, todayUtc());
}

/** Completes (with a note and the recorded value) or reopens a task. */
export async function updateTask(ctx: ServiceContext, id: string, input: ChecklistTaskUpdate, expected: number | undefined): Promise<ChecklistTask> {
  const current = await repo.findTask(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Checklist task', id);
  assertVersion(current.version, expected);
  const today = todayUtc();
  if (input.status === 'open') {
    if (input.value !== undefined && input.value !== null) fail('A reopened task records no value', [{ path: '/body/value', message: 'is only recorded when completing' }]);
    await repo.updateTask(ctx.db, ctx.workspaceId, id, { status: 'open', completed_at: null, completed_by_member_id: null, note: input.note ?? current.note, value: null });
  } else {
    const record = current.record as StepField | null;
    const value = input.value ?? null;
    if (!record && value !== null) fail('This checklist records no value', [{ path: '/body/value', message: 'this checklist has no record field' }]);
    if (record) {
      if (isEmptyValue(value)) {
        if (record.required) fail('The value is required', [{ path: '/body/value', message: `is required (${record.label})` }]);
      } else {
        const problem = fieldValueProblem(record, value);
        if (problem) fail('The value does not fit the record field', [{ path: '/body/value', message: problem }]);
      }
    }
    const alreadyDone = current.status === 'done';
    await repo.updateTask(ctx.db, ctx.workspaceId, id, {
      status: 'done',
      // Correcting the note or value of a done task keeps when and by whom it was done.
      completed_at: alreadyDone ? current.completed_at : new Date(),
      completed_by_member_id: alreadyDone ? current.completed_by_member_id : ctx.actor.memberId,
      note: input.note !== undefined ? input.note : current.note,
      value: isEmptyValue(value) ? null : JSON.stringify(value),
    });
  }
  const row = (await repo.findTask(ctx.db, ctx.workspaceId, id))!;
  const after = toTask(row, today);
  await recordChange(ctx, { action: input.status === 'done' ? 'checklist_task.completed' : 'checklist_task.reopened', objectType: 'checklist_task', objectId: id, before: toTask(current, today), after });
  return after;
}

function rate(onTime: number, due: number): number | null {
  return due === 0 ? null : Math.round((onTime / due) * 10_000) / 10_000;
}

/**
 * Done, missed and on-time rate of every occurrence due in [from, to]. An occurrence
 * due today or later and not done is pending, neither missed nor counted in the rate:
 * on_time_rate = on_time / (done + missed).
 */
export async function completionReport(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined; group_by?: CompletionGroup | undefined } & repo.TaskFilter,
): Promise<ChecklistCompletion> {
  const today = todayUtc();
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -6);
  const groupBy = query.group_by ?? 'assignee';
  const errors: FieldError[] = [];
  // REST validates these by schema; GraphQL passes plain strings, so the service checks once for both.
  if (!COMPLETION_GROUPS.includes(groupBy)) errors.push({ path: '/querystring/group_by', message: `must be one of ${COMPLETION_GROUPS.join(', ')}` });
  if (!isCalendarDate(from)) errors.push({ path: '/querystring/from', message: 'is not a calendar date' });
  if (!isCalendarDate(to)) errors.push({ path: '/querystring/to', message: 'is not a calendar date' });
  if (errors.length === 0 && from > to) errors.push({ path: '/querystring/from', message: 'is after to' });
  if (errors.length === 0 && daysBetween(from, to) >= MAX_REPORT_DAYS) errors.push({ path: '/querystring/from', message: `the range is longer than ${MAX_REPORT_DAYS} days` });
  if (errors.length > 0) fail('The period is not valid', errors);

  const rows = await repo.completion(ctx.db, ctx.workspaceId, { from, to, today }, groupBy, query);
  const groups = rows.map((r) => ({ ...r, late: r.done - r.on_time, on_time_rate: rate(r.on_time, r.done + r.missed) }));
  const sum = (k: 'expected' | 'done' | 'on_time' | 'missed' | 'pending') => groups.reduce((n, g) => n + g[k], 0);
  const totals = { expected: sum('expected'), done: sum('done'), on_time: sum('on_time'), late: sum('done') - sum('on_time'), missed: sum('missed'), pending: sum('pending'), on_time_rate: rate(sum('on_time'), sum('done') + sum('missed')) };
  return { object: 'checklist_completion', from, to, group_by: groupBy, totals, groups };
}
