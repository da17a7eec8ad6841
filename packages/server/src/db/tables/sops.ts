import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, JsonOf, NullableTimestamp, Timestamp } from '../column-types.ts';

export interface SopTemplatesTable {
  workspace_id: string;
  id: string;
  key: string;
  name: string;
  category: string;
  purpose: string;
  latest_version: number;
  library_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SopTemplateVersionsTable {
  workspace_id: string;
  id: string;
  template_id: string;
  number: number;
  name: string;
  category: string;
  purpose: string;
  change_note: string | null;
  steps: JsonOf<unknown[]>;
  created_at: Timestamp;
}

export interface SopRunsTable {
  workspace_id: string;
  id: string;
  template_id: string;
  template_version_id: string;
  template_version: number;
  template_key: string;
  title: string;
  subject_type: string | null;
  subject_id: string | null;
  /** Dates are 'YYYY-MM-DD' strings on both engines (see connect.ts). */
  start_date: string;
  due_date: string;
  status: Generated<string>;
  cancel_reason: string | null;
  completed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SopRunStepsTable {
  workspace_id: string;
  run_id: string;
  key: string;
  position: number;
  title: string;
  default_role: string;
  depends_on: string[];
  assignee_id: string;
  status: Generated<string>;
  due_date: string;
  block_reason: string | null;
  skip_reason: string | null;
  data: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  notes: ColumnType<unknown[], string | undefined, string>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface ChecklistsTable {
  workspace_id: string;
  id: string;
  title: string;
  description: string | null;
  cadence: string;
  weekday: number | null;
  day_of_month: number | null;
  assignee_id: string;
  subject_type: string | null;
  subject_id: string | null;
  record: Json;
  active_from: string;
  active_until: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ChecklistTasksTable {
  workspace_id: string;
  id: string;
  checklist_id: string;
  due_date: string;
  assignee_id: string;
  status: Generated<string>;
  completed_at: NullableTimestamp;
  completed_by_member_id: string | null;
  note: string | null;
  value: ColumnType<string | number | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReviewsTable {
  workspace_id: string;
  id: string;
  week: string;
  subject_type: string | null;
  subject_id: string | null;
  problem: string;
  data_points: ColumnType<unknown[], string | undefined, string>;
  diagnosis: string | null;
  action: string | null;
  expected_effect: string | null;
  due_week: string;
  owner_id: string | null;
  status: Generated<string>;
  outcome: Json;
  acted_at: NullableTimestamp;
  evaluated_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReviewAnalysesTable {
  workspace_id: string;
  id: string;
  review_id: string;
  author_id: string;
  body: string;
  suggested_action: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The SOP, checklist and review tables. */
export interface SopTables {
  sop_templates: SopTemplatesTable;
  sop_template_versions: SopTemplateVersionsTable;
  sop_runs: SopRunsTable;
  sop_run_steps: SopRunStepsTable;
  checklists: ChecklistsTable;
  checklist_tasks: ChecklistTasksTable;
  reviews: ReviewsTable;
  review_analyses: ReviewAnalysesTable;
}

export type SopTemplateRow = Selectable<SopTemplatesTable>;
export type SopTemplateVersionRow = Selectable<SopTemplateVersionsTable>;
export type SopRunRow = Selectable<SopRunsTable>;
export type SopRunStepRow = Selectable<SopRunStepsTable>;
export type ChecklistRow = Selectable<ChecklistsTable>;
export type ChecklistTaskRow = Selectable<ChecklistTasksTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type ReviewAnalysisRow = Selectable<ReviewAnalysesTable>;
