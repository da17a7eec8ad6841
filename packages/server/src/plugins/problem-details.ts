import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem, ProblemCode } from '@sellerops/schemas';
import { DomainError, type FieldError } from '../lib/errors.ts';
import { fieldErrorOf, type ValidationIssue } from '../lib/validator.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Sends one problem+json response. Sent as a string so that no response schema can mangle it. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
  extra?: { blocking?: string[] },
): FastifyReply {
  const problem: Problem = {
    type: `urn:sellerops:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    request_id: String(request.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(extra?.blocking ? { blocking: extra.blocking } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/** Ajv issues -> `{ path, message }` with a JSON pointer into the part of the request. */
function validationErrors(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? 'body';
  return ((error.validation ?? []) as ValidationIssue[]).map((issue) => fieldErrorOf(issue, `/${context}`));
}

/** Maps Fastify's own error codes to ours. */
const FASTIFY_CODES: Record<string, [number, ProblemCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than this server accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'malformed_json', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The body is empty but declared as JSON.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'The Content-Type header is not valid.'],
};

const STATUS_CODES: Record<number, ProblemCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'version_conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'overloaded',
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Method + path patterns of every route, for telling 405 from 404. */
    routePatterns: Array<{ method: string; url: string; pattern: RegExp }>;
    /** Every route as registered: tests walk it so that new routes are covered automatically. */
    routeTable: Array<{ method: string; url: string; config: Record<string, unknown>; schema: RouteSchemaSummary }>;
  }
}

/** The parts of a route's schema that route-table-driven tests read. */
export interface RouteSchemaSummary {
  body?: { type?: string; properties?: Record<string, unknown>; $ref?: string; $id?: string };
  querystring?: { properties?: Record<string, unknown> };
  params?: { properties?: Record<string, unknown> };
  consumes?: string[];
}

/** Pool exhausted, server gone or restarting: the request may be retried, so 503 not 500. */
function isDatabaseUnavailable(error: Error & { code?: string }): boolean {
  const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
  if (error.code && codes.has(error.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection is closed/i.test(error.message);
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Turns any error into its problem+json response. The error handler of the app, and of
 * GraphQL's route for refusals that happen before GraphQL runs.
 */
export function replyWithProblem(error: FastifyError & { status?: number }, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    for (const [name, value] of Object.entries(error.extra?.headers ?? {})) reply.header(name, value);
    return sendProblem(request, reply, error.status, error.code, error.message, error.errors, error.extra);
  }
  if (error.validation) {
    const errors = validationErrors(error);
    return sendProblem(request, reply, 400, 'validation_failed', `The request is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(request, reply, mapped[0], mapped[1], mapped[2]);
  if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
    return sendProblem(request, reply, 400, 'malformed_json', 'The body is not valid JSON.');
  }
  if (error.code && UNSTORABLE_TEXT.has(error.code)) {
    // A last line behind the text guard: text PostgreSQL cannot store is the caller's input.
    return sendProblem(request, reply, 400, 'validation_failed', 'The request holds text the database cannot store (a NUL character or an invalid byte sequence).');
  }
  if (error.code === UNIQUE_VIOLATION) {
    // Two requests raced past the service's own uniqueness check; the database kept one.
    return sendProblem(request, reply, 409, 'conflict', 'An object with the same unique value was created at the same moment. Read it and retry if needed.');
  }
  const status = error.statusCode ?? error.status ?? 500;
  if (status >= 400 && status < 500 && STATUS_CODES[status]) {
    return sendProblem(request, reply, status, STATUS_CODES[status]!, error.message || TITLES[status] || 'Error');
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '2');
    return sendProblem(request, reply, 503, 'service_unavailable', 'The database is unavailable or every connection is busy. Retry after the time in Retry-After.');
  }
  if (status === 503) {
    if (!reply.hasHeader('retry-after')) reply.header('retry-after', '1');
    return sendProblem(request, reply, 503, 'overloaded', 'The service is busy. Retry after the time in Retry-After.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, 500, 'internal_error', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`);
}

const UNIQUE_VIOLATION = '23505';
/** invalid byte sequence (22021), untranslatable character (22P05): NUL or broken UTF-8 in text. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * One error shape for the whole API: every error, whoever raised it, leaves as
 * application/problem+json with a stable `code`. 5xx text is generic; the real
 * cause goes to the log with the request id.
 */
export default fp(
  async (app) => {
    app.decorate('routePatterns', []);
    app.decorate('routeTable', []);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        app.routePatterns.push({ method, url: route.url, pattern: patternOf(route.url) });
        app.routeTable.push({ method, url: route.url, config: (route.config ?? {}) as Record<string, unknown>, schema: (route.schema ?? {}) as RouteSchemaSummary });
      }
    });

    app.setErrorHandler(replyWithProblem);

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const allowed = app.routePatterns.filter((r) => r.pattern.test(path)).map((r) => r.method);
      if (allowed.length > 0) {
        reply.header('allow', [...new Set(allowed)].join(', '));
        return sendProblem(request, reply, 405, 'method_not_allowed', `${request.method} is not allowed on ${path}. Allowed: ${[...new Set(allowed)].join(', ')}.`);
      }
      return sendProblem(request, reply, 404, 'route_not_found', `There is no route ${request.method} ${path}. See /docs for the API.`);
    });
  },
  { name: 'problem-details' },
);
