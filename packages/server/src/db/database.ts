import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

/** A timestamp column: read as a Date, written as a Date or an ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown> | null, string | null, string | null>;

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MembersTable {
  workspace_id: string;
  id: string;
  name: string;
  email: string;
  role: string;
  title: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  member_id: string | null;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AuditEventsTable {
  workspace_id: string;
  id: string;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_member_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  route: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Json;
  response_body: string | null;
  created_at: Timestamp;
}

/** A jsonb column holding an array or object of a known shape: written as JSON text. */
type JsonOf<T> = ColumnType<T, string, string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A rubric dimension as stored (the API's shape, defaults filled in). */
export interface StoredDimension {
  key: string;
  name: string;
  description: string;
  weight: number;
  levels: Array<{ score: number; anchor: string }>;
  knock_out: { minimum: number } | null;
}

export interface StoredScore {
  dimension_key: string;
  score: number;
  evidence: string | null;
}

export interface StoredPanelSeat {
  interviewer_id: string;
  stage: string;
}

export interface StoredKnowledgeNode {
  title: string;
  keywords?: string[];
  children?: StoredKnowledgeNode[];
}

export interface HiringRolesTable {
  workspace_id: string;
  id: string;
  name: string;
  level: string;
  description: string | null;
  library_key: string | null;
  rubric_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringRubricVersionsTable {
  workspace_id: string;
  role_id: string;
  number: number;
  dimensions: JsonOf<StoredDimension[]>;
  created_at: Timestamp;
}

export interface HiringQuestionsTable {
  workspace_id: string;
  id: string;
  text: string;
  dimension_key: string;
  role_id: string | null;
  strong_signals: string[];
  weak_signals: string[];
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringCandidatesTable {
  workspace_id: string;
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  resume_text: string | null;
  resume_url: string | null;
  background: string | null;
  followed_sources: ColumnType<string[], string[] | undefined, string[]>;
  notes: string | null;
  source: string | null;
  years_experience: number | null;
  style: string | null;
  erased_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringApplicationsTable {
  workspace_id: string;
  id: string;
  candidate_id: string;
  role_id: string;
  stage: string;
  rejection_reason: string | null;
  panel: JsonOf<StoredPanelSeat[]>;
  stage_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringScorecardsTable {
  workspace_id: string;
  id: string;
  application_id: string;
  interviewer_id: string;
  stage: string;
  role_id: string;
  rubric_version: number;
  scores: JsonOf<StoredScore[]>;
  recommendation: string;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringWorkSamplesTable {
  workspace_id: string;
  id: string;
  application_id: string;
  reviewer_id: string | null;
  assignment: string | null;
  product_ref: string | null;
  submission_text: string | null;
  submission_url: string | null;
  scores: JsonOf<StoredScore[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringKnowledgeFrameworksTable {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  library_key: string | null;
  tree: JsonOf<StoredKnowledgeNode>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface HiringKnowledgeMapsTable {
  workspace_id: string;
  id: string;
  framework_id: string;
  candidate_id: string | null;
  member_id: string | null;
  format: string;
  tree: ColumnType<StoredKnowledgeNode | null, string | null, string | null>;
  comparison: JsonOf<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DB {
  workspaces: WorkspacesTable;
  members: MembersTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  hiring_roles: HiringRolesTable;
  hiring_rubric_versions: HiringRubricVersionsTable;
  hiring_questions: HiringQuestionsTable;
  hiring_candidates: HiringCandidatesTable;
  hiring_applications: HiringApplicationsTable;
  hiring_scorecards: HiringScorecardsTable;
  hiring_work_samples: HiringWorkSamplesTable;
  hiring_knowledge_frameworks: HiringKnowledgeFrameworksTable;
  hiring_knowledge_maps: HiringKnowledgeMapsTable;
}

/** The database or a transaction on it: what every repository function takes first. */
export type Db = Kysely<DB> | Transaction<DB>;

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberPatch = Updateable<MembersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type HiringRoleRow = Selectable<HiringRolesTable>;
export type RubricVersionRow = Selectable<HiringRubricVersionsTable>;
export type QuestionRow = Selectable<HiringQuestionsTable>;
export type CandidateRow = Selectable<HiringCandidatesTable>;
export type ApplicationRow = Selectable<HiringApplicationsTable>;
export type ScorecardRow = Selectable<HiringScorecardsTable>;
export type WorkSampleRow = Selectable<HiringWorkSamplesTable>;
export type KnowledgeFrameworkRow = Selectable<HiringKnowledgeFrameworksTable>;
export type KnowledgeMapRow = Selectable<HiringKnowledgeMapsTable>;
