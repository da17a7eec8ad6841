import type { components } from './schema.d.ts';

/** Any named schema of the API by its component name, e.g. `Schema<'Member'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** RFC 9457 problem details: the body of every error response. */
export type Problem = Schema<'Problem'>;
/** A decimal amount as a string with its ISO 4217 currency. */
export type Money = Schema<'Money'>;

/** The workspace (seller company) an API key belongs to. */
export type Workspace = Schema<'Workspace'>;
/** Body of `POST /v1/workspaces`. */
export type WorkspaceCreate = Schema<'WorkspaceCreate'>;
/** Answer of `POST /v1/workspaces`: the workspace and its first admin key, secret included. */
export type WorkspaceCreated = Schema<'WorkspaceCreated'>;

/** An API key as listed: never its secret. */
export type ApiKey = Schema<'ApiKey'>;
/** An API key as created: `secret` is shown only in this answer. */
export type ApiKeyWithSecret = Schema<'ApiKeyWithSecret'>;
/** Body of `POST /v1/api-keys`. */
export type ApiKeyCreate = Schema<'ApiKeyCreate'>;
/** A permission an API key can hold; `admin` implies every scope. */
export type Scope = ApiKey['scopes'][number];

/** A person of the workspace. */
export type Member = Schema<'Member'>;
/** Body of `POST /v1/members`. */
export type MemberCreate = Schema<'MemberCreate'>;
/** Body of `PATCH /v1/members/{id}`. */
export type MemberUpdate = Schema<'MemberUpdate'>;
/** owner, manager, operator or viewer. */
export type MemberRole = Member['role'];

/** One recorded change: who, what, when, before and after. */
export type AuditEvent = Schema<'AuditEvent'>;

/** A role with its current (or a requested earlier) rubric version. */
export type Role = Schema<'Role'>;
/** One weighted rubric dimension with an anchor per score 1-5 and an optional knock-out. */
export type RubricDimension = Schema<'RubricDimension'>;
/** A candidate: personal data, null once erased. */
export type Candidate = Schema<'Candidate'>;
/** A candidate's application to a role, with its stage and panel. */
export type Application = Schema<'Application'>;
/** One interviewer's scores, evidence and recommendation at one stage. */
export type Scorecard = Schema<'Scorecard'>;
/** Weighted score, spread, knock-outs, recommendation tally and missing scorecards of an application. */
export type ApplicationSummary = Schema<'ApplicationSummary'>;
/** A role's candidates side by side, raw and calibrated. */
export type RoleRanking = Schema<'RoleRanking'>;
/** A knowledge map and its comparison with a framework. */
export type KnowledgeMap = Schema<'KnowledgeMap'>;

/** One cursor page of a list route. */
export interface Page<Item> {
  object: 'list';
  data: Item[];
  next_cursor: string | null;
}

/** A template: its key, purpose and the steps of its latest version. */
export type SopTemplate = Schema<'SopTemplate'>;
/** A published version of a template; never changes. */
export type SopTemplateVersion = Schema<'SopTemplateVersion'>;
/** A step of a template: instructions, role, dependencies, due offset, checklist and typed fields. */
export type SopStep = Schema<'SopStep'>;
/** A typed piece of data a step or a checklist records. */
export type StepField = Schema<'StepField'>;
/** A built-in template of the starter library. */
export type SopLibraryTemplate = Schema<'SopLibraryTemplate'>;
/** Body of `POST /v1/sop-templates`. */
export type SopTemplateCreate = Schema<'SopTemplateCreate'>;
/** A run of a template version: steps, assignees, progress, overdue and blocked steps. */
export type SopRun = Schema<'SopRun'>;
/** A step of a run. */
export type SopRunStep = Schema<'SopRunStep'>;
/** Body of `POST /v1/sop-runs`. */
export type SopRunCreate = Schema<'SopRunCreate'>;
/** Body of `PATCH /v1/sop-runs/{id}/steps/{step_key}`. */
export type SopRunStepUpdate = Schema<'SopRunStepUpdate'>;
/** A recurring checklist. */
export type Checklist = Schema<'Checklist'>;
/** One occurrence of a checklist. */
export type ChecklistTask = Schema<'ChecklistTask'>;
/** Done, missed and on-time rate of a period. */
export type ChecklistCompletion = Schema<'ChecklistCompletion'>;
/** A weekly review with its analyses. */
export type Review = Schema<'Review'>;
/** One member's analysis of a review. */
export type ReviewAnalysis = Schema<'ReviewAnalysis'>;

/** A product of the catalog, unique by (marketplace, asin, sku). */
export type Product = Schema<'Product'>;
/** Body of `POST /v1/products`. */
export type ProductCreate = Schema<'ProductCreate'>;
/** Body of `PATCH /v1/products/{id}`. */
export type ProductUpdate = Schema<'ProductUpdate'>;
/** A keyword tracked for a product. */
export type Keyword = Schema<'Keyword'>;
/** A competitor ASIN tracked for a product, with its tier. */
export type Competitor = Schema<'Competitor'>;
/** Body of `POST /v1/metrics/facts`: daily facts of one family. */
export type FactBatch = Schema<'FactBatch'>;
/** Answer of `POST /v1/metrics/facts`: what was written and what was rejected. */
export type FactBatchResult = Schema<'FactBatchResult'>;
/** An import of one of Amazon's report files: its counts and per-row errors. */
export type Import = Schema<'Import'>;
/** One rejected row of an import: row number, column and reason. */
export type ImportRowError = Schema<'ImportRowError'>;
/** The report types an import reads. */
export type ReportType = Import['type'];
/** A base or derived measure with its unit and formula. */
export type Measure = Schema<'Measure'>;
/** Answer of `GET /v1/metrics/series`. */
export type MetricSeries = Schema<'MetricSeries'>;
/** One period and group of a series. */
export type SeriesPoint = Schema<'SeriesPoint'>;
/** Answer of `GET /v1/metrics/movers`. */
export type MetricMovers = Schema<'MetricMovers'>;
/** Answer of `GET /v1/products/{id}/keywords/ranks`. */
export type KeywordRankHistory = Schema<'KeywordRankHistory'>;
/** A company asset of the resource registry: an account, a channel, a tool, a service, a brand, promotion or supply-chain resource. */
export type Resource = Schema<'Resource'>;
/** Body of `POST /v1/resources`. */
export type ResourceCreate = Schema<'ResourceCreate'>;
/** Body of `PATCH /v1/resources/{id}`. */
export type ResourceUpdate = Schema<'ResourceUpdate'>;
/** A kind of resource with the JSON Schema of its attributes. */
export type ResourceKindInfo = Schema<'ResourceKindInfo'>;
/** A typed edge between two resources. */
export type ResourceRelation = Schema<'ResourceRelation'>;
/** One change of a resource: who, when, and the field diff. */
export type ResourceChange = Schema<'ResourceChange'>;
/** Two seller accounts that share identifying resources, and what they share. */
export type Association = Schema<'Association'>;
/** The inventory as a document: what `GET /v1/resources/export` answers and apply accepts. */
export type Inventory = Schema<'Inventory'>;
/** One resource of an inventory document, matched by key. */
export type InventoryResource = Schema<'InventoryResource'>;
/** Body of `POST /v1/resources/apply`. */
export type ResourceApply = Schema<'ResourceApply'>;
/** Answer of `POST /v1/resources/apply`: the plan, and whether it was carried out. */
export type ResourceApplyResult = Schema<'ResourceApplyResult'>;

/** Body of `POST /v1/planning/turnover`: one product's figures and the channels to compare. */
export type TurnoverPlanInput = Schema<'TurnoverPlanInput'>;
/** Answer of `POST /v1/planning/turnover`: figures per channel and the channel the goal calls for. */
export type TurnoverPlan = Schema<'TurnoverPlan'>;
/** One channel of a turnover plan. */
export type TurnoverOption = Schema<'TurnoverOption'>;
/** A product's replenishment inputs: `GET`/`PUT /v1/products/{id}/planning`. */
export type ProductPlanning = Schema<'ProductPlanning'>;
/** Body of `PUT /v1/products/{id}/planning`. */
export type ProductPlanningUpdate = Schema<'ProductPlanningUpdate'>;
/** A product's velocity, stock and reorder options: `GET /v1/products/{id}/replenishment`. */
export type ProductReplenishment = Schema<'ProductReplenishment'>;
/** When and how much to reorder through one logistics channel. */
export type ReplenishmentOption = Schema<'ReplenishmentOption'>;
/** Answer of `GET /v1/products/{id}/diagnosis` and `GET /v1/diagnosis`: why units ordered changed. */
export type Diagnosis = Schema<'Diagnosis'>;
/** One ranked cause of a diagnosis, with the numbers behind it. */
export type DiagnosisCause = Schema<'DiagnosisCause'>;
/** A cause a diagnosis cannot judge for lack of data. */
export type DiagnosisUnknown = Schema<'DiagnosisUnknown'>;
