import type { AuthContext } from '../plugins/auth.ts';

interface Entry {
  auth: AuthContext;
  expiresAt: number;
  /** When this process last wrote last_used_at for the key. */
  lastUsedAt: number;
}

const entries = new Map<string, Entry>();
let ttlMs = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolved API keys, by secret hash, for a few seconds: most requests then skip the
 * key lookup. A key revoked through this process is forgotten at once (after the
 * commit); another copy of the service honours the revocation within the TTL.
 */
export function configureAuthCache(options: { ttlMs: number }): void {
  ttlMs = options.ttlMs;
  entries.clear();
}

export function cachedKey(hash: string, now = Date.now()): Entry | undefined {
  if (ttlMs <= 0) return undefined;
  const entry = entries.get(hash);
  if (entry && entry.expiresAt > now) return entry;
  if (entry) entries.delete(hash);
  return undefined;
}

export function rememberKey(hash: string, auth: AuthContext, lastUsedAt: number, now = Date.now()): Entry {
  const entry = { auth, expiresAt: now + ttlMs, lastUsedAt };
  if (ttlMs <= 0) return entry;
  // A flood of distinct keys must not grow memory without bound.
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(hash, entry);
  return entry;
}

/** After a revocation commits: every process-local credential decision is redone. */
export function forgetCachedKeys(): void {
  entries.clear();
}
