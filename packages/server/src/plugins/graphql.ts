import fp from 'fastify-plugin';
import mercurius, { type MercuriusContext } from 'mercurius';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONNECTION_TYPEDEFS } from '../graphql/connection.ts';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from '../graphql/query-limits.ts';
import type { ServiceContext } from '../lib/context.ts';
import { contextOf } from '../lib/context.ts';
import { DomainError } from '../lib/errors.ts';
import { replyWithProblem } from './problem-details.ts';
import type { AuthContext } from './auth.ts';

declare module 'mercurius' {
  interface MercuriusContext {
    auth: AuthContext;
    /** The same service context REST routes pass, so both faces share one rule. */
    service: ServiceContext;
  }
}

const BASE_SCHEMA = /* GraphQL */ `
  "Arbitrary JSON (audit before/after snapshots)."
  scalar JSON
  ${CONNECTION_TYPEDEFS}
  type Query {
    "Always true; lets a client check that GraphQL answers."
    ok: Boolean!
  }
`;

/** Errors of GraphQL itself (syntax, validation, mercurius' own) as opposed to HTTP-level refusals. */
function isGraphqlError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return error instanceof GraphQLError || (typeof code === 'string' && code.startsWith('MER_'));
}

/** Mercurius wraps several validation errors in one; unwrap them (but not a domain error's field list). */
function flatten(error: Error): Error[] {
  if (error instanceof DomainError || (error as GraphQLError).originalError instanceof DomainError) return [error];
  const inner = (error as { errors?: unknown }).errors ?? ((error as GraphQLError).originalError as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(inner) && inner.every((e) => e instanceof Error) ? (inner as Error[]) : [error];
}

/** Domain errors keep their REST code in `extensions.code`; anything else is generic. */
function formatError(error: GraphQLError) {
  const original = error.originalError;
  if (original instanceof DomainError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: original.code, status: original.status },
    }).toJSON();
  }
  if (original && !(original instanceof GraphQLError) && !error.extensions?.code) {
    return new GraphQLError('Something went wrong on our side.', {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'internal_error', status: 500 },
    }).toJSON();
  }
  const json = error.toJSON();
  return { ...json, extensions: { code: 'validation_failed', ...json.extensions } };
}

/**
 * GraphQL for BI tools: the same API keys, scopes and tenancy as REST (the route is
 * authenticated like /v1), query depth, cost and alias limits, loaders for nesting.
 * Domain modules add their types with `app.graphql.extendSchema`/`defineResolvers`/
 * `defineLoaders`.
 */
export default fp(
  async (app) => {
    await app.register(mercurius, {
      schema: BASE_SCHEMA,
      resolvers: { Query: { ok: () => true } },
      graphiql: true,
      path: '/graphql',
      allowBatchedQueries: false,
      additionalRouteOptions: { config: { scope: 'authenticated', transaction: false } },
      // Also called for requests refused before authentication, hence the guard.
      context: (request: FastifyRequest, _reply: FastifyReply) => (request.auth ? { auth: request.auth, service: contextOf(request) } : {}),
      // Refusals raised by our hooks (401, 429, 503...) answer like every REST route;
      // GraphQL's own errors (syntax, validation) keep the GraphQL response shape.
      errorHandler: async (error: Error, request: FastifyRequest, reply: FastifyReply) => {
        if (!isGraphqlError(error)) {
          replyWithProblem(error as never, request, reply);
          return;
        }
        const errors = flatten(error).map((e) => (e instanceof GraphQLError ? e : new GraphQLError(e.message, { originalError: e })));
        const statusCode = (error as { statusCode?: number }).statusCode ?? 400;
        reply.code(statusCode).send({ data: null, errors: errors.map(formatError) });
      },
      validationRules: [queryLimitsRule(DEFAULT_QUERY_LIMITS)],
      errorFormatter: (execution: ExecutionResult & { errors: readonly GraphQLError[] }, ctx: MercuriusContext) => {
        const errors = execution.errors.flatMap(flatten) as GraphQLError[];
        for (const e of errors) if (!(e.originalError instanceof DomainError) && e.originalError) ctx.reply?.log.error({ err: e.originalError }, 'graphql resolver error');
        const formatted = errors.map(formatError);
        const statusCode = execution.data ? 200 : formatted.some((e) => e.extensions?.code === 'query_too_complex' || e.extensions?.code === 'validation_failed') ? 400 : 200;
        return { statusCode, response: { data: execution.data ?? null, errors: formatted } };
      },
    });
  },
  { name: 'graphql', dependencies: ['auth', 'problem-details'] },
);
