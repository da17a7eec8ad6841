import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Scope } from '@sellerops/schemas';
import { Forbidden, Unauthenticated } from '../lib/errors.ts';
import { hashSecret } from '../lib/secrets.ts';
import { cachedKey, rememberKey } from '../lib/auth-cache.ts';

/** Who is calling: resolved from the API key on every authenticated request. */
export interface AuthContext {
  workspaceId: string;
  keyId: string;
  memberId: string | null;
  scopes: Scope[];
}

/**
 * What a route requires, in its `config`: `public` for routes without a key
 * (health, docs), `authenticated` for any valid key, or a scope.
 */
export type RouteAccess = { public: true } | { scope: Scope | 'authenticated' };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext;
  }
  interface FastifyContextConfig {
    public?: boolean;
    scope?: Scope | 'authenticated';
  }
}

export function hasScope(auth: AuthContext, scope: Scope | 'authenticated'): boolean {
  return scope === 'authenticated' || auth.scopes.includes('admin') || auth.scopes.includes(scope);
}

/** Throws 403 unless the caller holds `scope` (GraphQL resolvers use this per field). */
export function requireScope(auth: AuthContext, scope: Scope): void {
  if (!hasScope(auth, scope)) throw new Forbidden(`This API key lacks the ${scope} scope.`);
}

// Writing last_used_at on every request would turn every read into a write; once a
// minute per key is enough to tell a live key from a forgotten one.
const LAST_USED_RESOLUTION_MS = 60_000;

export default fp(
  async (app) => {
    app.decorateRequest('auth', null as unknown as AuthContext);

    // Function-level authorization is declared, not remembered: a /v1 route that
    // says neither `public` nor `scope` refuses to register.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1')) return;
      const config = (route.config ?? {}) as { public?: boolean; scope?: string };
      if (!config.public && !config.scope) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares neither config.scope nor config.public`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config as { public?: boolean; scope?: Scope | 'authenticated' };
      if (config.scope === undefined || config.public) return;

      const header = request.headers.authorization;
      const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      if (!match) throw new Unauthenticated('Send an API key as "Authorization: Bearer <key>".');
      const hash = hashSecret(match[1]!);

      const now = Date.now();
      let entry = cachedKey(hash, now);
      if (!entry) {
        const key = await app.db
          .selectFrom('api_keys')
          .select(['id', 'workspace_id', 'member_id', 'scopes', 'revoked_at', 'last_used_at'])
          .where('secret_hash', '=', hash)
          .executeTakeFirst();
        if (!key || key.revoked_at !== null) throw new Unauthenticated('The API key is not valid or has been revoked.');
        const auth = { workspaceId: key.workspace_id, keyId: key.id, memberId: key.member_id, scopes: key.scopes as Scope[] };
        entry = rememberKey(hash, auth, key.last_used_at?.getTime() ?? 0, now);
      }
      request.auth = entry.auth;

      if (now - entry.lastUsedAt > LAST_USED_RESOLUTION_MS) {
        entry.lastUsedAt = now;
        await app.db
          .updateTable('api_keys')
          .set({ last_used_at: sql<Date>`now()` })
          .where('workspace_id', '=', entry.auth.workspaceId)
          .where('id', '=', entry.auth.keyId)
          .execute()
          .catch((err: unknown) => request.log.warn({ err }, 'could not record last_used_at'));
      }

      if (config.scope && !hasScope(request.auth, config.scope)) {
        throw new Forbidden(`This API key lacks the ${config.scope} scope.`);
      }
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
