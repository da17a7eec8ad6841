import type { SopRun, SopRunCreate, SopRunStepListed, SopRunStepUpdate, SopStep, StepNote } from '@sellerops/schemas';
import type { SopRunStepRow } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { assertActiveMembers, type MemberReference } from './assignees.ts';
import { plannedDueDates } from './dag.ts';
import { isCalendarDate, todayUtc } from './dates.ts';
import { checkRequestShape, planTransition } from './run-transitions.ts';
import { FINISHED, toListedStep, toRun } from './runs.mapping.ts';
import { groupBy } from './group-by.ts';
import * as repo from './runs.repository.ts';
import { validateRecordedData } from './step-fields.ts';
import * as templates from './templates.repository.ts';
import type { PageRequest } from './templates.service.ts';

async function loadRun(ctx: ServiceContext, id: string, today: string): Promise<SopRun> {
  const row = await repo.findRun(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('SOP run', id);
  return toRun(row, await repo.findSteps(ctx.db, ctx.workspaceId, [id]), today);
}

export async function getRun(ctx: ServiceContext, id: string): Promise<SopRun> {
  return loadRun(ctx, id, todayUtc());
}

export async function listRuns(ctx: ServiceContext, filter: repo.RunFilter, page: PageRequest): Promise<Page<SopRun>> {
  const today = todayUtc();
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.RUN_SORT) : undefined;
  const rows = await repo.listRuns(ctx.db, ctx.workspaceId, filter, today, { limit, after });
  // One statement for the steps of the whole page.
  const steps = await repo.findSteps(ctx.db, ctx.workspaceId, rows.slice(0, limit).map((r) => r.id));
  const byRun = groupBy(steps, (s) => s.run_id);
  return toPage(rows, limit, (r) => [r.id], (r) => toRun(r, byRun.get(r.id) ?? [], today));
}

export async function listSteps(ctx: ServiceContext, filter: repo.OpenStepFilter, page: PageRequest): Promise<Page<SopRunStepListed>> {
  if (filter.due_before !== undefined && !isCalendarDate(filter.due_before)) {
    throw new InvalidInput('due_before is not a calendar date.', [{ path: '/querystring/due_before', message: 'is not a calendar date' }]);
  }
  const today = todayUtc();
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.OPEN_STEP_SORT) : undefined;
  const rows = await repo.listStepsOfActiveRuns(ctx.db, ctx.workspaceId, filter, today, { limit, after });
  return toPage(rows, limit, (r) => [r.due_date, r.run_id, r.position], (r) => toListedStep(r, today));
}

/**
 * Every step gets exactly one person: the member named for the step, else the member
 * named for the step's role. Step keys that are not in the version are refused (a
 * typo would silently leave a step to the role's member); role names that no step
 * uses are accepted, so one role map can serve several templates.
 */
function resolveAssignees(steps: readonly SopStep[], assignees: SopRunCreate['assignees']): { byStep: Map<string, MemberReference>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const perStep = assignees.steps ?? {};
  const perRole = assignees.roles ?? {};
  const keys = new Set(steps.map((s) => s.key));
  for (const key of Object.keys(perStep)) {
    if (!keys.has(key)) errors.push({ path: `/body/assignees/steps/${key}`, message: 'names no step of this template version' });
  }
  const byStep = new Map<string, MemberReference>();
  for (const step of steps) {
    const stepMember = perStep[step.key];
    const roleMember = perRole[step.default_role];
    if (stepMember) byStep.set(step.key, { id: stepMember, path: `/body/assignees/steps/${step.key}` });
    else if (roleMember) byStep.set(step.key, { id: roleMember, path: `/body/assignees/roles/${step.default_role}` });
    else errors.push({ path: `/body/assignees/steps/${step.key}`, message: `has no assignee: name a member for the step or for its role ${step.default_role}` });
  }
  return { byStep, errors };
}

export async function startRun(ctx: ServiceContext, input: SopRunCreate): Promise<SopRun> {
  const template = await templates.findTemplate(ctx.db, ctx.workspaceId, input.template_id);
  if (!template) throw new InvalidInput('template_id names no SOP template of this workspace.', [{ path: '/body/template_id', message: 'unknown template' }]);
  const number = input.template_version ?? template.latest_version;
  const version = await templates.findVersion(ctx.db, ctx.workspaceId, template.id, number);
  if (!version) {
    throw new InvalidInput(`Template ${template.key} has no version ${number} (latest is ${template.latest_version}).`, [{ path: '/body/template_version', message: 'no such version' }]);
  }
  const startDate = input.start_date ?? todayUtc();
  if (!isCalendarDate(startDate)) throw new InvalidInput('start_date is not a calendar date.', [{ path: '/body/start_date', message: 'not a calendar date' }]);

  const steps = version.steps as SopStep[];
  const { byStep, errors } = resolveAssignees(steps, input.assignees);
  if (errors.length > 0) throw new InvalidInput(`Every step needs exactly one assignee: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  await assertActiveMembers(ctx, [...byStep.values()]);

  const due = plannedDueDates(steps, startDate);
  const runDue = [...due.values()].reduce((latest, d) => (d > latest ? d : latest), startDate);
  const subject = input.subject ?? null;
  const runId = newId(ID_PREFIX.sop_run);
  const run = await repo.insertRun(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: runId,
    template_id: template.id,
    template_version_id: version.id,
    template_version: version.number,
    template_key: template.key,
    title: input.title ?? (subject ? `${version.name}: ${subject.type} ${subject.id}` : version.name),
    subject_type: subject?.type ?? null,
    subject_id: subject?.id ?? null,
    start_date: startDate,
    due_date: runDue,
  });
  const stepRows = await repo.insertSteps(
    ctx.db,
    steps.map((step, position) => ({
      workspace_id: ctx.workspaceId,
      run_id: runId,
      key: step.key,
      position,
      title: step.title,
      default_role: step.default_role,
      depends_on: step.depends_on,
      assignee_id: byStep.get(step.key)!.id,
      due_date: due.get(step.key)!,
    })),
  );
  const started = toRun(run, stepRows, todayUtc());
  await recordChange(ctx, { action: 'sop_run.started', objectType: 'sop_run', objectId: runId, after: started });
  return started;
}

export async function cancelRun(ctx: ServiceContext, id: string, input: { status: 'cancelled'; reason: string }, expected: number | undefined): Promise<SopRun> {
  const run = await repo.findRun(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!run) throw new NotFound('SOP run', id);
  assertVersion(run.version, expected);
  if (run.status !== 'active') throw new Conflict(`The run is ${run.status}; only an active run can be cancelled.`, 'invalid_transition');
  const today = todayUtc();
  const steps = await repo.findSteps(ctx.db, ctx.workspaceId, [id]);
  const before = toRun(run, steps, today);
  const now = new Date();
  const updated = await repo.updateRun(ctx.db, ctx.workspaceId, id, { status: 'cancelled', cancel_reason: input.reason, cancelled_at: now }, now);
  const after = toRun(updated, steps, today);
  await recordChange(ctx, { action: 'sop_run.cancelled', objectType: 'sop_run', objectId: id, before, after });
  return after;
}

/** One step changes (an action, a note, or both); the run completes when its last step is done or skipped. */
export async function updateStep(ctx: ServiceContext, runId: string, key: string, input: SopRunStepUpdate, expected: number | undefined): Promise<SopRun> {
  const run = await repo.findRun(ctx.db, ctx.workspaceId, runId, { forUpdate: true });
  if (!run) throw new NotFound('SOP run', runId);
  const steps = await repo.findSteps(ctx.db, ctx.workspaceId, [runId]);
  const step = steps.find((s) => s.key === key);
  if (!step) throw new NotFound(`Step ${key} of SOP run`, runId);
  assertVersion(run.version, expected);
  checkRequestShape(input);
  if (run.status !== 'active') throw new Conflict(`The run is ${run.status}; its steps can no longer change.`, 'invalid_transition');

  const statusByKey = new Map(steps.map((s) => [s.key, s.status]));
  const waitingOn = step.depends_on.filter((d) => !FINISHED.has(statusByKey.get(d) ?? 'todo'));
  const now = new Date();
  const patch = planTransition(step, input, waitingOn, now);

  if (input.action === 'complete') {
    const version = await templates.findVersionById(ctx.db, ctx.workspaceId, run.template_version_id);
    const fields = (version?.steps as SopStep[] | undefined)?.find((s) => s.key === key)?.fields ?? [];
    const { errors, clean } = validateRecordedData(fields, input.data ?? {}, '/body/data');
    if (errors.length > 0) throw new InvalidInput(`The recorded data does not fit the step's fields: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
    patch.data = clean;
  }
  if (input.action === 'reassign') await assertActiveMembers(ctx, [{ id: input.assignee_id!, path: '/body/assignee_id' }]);

  const note: StepNote | null = input.note
    ? { text: input.note, author_member_id: ctx.actor.memberId, api_key_id: ctx.actor.keyId, created_at: now.toISOString() }
    : null;
  const updated = await repo.updateStep(ctx.db, ctx.workspaceId, runId, key, patch, note, now);
  const nextSteps: SopRunStepRow[] = steps.map((s) => (s.key === key ? updated : s));
  const completesRun = nextSteps.every((s) => FINISHED.has(s.status));
  const runRow = await repo.updateRun(ctx.db, ctx.workspaceId, runId, completesRun ? { status: 'completed', completed_at: now } : {}, now);

  const today = todayUtc();
  const before = toRun(run, steps, today).steps.find((s) => s.key === key)!;
  const result = toRun(runRow, nextSteps, today);
  const after = result.steps.find((s) => s.key === key)!;
  await recordChange(ctx, { action: `sop_run.step_${input.action ?? 'noted'}`, objectType: 'sop_run', objectId: runId, before: { step: before }, after: { step: after } });
  if (completesRun) await recordChange(ctx, { action: 'sop_run.completed', objectType: 'sop_run', objectId: runId, after: { status: 'completed', completed_at: result.completed_at } });
  return result;
}
