import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { hashSecret } from '../lib/secrets.ts';
import { DomainError } from '../lib/errors.ts';

export interface RateLimitOptions {
  perMinute: number;
  maxEventLoopDelayMs: number;
}

const UNLIMITED_PATHS = new Set(['/health', '/ready']);

/**
 * Two guards against overload. A rate limit per API key (per client address before a
 * key is known) answers 429 with Retry-After. Under pressure (event-loop delay too
 * high) the service sheds new requests with 503 rather than let every request slow
 * down. Counters live in process memory: with N copies behind a balancer each copy
 * enforces the limit itself (see docs/operations.md).
 */
export default fp<RateLimitOptions>(
  async (app, opts) => {
    await app.register(rateLimit, {
      global: true,
      max: opts.perMinute,
      timeWindow: 60_000,
      hook: 'onRequest',
      allowList: (request) => UNLIMITED_PATHS.has(request.routeOptions.url ?? ''),
      keyGenerator: (request) => {
        const auth = request.headers.authorization;
        return auth ? `key:${hashSecret(auth)}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        new DomainError(429, 'rate_limited', `Rate limit of ${context.max} requests per minute reached. Retry after ${context.after}.`),
    });
    if (opts.maxEventLoopDelayMs > 0) {
      await app.register(underPressure, {
        maxEventLoopDelay: opts.maxEventLoopDelayMs,
        retryAfter: 2,
        exposeStatusRoute: false,
      });
    }
  },
  { name: 'rate-limit', dependencies: ['problem-details'] },
);
