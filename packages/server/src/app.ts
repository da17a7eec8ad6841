import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { cachedSerializerFactory } from './lib/serializer-cache.ts';
import { validatorCompiler } from './lib/validator.ts';
import { configureAuthCache } from './lib/auth-cache.ts';
import { loggerOptions } from './logger.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import etagPlugin from './plugins/etag.ts';
import graphqlPlugin from './plugins/graphql.ts';
import openapiPlugin from './plugins/openapi.ts';
import problemDetailsPlugin, { sendProblem } from './plugins/problem-details.ts';
import inFlightLimitPlugin from './plugins/in-flight-limit.ts';
import rateLimitPlugin from './plugins/rate-limit.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import textGuardPlugin from './plugins/text-guard.ts';
import writeTransactionPlugin from './plugins/write-transaction.ts';
import alertsModule from './modules/alerts/index.ts';
import auditModule from './modules/audit/index.ts';
import hiringModule from './modules/hiring/index.ts';
import metricsModule from './modules/metrics/index.ts';
import diagnosisModule from './modules/diagnosis/index.ts';
import importsModule from './modules/imports/index.ts';
import operationsModule from './modules/operations/index.ts';
import planningModule from './modules/planning/index.ts';
import resourcesModule from './modules/resources/index.ts';
import sopsModule from './modules/sops/index.ts';
import workspaceModule from './modules/workspace/index.ts';

export type AppConfig = Pick<
  Config,
  'LOG_LEVEL' | 'RATE_LIMIT_PER_MINUTE' | 'BODY_LIMIT_BYTES' | 'REQUEST_TIMEOUT_MS' | 'MAX_EVENT_LOOP_DELAY_MS' | 'MAX_IN_FLIGHT_REQUESTS' | 'TRUST_PROXY' | 'AUTH_CACHE_TTL_MS' | 'IMPORT_MAX_BYTES'
>;

export const DEFAULT_APP_CONFIG: AppConfig = {
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: 6000,
  BODY_LIMIT_BYTES: 1_048_576,
  REQUEST_TIMEOUT_MS: 30_000,
  MAX_EVENT_LOOP_DELAY_MS: 1000,
  MAX_IN_FLIGHT_REQUESTS: 128,
  TRUST_PROXY: 'false',
  AUTH_CACHE_TTL_MS: 5_000,
  IMPORT_MAX_BYTES: 1_073_741_824,
};

/** TRUST_PROXY text -> Fastify's trustProxy (boolean, hop count, or address list). */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export interface BuildAppOptions {
  database: Database;
  config?: Partial<AppConfig>;
  /** Logger options (false to silence); defaults to JSON logs at config.LOG_LEVEL. */
  logger?: FastifyServerOptions['logger'];
  /** A pino logger to use instead (the server shares its own). */
  loggerInstance?: FastifyBaseLogger;
  /** Close the database with the app (default true). */
  closeDatabase?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The app as a plugin tree: cross-cutting plugins first (errors, database, auth,
 * limits, transactions, OpenAPI, GraphQL), then the domain modules.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = { ...DEFAULT_APP_CONFIG, ...options.config };
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? loggerOptions(config.LOG_LEVEL) }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: 72_000,
    // Take a caller's request id when it looks like one, so logs can be joined across services.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req_${randomBytes(12).toString('hex')}`;
    },
    return503OnClosing: true,
    schemaController: { compilersFactory: { buildSerializer: cachedSerializerFactory } },
    // The router's own refusals (a malformed percent-encoding, a path parameter longer
    // than any id) answer problem+json like every other error.
    frameworkErrors: (error, request, reply) => {
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is longer than any id or key.' : 'The URL is not validly percent-encoded.';
      void sendProblem(request, reply, 400, 'validation_failed', detail, [{ path: '/params', message: detail }]);
    },
    // Fastify takes a hop count too, though its types do not say so.
    trustProxy: trustProxy(config.TRUST_PROXY) as boolean,
  }).withTypeProvider<TypeBoxTypeProvider>();

  configureAuthCache({ ttlMs: config.AUTH_CACHE_TTL_MS });
  app.setValidatorCompiler(validatorCompiler);
  // JSON in, JSON out: anything else is 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain');

  await app.register(problemDetailsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(textGuardPlugin);
  await app.register(inFlightLimitPlugin, { max: config.MAX_IN_FLIGHT_REQUESTS });
  await app.register(dbPlugin, { database: options.database, closeOnShutdown: options.closeDatabase !== false });
  await app.register(rateLimitPlugin, { perMinute: config.RATE_LIMIT_PER_MINUTE, maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS });
  await app.register(authPlugin);
  await app.register(writeTransactionPlugin);
  await app.register(etagPlugin);
  await app.register(openapiPlugin);
  await app.register(graphqlPlugin);

  await app.register(operationsModule);
  await app.register(workspaceModule);
  await app.register(auditModule);
  await app.register(sopsModule);
  await app.register(hiringModule);
  await app.register(metricsModule);
  await app.register(importsModule, { maxFileBytes: config.IMPORT_MAX_BYTES });
  await app.register(resourcesModule);
  await app.register(planningModule);
  await app.register(alertsModule);
  await app.register(diagnosisModule);

  return app;
}
