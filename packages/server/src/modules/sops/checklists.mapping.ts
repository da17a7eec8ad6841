import type { Checklist, ChecklistSubject, ChecklistTask, StepField } from '@sellerops/schemas';
import type { ChecklistRow } from '../../db/database.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import type { TaskRecord } from './checklists.repository.ts';

function subjectOf(row: { subject_type: string | null; subject_id: string | null }): ChecklistSubject | null {
  return row.subject_type && row.subject_id ? { type: row.subject_type as ChecklistSubject['type'], id: row.subject_id } : null;
}

export function toChecklist(row: ChecklistRow): Checklist {
  return {
    id: row.id,
    object: 'checklist',
    title: row.title,
    description: row.description,
    cadence: row.cadence as Checklist['cadence'],
    weekday: row.weekday,
    day_of_month: row.day_of_month,
    assignee_id: row.assignee_id,
    subject: subjectOf(row),
    record: row.record as StepField | null,
    active_from: row.active_from,
    active_until: row.active_until,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** On time means completed on or before the due date, by the UTC calendar. */
export function toTask(row: TaskRecord, today: string): ChecklistTask {
  const done = row.status === 'done';
  return {
    id: row.id,
    object: 'checklist_task',
    checklist_id: row.checklist_id,
    title: row.title,
    cadence: row.cadence as ChecklistTask['cadence'],
    subject: subjectOf(row),
    due_date: row.due_date,
    assignee_id: row.assignee_id,
    status: row.status as ChecklistTask['status'],
    overdue: !done && row.due_date < today,
    on_time: done && row.completed_at ? iso(row.completed_at).slice(0, 10) <= row.due_date : null,
    completed_at: isoOrNull(row.completed_at),
    completed_by_member_id: row.completed_by_member_id,
    note: row.note,
    value: row.value,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
