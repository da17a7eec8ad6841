export * from './common.ts';
export * from './problem.ts';
export * from './workspace.ts';
export * from './sops.ts';
export * from './checklists.ts';
export * from './reviews.ts';
export * from './hiring.ts';
export * from './metrics.ts';
export * from './customer-feedback.ts';
export * from './imports.ts';
export * from './resources.ts';
export * from './planning.ts';
export * from './alerts.ts';
export * from './diagnosis.ts';

import { MoneySchema } from './common.ts';
import { ProblemSchema } from './problem.ts';
import { WORKSPACE_SCHEMAS } from './workspace.ts';
import { SOP_SCHEMAS } from './sops.ts';
import { CHECKLIST_SCHEMAS } from './checklists.ts';
import { REVIEW_SCHEMAS } from './reviews.ts';
import { HIRING_SCHEMAS } from './hiring.ts';
import { METRICS_SCHEMAS } from './metrics.ts';
import { CUSTOMER_FEEDBACK_SCHEMAS } from './customer-feedback.ts';
import { IMPORT_SCHEMAS } from './imports.ts';
import { RESOURCE_SCHEMAS } from './resources.ts';
import { PLANNING_SCHEMAS } from './planning.ts';
import { ALERT_SCHEMAS } from './alerts.ts';
import { DIAGNOSIS_SCHEMAS } from './diagnosis.ts';

/** Every schema with an `$id`: the server adds each once, and they become OpenAPI components. */
export const NAMED_SCHEMAS = [
  MoneySchema,
  ProblemSchema,
  ...WORKSPACE_SCHEMAS,
  ...SOP_SCHEMAS,
  ...CHECKLIST_SCHEMAS,
  ...REVIEW_SCHEMAS,
  ...HIRING_SCHEMAS,
  ...METRICS_SCHEMAS,
  ...CUSTOMER_FEEDBACK_SCHEMAS,
  ...IMPORT_SCHEMAS,
  ...RESOURCE_SCHEMAS,
  ...PLANNING_SCHEMAS,
  ...ALERT_SCHEMAS,
  ...DIAGNOSIS_SCHEMAS,
];
