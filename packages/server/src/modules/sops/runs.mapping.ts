import type { SopRun, SopRunProgress, SopRunStep, SopRunStepListed, StepNote, StepStatus, Subject } from '@sellerops/schemas';
import type { SopRunRow, SopRunStepRow } from '../../db/database.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import type { ListedStepRow } from './runs.repository.ts';

export const FINISHED: ReadonlySet<string> = new Set(['done', 'skipped']);

export function subjectOf(row: { subject_type: string | null; subject_id: string | null }): Subject | null {
  return row.subject_type && row.subject_id ? { type: row.subject_type as Subject['type'], id: row.subject_id } : null;
}

/** Unfinished in an active run and due before today. */
export function isOverdue(step: Pick<SopRunStepRow, 'status' | 'due_date'>, runActive: boolean, today: string): boolean {
  return runActive && !FINISHED.has(step.status) && step.due_date < today;
}

function stepState(row: SopRunStepRow, waitingOn: string[], overdue: boolean): SopRunStep {
  return {
    key: row.key,
    position: row.position,
    title: row.title,
    default_role: row.default_role,
    depends_on: row.depends_on,
    assignee_id: row.assignee_id,
    status: row.status as StepStatus,
    due_date: row.due_date,
    overdue,
    waiting_on: waitingOn,
    block_reason: row.block_reason,
    skip_reason: row.skip_reason,
    data: row.data,
    notes: row.notes as StepNote[],
    started_at: isoOrNull(row.started_at),
    finished_at: isoOrNull(row.finished_at),
    updated_at: iso(row.updated_at),
  };
}

export function progressOf(steps: readonly Pick<SopRunStepRow, 'status'>[]): SopRunProgress {
  const count = (status: string) => steps.filter((s) => s.status === status).length;
  const done = count('done');
  const skipped = count('skipped');
  return {
    total: steps.length,
    todo: count('todo'),
    in_progress: count('in_progress'),
    blocked: count('blocked'),
    done,
    skipped,
    ratio: steps.length === 0 ? 0 : Math.round(((done + skipped) / steps.length) * 10_000) / 10_000,
  };
}

/** A run with its steps (in template order), progress, and what is overdue or blocked. */
export function toRun(row: SopRunRow, stepRows: readonly SopRunStepRow[], today: string): SopRun {
  const active = row.status === 'active';
  const statusByKey = new Map(stepRows.map((s) => [s.key, s.status]));
  const steps = stepRows.map((s) =>
    stepState(
      s,
      s.depends_on.filter((d) => !FINISHED.has(statusByKey.get(d) ?? 'todo')),
      isOverdue(s, active, today),
    ),
  );
  return {
    id: row.id,
    object: 'sop_run',
    template_id: row.template_id,
    template_key: row.template_key,
    template_version: row.template_version,
    title: row.title,
    subject: subjectOf(row),
    start_date: row.start_date,
    due_date: row.due_date,
    status: row.status as SopRun['status'],
    cancel_reason: row.cancel_reason,
    completed_at: isoOrNull(row.completed_at),
    cancelled_at: isoOrNull(row.cancelled_at),
    progress: progressOf(stepRows),
    overdue_steps: steps.filter((s) => s.overdue).map((s) => s.key),
    blocked_steps: steps.filter((s) => s.status === 'blocked').map((s) => s.key),
    steps,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** A step listed across runs (only steps of active runs are listed). */
export function toListedStep(row: ListedStepRow, today: string): SopRunStepListed {
  return {
    object: 'sop_run_step',
    run_id: row.run_id,
    run_title: row.run_title,
    template_id: row.template_id,
    subject: subjectOf(row),
    ...stepState(row, row.waiting_on, isOverdue(row, true, today)),
  };
}
