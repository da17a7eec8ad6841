import createFetchClient from 'openapi-fetch';
import type { DataMethod, HttpMethod, InitArgs, ListItem, ListPath, RawClient } from './client-types.ts';
import { idempotencyKeyMiddleware } from './idempotency.ts';
import { paginate, type PageGetter, type PageInit } from './paginate.ts';
import { problemErrorFrom } from './problem-error.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetries, type FetchFunction } from './retry.ts';
import type { paths } from './schema.d.ts';
import { SDK_VERSION } from './version.ts';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Where the API lives, e.g. `https://sellerops.example.com` (without `/v1`). */
  baseUrl: string;
  /** An API key of your workspace, sent as `Authorization: Bearer <key>`. Omit for public routes only. */
  apiKey?: string;
  /** The fetch to send requests with (defaults to the global fetch); handy for proxies and tests. */
  fetch?: FetchFunction;
  /** How often a request is retried after a network failure, 429 or 503 (default 3; 0 disables). */
  maxRetries?: number;
  /** Backoff between retries when the server gives no Retry-After (defaults: 500 ms doubling, at most 8 s). */
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** The longest Retry-After the client waits for (default 60 s); a longer one rejects at once. */
  maxRetryAfterMs?: number;
  /** Your application's name and version, put in front of the SDK's own in User-Agent. */
  userAgent?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * A typed client of the sellerops API. Paths, parameters, bodies and answers are typed
 * from the OpenAPI document. `GET`, `POST`, `PUT`, `PATCH` and `DELETE` resolve to the
 * answer's body and reject with a {@link ProblemError} for any non-2xx status.
 */
export interface SellerOpsClient {
  /** Reads: `await client.GET('/v1/members/{id}', { params: { path: { id } } })`. */
  GET: DataMethod<'get'>;
  /** Creates; an Idempotency-Key is added unless `params.header['idempotency-key']` is given. */
  POST: DataMethod<'post'>;
  /** Replaces. */
  PUT: DataMethod<'put'>;
  /** Changes; pass `params.header['if-match']` to refuse a change over a newer version. */
  PATCH: DataMethod<'patch'>;
  /** Removes or revokes. */
  DELETE: DataMethod<'delete'>;
  /**
   * Every item of a list route across all its pages:
   * `for await (const member of client.paginate('/v1/members', { params: { query: { limit: 100 } } }))`.
   */
  paginate<Path extends ListPath>(path: Path, ...init: InitArgs<'get', Path>): AsyncGenerator<ListItem<Path>, void, undefined>;
  /**
   * The underlying openapi-fetch client with the same authentication, retries and
   * Idempotency-Keys. It answers `{ data, error, response }` instead of throwing, for
   * when response headers (ETag) or non-JSON bodies matter.
   */
  readonly raw: RawClient;
}

type LooseRequest = (method: string, path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Creates a client for one API key.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: process.env.SELLEROPS_API_KEY });
 * const workspace = await client.GET('/v1/workspace');
 */
export function createClient(options: ClientOptions): SellerOpsClient {
  const policy = {
    ...DEFAULT_RETRY_POLICY,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.backoff?.baseDelayMs === undefined ? {} : { baseDelayMs: options.backoff.baseDelayMs }),
    ...(options.backoff?.maxDelayMs === undefined ? {} : { maxDelayMs: options.backoff.maxDelayMs }),
    ...(options.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: options.maxRetryAfterMs }),
  };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new RangeError(`maxRetries must be a whole number of 0 or more, not ${options.maxRetries}`);
  }
  // Resolved per request rather than captured once, so a fetch replaced later (tests, instrumentation) is used.
  const baseFetch: FetchFunction = options.fetch ?? ((request) => globalThis.fetch(request));

  const raw = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    fetch: withRetries(baseFetch, policy),
    headers: {
      accept: 'application/json, application/problem+json',
      'user-agent': [options.userAgent, `sellerops-sdk/${SDK_VERSION}`].filter(Boolean).join(' '),
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
    },
  });
  raw.use(idempotencyKeyMiddleware);

  const request = raw.request as unknown as LooseRequest;
  const dataMethod = <Method extends HttpMethod>(method: Method): DataMethod<Method> =>
    (async (path: string, init?: unknown) => {
      const { data, error, response } = await request(method, path, init);
      if (!response.ok) throw problemErrorFrom(response, error, parseRetryAfter(response.headers.get('retry-after')));
      return data;
    }) as DataMethod<Method>;

  // Explicit type arguments: inferring Method from the return type is too costly for the checker.
  const GET = dataMethod<'get'>('get');
  return {
    GET,
    POST: dataMethod<'post'>('post'),
    PUT: dataMethod<'put'>('put'),
    PATCH: dataMethod<'patch'>('patch'),
    DELETE: dataMethod<'delete'>('delete'),
    paginate: ((path: string, init?: PageInit) => paginate(GET as unknown as PageGetter, path, init)) as SellerOpsClient['paginate'],
    raw,
  };
}
