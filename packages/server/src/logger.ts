import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: JSON lines, the request id on every line of a request (Fastify adds
 * `reqId`), and credentials redacted wherever they might appear.
 */
export function loggerOptions(level: string): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        'res.headers["set-cookie"]',
        'secret',
        '*.secret',
        'password',
        '*.password',
        'token',
        '*.token',
        'api_key.secret',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
}
