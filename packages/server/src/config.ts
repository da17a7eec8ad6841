import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every setting comes from the environment. The defaults run on a laptop with nothing
 * installed: no DATABASE_URL means the embedded database in SELLEROPS_DATA_DIR.
 */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  SELLEROPS_DATA_DIR: Type.String({ minLength: 1, default: './.sellerops' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  SELLEROPS_BOOTSTRAP_KEY: Type.Optional(Type.String({ minLength: 24, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  /** Requests per minute per API key (or per IP before authentication). */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 6000 }),
  /** Largest request body in bytes. */
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /**
   * Longest time to receive a whole request, and the socket idle limit: a slow client
   * is disconnected. Statements are bounded separately (30 s on PostgreSQL).
   */
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1000, default: 30_000 }),
  /**
   * Behind a load balancer: `true`, a hop count, or the balancer's addresses, so that
   * client addresses (logs, the per-address rate limit) come from X-Forwarded-For.
   */
  TRUST_PROXY: Type.String({ default: 'false', pattern: '^(true|false|\\d+|[0-9a-fA-F.:/, ]+)$' }),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  /** Event-loop delay (ms) above which new requests are shed with 503. */
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, default: 1000 }),
  /** Requests worked on at once, above which new ones are shed with 503; 0 for no bound. */
  MAX_IN_FLIGHT_REQUESTS: Type.Integer({ minimum: 0, default: 128 }),
  /**
   * How long a resolved API key is trusted without a database lookup. Revocations
   * through this process apply at once; through another copy, within this time.
   * 0 looks every key up on every request.
   */
  AUTH_CACHE_TTL_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 5_000 }),
  /** Largest report file POST /v1/imports takes (the file is streamed to disk, never held in memory). */
  IMPORT_MAX_BYTES: Type.Integer({ minimum: 1024, default: 1_073_741_824 }),
  /** Seconds graceful shutdown waits for in-flight requests. */
  SHUTDOWN_GRACE_SECONDS: Type.Integer({ minimum: 1, default: 10 }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; a bad value throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const name = e.path.replace(/^\//, '');
      const shown = name === 'SELLEROPS_BOOTSTRAP_KEY' || name === 'DATABASE_URL' ? '(hidden)' : JSON.stringify(raw[name]);
      return `  ${name}=${shown}: ${e.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return withDefaults as Config;
}
