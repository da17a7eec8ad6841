import type { FastifyRequest } from 'fastify';
import { BadRequest, VersionConflict } from './errors.ts';

/**
 * The version a client expects from `If-Match: "<version>"` (weak tags and `*` accepted),
 * or undefined when it sent none.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(value);
  if (!match) {
    throw new BadRequest('validation_failed', 'If-Match must be an ETag this API issued, e.g. "3".', [
      { path: '/headers/if-match', message: 'not a valid ETag' },
    ]);
  }
  return Number(match[1]);
}

/** Throws 412 when the client's expected version is not the current one. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new VersionConflict(current);
}
