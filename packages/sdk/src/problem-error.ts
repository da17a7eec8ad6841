import type { Problem } from './types.ts';

/** One field-level error of a problem, e.g. `{ path: '/body/email', message: 'must match format "email"' }`. */
export type FieldError = NonNullable<Problem['errors']>[number];

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.status === 'number';
}

/**
 * A non-2xx answer of the API. Every API error is an RFC 9457 problem with a stable
 * `code`; an answer that is not one (a proxy's HTML page, an empty 502) still becomes
 * a ProblemError, with the code `http_<status>`, so callers handle one error type.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `not_found`, `validation_failed`, `http_502`. */
  readonly code: string;
  /** Short human-readable summary of the kind of problem. */
  readonly title: string;
  /** What went wrong with this request, for people. */
  readonly detail: string;
  /** The server's id for the request: quote it when reporting a problem. Null if the answer carried none. */
  readonly requestId: string | null;
  /** Field-level errors (validation); empty when there are none. */
  readonly errors: FieldError[];
  /** The problem document as received, or one built from the status for a non-problem answer. */
  readonly problem: Problem;
  /** The error body as received: parsed JSON, text, or undefined when empty. */
  readonly body: unknown;
  /** How long the server asked to wait before retrying (429, 503), in milliseconds; null if it did not say. */
  readonly retryAfterMs: number | null;

  constructor(problem: Problem, options: { body?: unknown; requestId?: string | null; retryAfterMs?: number | null } = {}) {
    const requestId = problem.request_id || options.requestId || null;
    super(`${problem.detail} (${problem.code}, HTTP ${problem.status}${requestId ? `, request ${requestId}` : ''})`);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = requestId;
    this.errors = problem.errors ?? [];
    this.problem = problem;
    this.body = 'body' in options ? options.body : problem;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** The ProblemError for a non-2xx response whose body openapi-fetch has already read. */
export function problemErrorFrom(response: Response, body: unknown, retryAfterMs: number | null): ProblemError {
  const requestId = response.headers.get('x-request-id');
  if (isProblem(body)) return new ProblemError(body, { body, requestId, retryAfterMs });
  const statusText = response.statusText || 'Error';
  const contentType = response.headers.get('content-type') ?? 'no content type';
  const problem: Problem = {
    type: 'about:blank',
    title: statusText,
    status: response.status,
    detail:
      body === undefined || body === ''
        ? `The server answered ${response.status} ${statusText} with an empty body.`
        : `The server answered ${response.status} ${statusText} with a body that is not a problem document (${contentType}).`,
    code: `http_${response.status}`,
    request_id: requestId ?? '',
  };
  return new ProblemError(problem, { body, requestId, retryAfterMs });
}
