import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';

/** What a service needs to know about the caller, whichever face (REST or GraphQL) it came through. */
export interface ServiceContext {
  /** The request's transaction for writes, the pool for reads. */
  db: Db;
  workspaceId: string;
  actor: { keyId: string | null; memberId: string | null };
  requestId: string | null;
  /**
   * Runs `fn` once the change is committed (at once when there is no transaction);
   * never when the request fails. For effects outside the database, such as caches.
   */
  afterCommit(fn: () => void): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Callbacks the write-transaction plugin runs after a successful commit. */
    afterCommit: Array<() => void>;
  }
}

export function contextOf(request: FastifyRequest): ServiceContext {
  return {
    db: request.db,
    workspaceId: request.auth.workspaceId,
    actor: { keyId: request.auth.keyId, memberId: request.auth.memberId },
    requestId: String(request.id),
    afterCommit: (fn) => {
      if (request.transaction) request.afterCommit.push(fn);
      else fn();
    },
  };
}

/** A context for work the system does itself (bootstrap, command line). */
export function systemContext(db: Db, workspaceId: string): ServiceContext {
  return { db, workspaceId, actor: { keyId: null, memberId: null }, requestId: null, afterCommit: (fn) => fn() };
}
