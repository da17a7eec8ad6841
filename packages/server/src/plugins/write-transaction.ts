import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import { sql, type ControlledTransaction } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../db/database.ts';
import { BadRequest, Conflict } from '../lib/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    transaction: ControlledTransaction<DB> | null;
    idempotency: { route: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** false for routes that manage their own transactions (streaming imports). */
    transaction?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Stored responses are replayed for at least this long (API.md: 24 hours). */
const IDEMPOTENCY_TTL_HOURS = 24;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.method)
    .update('\0')
    .update(request.url)
    .update('\0')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

async function finish(request: FastifyRequest, commit: boolean): Promise<void> {
  const trx = request.transaction;
  if (!trx) return;
  request.transaction = null;
  request.db = request.server.db;
  const callbacks = request.afterCommit.splice(0);
  if (!commit) {
    await trx.rollback().execute();
    return;
  }
  await trx.commit().execute();
  for (const fn of callbacks) fn();
}

/**
 * Every authenticated write runs in one database transaction that commits only when
 * the response is a success: a request that fails changes nothing, its audit events
 * included. `Idempotency-Key` on POST is claimed inside the same transaction, so a
 * concurrent request with the same key waits on the row lock and then replays the
 * stored response instead of executing twice.
 */
export default fp(
  async (app) => {
    app.decorateRequest('transaction', null);
    app.decorateRequest('idempotency', null);
    app.decorateRequest('afterCommit', null as unknown as Array<() => void>);
    app.addHook('onRequest', async (request) => {
      request.afterCommit = [];
    });

    app.addHook('preHandler', async (request, reply) => {
      const config = request.routeOptions.config as { scope?: string; transaction?: boolean };
      if (!WRITE_METHODS.has(request.method) || !config.scope || config.transaction === false) return;

      const trx = await app.db.startTransaction().execute();
      request.transaction = trx;
      request.db = trx;

      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || key === undefined) return;
      if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
        await finish(request, false);
        throw new BadRequest('validation_failed', 'Idempotency-Key must be 1 to 255 characters.', [
          { path: '/headers/idempotency-key', message: 'must be 1 to 255 characters' },
        ]);
      }
      const route = `${request.method} ${request.url.split('?')[0]}`;
      const hash = requestHash(request);
      const workspaceId = request.auth.workspaceId;

      // Expired records do not count: a key may be reused after the retention period.
      await trx
        .deleteFrom('idempotency_keys')
        .where('workspace_id', '=', workspaceId)
        .where('route', '=', route)
        .where('key', '=', key)
        .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`)
        .execute();
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({ workspace_id: workspaceId, route, key, request_hash: hash })
        .onConflict((oc) => oc.doNothing())
        .returning('key')
        .executeTakeFirst();
      if (claimed) {
        request.idempotency = { route, key };
        return;
      }

      const stored = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response_headers', 'response_body'])
        .where('workspace_id', '=', workspaceId)
        .where('route', '=', route)
        .where('key', '=', key)
        .executeTakeFirst();
      await finish(request, false);
      if (!stored || stored.status_code === null) {
        throw new Conflict('A request with this Idempotency-Key is still being processed. Retry shortly.', 'idempotency_in_progress');
      }
      if (stored.request_hash !== hash) {
        throw new Conflict('This Idempotency-Key was used with a different request. Use a new key for a new request.', 'idempotency_conflict');
      }
      for (const [name, value] of Object.entries(stored.response_headers ?? {})) reply.header(name, String(value));
      reply.header('idempotent-replayed', 'true');
      return reply.code(stored.status_code).send(stored.response_body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (!request.transaction) return payload;
      const success = reply.statusCode < 400;
      if (success && request.idempotency && typeof payload === 'string') {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await request.transaction
          .updateTable('idempotency_keys')
          .set({ status_code: reply.statusCode, response_headers: JSON.stringify(headers), response_body: payload })
          .where('workspace_id', '=', request.auth.workspaceId)
          .where('route', '=', request.idempotency.route)
          .where('key', '=', request.idempotency.key)
          .execute();
      }
      await finish(request, success);
      return payload;
    });

    // Whatever ended the request (an error after headers, an abort, a timeout), never
    // leave its transaction open.
    const cleanup = async (request: FastifyRequest) => {
      await finish(request, false).catch((err: unknown) => request.log.error({ err }, 'rollback failed'));
    };
    app.addHook('onResponse', cleanup);
    app.addHook('onRequestAbort', cleanup);
    app.addHook('onTimeout', cleanup);

    // Old records are useless after the retention period; sweep them hourly.
    const sweep = () =>
      app.db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`)
        .execute()
        .catch((err: unknown) => app.log.warn({ err }, 'idempotency sweep failed'));
    const timer = setInterval(sweep, 3_600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'write-transaction', dependencies: ['db', 'auth'] },
);
