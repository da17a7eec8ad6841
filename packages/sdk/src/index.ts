/**
 * @sellerops/sdk: a typed client of the sellerops API.
 *
 * @example
 * import { createClient, ProblemError } from '@sellerops/sdk';
 *
 * const client = createClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'sk_...' });
 * const member = await client.POST('/v1/members', { body: { name: 'Ada', email: 'ada@example.com', role: 'operator' } });
 * for await (const key of client.paginate('/v1/api-keys')) console.log(key.name);
 */
export { createClient, type ClientOptions, type SellerOpsClient } from './client.ts';
export type {
  DataMethod,
  HttpMethod,
  InitArgs,
  ListItem,
  ListPath,
  PathsWith,
  RawClient,
  RequestInitFor,
  ResponseData,
} from './client-types.ts';
export { IDEMPOTENCY_HEADER } from './idempotency.ts';
export { ProblemError, type FieldError } from './problem-error.ts';
export { SCOPES, isScope } from './scopes.ts';
export { REPORT_TYPES } from './report-types.ts';
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, parseRetryAfter, type FetchFunction, type RetryPolicy } from './retry.ts';
export type { components, operations, paths } from './schema.d.ts';
export type {
  ApiKey,
  ApiKeyCreate,
  ApiKeyWithSecret,
  Application,
  ApplicationSummary,
  Association,
  AuditEvent,
  Candidate,
  Checklist,
  ChecklistCompletion,
  ChecklistTask,
  Competitor,
  Diagnosis,
  DiagnosisCause,
  DiagnosisUnknown,
  FactBatch,
  FactBatchResult,
  Import,
  ImportRowError,
  Inventory,
  InventoryResource,
  Keyword,
  KeywordRankHistory,
  KnowledgeMap,
  Member,
  MemberCreate,
  MemberRole,
  MemberUpdate,
  Measure,
  MetricMovers,
  MetricSeries,
  Money,
  Page,
  Problem,
  Product,
  ProductCreate,
  ProductPlanning,
  ProductPlanningUpdate,
  ProductReplenishment,
  ProductUpdate,
  ReplenishmentOption,
  ReportType,
  Resource,
  ResourceApply,
  ResourceApplyResult,
  ResourceChange,
  ResourceCreate,
  ResourceKindInfo,
  ResourceRelation,
  ResourceUpdate,
  Review,
  ReviewAnalysis,
  Role,
  RoleRanking,
  RubricDimension,
  Schema,
  Scope,
  Scorecard,
  SeriesPoint,
  SopLibraryTemplate,
  SopRun,
  SopRunCreate,
  SopRunStep,
  SopRunStepUpdate,
  SopStep,
  SopTemplate,
  SopTemplateCreate,
  SopTemplateVersion,
  StepField,
  TurnoverOption,
  TurnoverPlan,
  TurnoverPlanInput,
  Workspace,
  WorkspaceCreate,
  WorkspaceCreated,
} from './types.ts';
export { SDK_VERSION } from './version.ts';
