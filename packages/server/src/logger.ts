import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { maskCardNumbers } from './lib/card-numbers.ts';

/**
 * Fastify's request line, with any card number in the URL masked: a refused request
 * must not leave the number it was refused for in the logs.
 */
function requestSerializer(req: FastifyRequest): Record<string, unknown> {
  // Anything else logged under `req` (a hand-made object) passes through, redacted below.
  if (typeof req?.url !== 'string' || typeof req.method !== 'string') return req as unknown as Record<string, unknown>;
  return {
    method: req.method,
    url: maskCardNumbers(decodeURIComponentSafe(req.url)),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url.replace(/%[0-9A-Fa-f]{2}/g, ' ');
  }
}

/**
 * pino options: JSON lines, the request id on every line of a request (Fastify adds
 * `reqId`), and credentials redacted wherever they might appear.
 */
export function loggerOptions(level: string): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    // Fastify types the serializer's result as its own request line; ours has the same fields.
    serializers: { req: requestSerializer as never },
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
