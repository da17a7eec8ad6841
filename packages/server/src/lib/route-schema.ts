import { Type } from '@sinclair/typebox';
import { ProblemSchema, Ref } from '@sellerops/schemas';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation',
  401: 'Missing, unknown or revoked API key',
  403: 'The API key lacks the scope this operation needs',
  404: 'No such object in this workspace',
  409: 'Conflicts with the current state',
  412: 'If-Match names an outdated version',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'Valid JSON that breaks a business rule',
  429: 'Rate limit reached; retry after Retry-After seconds',
  500: 'Unexpected fault (no details are leaked)',
  503: 'Overloaded or the database is unavailable; retry after Retry-After seconds',
};

const problem = (status: number) => ({
  description: DESCRIPTIONS[status] ?? 'Error',
  content: { 'application/problem+json': { schema: Ref(ProblemSchema) } },
});

/** Problem responses every authenticated route can give; added to each route automatically. */
export const COMMON_PROBLEM_STATUSES = [400, 401, 403, 429, 500, 503];
/** ... and those of every route that takes a body. */
export const BODY_PROBLEM_STATUSES = [413, 415];

/** Route-specific problem responses, e.g. `...problems(404, 412)`. */
export function problems(...statuses: number[]): Record<number, ReturnType<typeof problem>> {
  return Object.fromEntries(statuses.map((s) => [s, problem(s)]));
}

/** Standard headers a write route accepts. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Makes a POST safe to retry: the first response is stored for 24 hours and replayed' }),
  ),
});
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag (version) you last read; a stale one gets 412 version_conflict' })),
});
