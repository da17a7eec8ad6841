import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../lib/errors.ts';

export interface InFlightLimitOptions {
  /** Requests worked on at once; 0 turns the bound off. */
  max: number;
}

const EXEMPT_PATHS = new Set(['/health', '/ready']);

/**
 * Bounds how many requests the process works on at once. Past the bound a new request
 * is refused at once with 503 overloaded and Retry-After instead of joining the queue
 * for a database connection: under overload the requests that are accepted keep
 * their latency, and the others learn at once to come back. The event-loop guard of
 * the rate-limit plugin does not see this case, because requests waiting for the
 * database leave the event loop idle.
 */
export default fp<InFlightLimitOptions>(
  async (app, opts) => {
    if (opts.max <= 0) return;
    let inFlight = 0;
    const counted = new WeakSet<FastifyRequest>();
    // Released once, by whichever comes first: the response sent (onResponse) or the
    // connection closed before it could be (the raw response's close).
    const release = (request: FastifyRequest) => {
      if (!counted.delete(request)) return;
      inFlight -= 1;
    };
    app.addHook('onRequest', async (request, reply) => {
      if (EXEMPT_PATHS.has(request.routeOptions.url ?? '')) return;
      if (inFlight >= opts.max) {
        throw new DomainError(503, 'overloaded', `The service is already working on ${opts.max} requests. Retry after the time in Retry-After.`, undefined, {
          headers: { 'retry-after': '1' },
        });
      }
      inFlight += 1;
      counted.add(request);
      reply.raw.once('close', () => release(request));
    });
    app.addHook('onResponse', async (request) => release(request));
    app.decorate('inFlightRequests', () => inFlight);
  },
  { name: 'in-flight-limit', dependencies: ['problem-details'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being worked on now, for tests and diagnostics. */
    inFlightRequests?: () => number;
  }
}
