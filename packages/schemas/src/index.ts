export * from './common.ts';
export * from './problem.ts';
export * from './workspace.ts';
export * from './hiring.ts';

import { MoneySchema } from './common.ts';
import { ProblemSchema } from './problem.ts';
import { WORKSPACE_SCHEMAS } from './workspace.ts';
import { HIRING_SCHEMAS } from './hiring.ts';

/** Every schema with an `$id`: the server adds each once, and they become OpenAPI components. */
export const NAMED_SCHEMAS = [MoneySchema, ProblemSchema, ...WORKSPACE_SCHEMAS, ...HIRING_SCHEMAS];
