import { ProblemError } from '@sellerops/sdk';

/** Exit codes: scripts can tell a mistake in the command line from a refusal by the API. */
export const EXIT = { ok: 0, apiError: 1, usage: 2 } as const;

/** The command line is wrong (a missing option, no API key, a bad URL): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

// Errors of node:http (the report upload) carry the system code themselves.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What kept the request from the API (fetch wraps it in a TypeError's cause), or null. */
function networkCause(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  if (!(error instanceof TypeError)) return null;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error.message;
}

/** Lines for stderr that say what failed and what to quote when reporting it. */
export function describeError(error: unknown, baseUrl: string): string[] {
  if (error instanceof ProblemError) {
    const lines = [
      `error: ${error.detail}`,
      `  code        ${error.code}`,
      `  status      ${error.status}`,
      `  request_id  ${error.requestId ?? '-'}`,
    ];
    // Validation can report one field several times with the same words; once is enough.
    const fieldLines = new Set(error.errors.map((fieldError) => `  ${fieldError.path}  ${fieldError.message}`));
    lines.push(...fieldLines);
    if (error.retryAfterMs !== null) lines.push(`  retry after ${Math.ceil(error.retryAfterMs / 1000)} s`);
    return lines;
  }
  const network = networkCause(error);
  if (network !== null) return [`error: cannot reach the API at ${baseUrl} (${network})`];
  return [`error: ${error instanceof Error ? error.message : String(error)}`];
}
