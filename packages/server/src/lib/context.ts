import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';

/** What a service needs to know about the caller, whichever face (REST or GraphQL) it came through. */
export interface ServiceContext {
  /** The request's transaction for writes, the pool for reads. */
  db: Db;
  workspaceId: string;
  actor: { keyId: string | null; memberId: string | null };
  requestId: string | null;
}

export function contextOf(request: FastifyRequest): ServiceContext {
  return {
    db: request.db,
    workspaceId: request.auth.workspaceId,
    actor: { keyId: request.auth.keyId, memberId: request.auth.memberId },
    requestId: String(request.id),
  };
}
