/** Statuses that mean "not now": the request was not processed and may be sent again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** First backoff delay; doubled on every retry. */
  baseDelayMs: number;
  /** Upper bound of one backoff delay. */
  maxDelayMs: number;
  /** The longest Retry-After worth waiting for; a longer one is returned to the caller at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Retry-After in milliseconds: either delay-seconds or an HTTP date (RFC 9110 10.2.3).
 * Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse also accepts bare numbers like "-1" as years; an HTTP date always names its day and month.
  if (!/[A-Za-z]{3}/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with "equal jitter": half the capped delay is fixed, half random.
 * The fixed half keeps retries spaced out; the random half keeps many clients that
 * failed together from retrying together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return capped / 2 + random() * (capped / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isAbort(error: unknown, request: Request): boolean {
  if (request.signal.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * Wraps a fetch so that network failures, 429 and 503 are retried with backoff,
 * honouring Retry-After, at most `policy.maxRetries` times. Every attempt sends a clone
 * of the same Request, headers included, so a POST keeps its Idempotency-Key and the
 * server runs it at most once. Other statuses are returned as they are: retrying a 4xx
 * cannot change the answer, and a 500 may have had effects.
 */
export function withRetries(fetch: FetchFunction, policy: RetryPolicy): FetchFunction {
  return async (request) => {
    for (let retry = 0; ; retry++) {
      const last = retry >= policy.maxRetries;
      let response: Response;
      try {
        response = await fetch(last ? request : request.clone());
      } catch (error) {
        if (last || isAbort(error, request)) throw error;
        await sleep(backoffDelay(retry, policy), request.signal);
        continue;
      }
      if (last || !RETRYABLE_STATUSES.has(response.status)) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter !== null && retryAfter > policy.maxRetryAfterMs) return response;
      // Release the connection before waiting; this answer will not be read.
      await response.body?.cancel();
      await sleep(retryAfter ?? backoffDelay(retry, policy), request.signal);
    }
  };
}
