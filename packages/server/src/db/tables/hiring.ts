import type { ColumnType, Generated, Selectable } from 'kysely';
import type { JsonOf, NullableTimestamp, Timestamp } from '../column-types.ts';

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

/** The hiring tables. */
export interface HiringTables {
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

export type HiringRoleRow = Selectable<HiringRolesTable>;
export type RubricVersionRow = Selectable<HiringRubricVersionsTable>;
export type QuestionRow = Selectable<HiringQuestionsTable>;
export type CandidateRow = Selectable<HiringCandidatesTable>;
export type ApplicationRow = Selectable<HiringApplicationsTable>;
export type ScorecardRow = Selectable<HiringScorecardsTable>;
export type WorkSampleRow = Selectable<HiringWorkSamplesTable>;
export type KnowledgeFrameworkRow = Selectable<HiringKnowledgeFrameworksTable>;
export type KnowledgeMapRow = Selectable<HiringKnowledgeMapsTable>;
