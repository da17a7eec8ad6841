import type { Middleware } from 'openapi-fetch';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Gives every POST an Idempotency-Key unless the caller set one. It runs once per call,
 * before the retrying fetch, so every retry of a call carries the same key and the
 * server replays the first answer instead of creating twice.
 */
export const idempotencyKeyMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method === 'POST' && !request.headers.has(IDEMPOTENCY_HEADER)) {
      request.headers.set(IDEMPOTENCY_HEADER, globalThis.crypto.randomUUID());
    }
    return request;
  },
};
