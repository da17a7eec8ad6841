import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { ApiKey, AuditEvent, Member } from '@sellerops/schemas';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { requireScope } from '../../plugins/auth.ts';
import { byId } from '../../graphql/loaders.ts';
import * as auditService from '../audit/audit.service.ts';
import * as repo from './workspace.repository.ts';
import { toApiKey, toMember } from './workspace.mapping.ts';
import * as service from './workspace.service.ts';

const typeDefs = /* GraphQL */ `
  type Workspace {
    id: ID!
    name: String!
    slug: String!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type Member {
    id: ID!
    name: String!
    email: String!
    role: String!
    title: String
    active: Boolean!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type ApiKey {
    id: ID!
    name: String!
    prefix: String!
    scopes: [String!]!
    member_id: ID
    "The member the key belongs to (batched)."
    member: Member
    last_used_at: String
    revoked_at: String
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type AuditEvent {
    id: ID!
    occurred_at: String!
    actor_type: String!
    actor_id: ID
    "The API key that made the change (batched)."
    actor: ApiKey
    actor_member_id: ID
    "The member behind the key (batched)."
    actor_member: Member
    action: String!
    object_type: String!
    object_id: String!
    before: JSON
    after: JSON
    request_id: String
  }
  ${connectionType('Member')}
  ${connectionType('ApiKey')}
  ${connectionType('AuditEvent')}
  extend type Query {
    workspace: Workspace!
    members(first: Int, after: String, role: String, active: Boolean, q: String): MemberConnection!
    api_keys(first: Int, after: String, revoked: Boolean): ApiKeyConnection!
    audit_events(first: Int, after: String, actor_id: ID, object_id: String, action: String, from: String, to: String): AuditEventConnection!
  }
`;

type Args<T> = ConnectionArgs & T;

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        workspace: (_: unknown, __: unknown, ctx: MercuriusContext) => service.getWorkspace(ctx.service),
        members: async (_: unknown, args: Args<{ role?: string; active?: boolean; q?: string }>, ctx: MercuriusContext) =>
          toConnection(await service.listMembers(ctx.service, { role: args.role ?? undefined, active: args.active ?? undefined, q: args.q ?? undefined }, pageRequest(args))),
        api_keys: async (_: unknown, args: Args<{ revoked?: boolean }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'admin');
          return toConnection(await service.listApiKeys(ctx.service, { revoked: args.revoked ?? undefined }, pageRequest(args)));
        },
        audit_events: async (
          _: unknown,
          args: Args<{ actor_id?: string; object_id?: string; action?: string; from?: string; to?: string }>,
          ctx: MercuriusContext,
        ) => {
          requireScope(ctx.auth, 'admin');
          const { actor_id, object_id, action, from, to } = args;
          return toConnection(
            await auditService.listAuditEvents(
              ctx.service,
              { actor_id: actor_id ?? undefined, object_id: object_id ?? undefined, action: action ?? undefined, from: from ?? undefined, to: to ?? undefined },
              pageRequest(args),
            ),
          );
        },
      },
    });
    // Loaders batch every nested lookup of one query level into one SQL statement.
    app.graphql.defineLoaders({
      ApiKey: {
        member: byId<ApiKey, Member>(
          (k) => k.member_id,
          async (ids, ctx) => (await repo.findMembersByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toMember),
        ),
      },
      AuditEvent: {
        actor: byId<AuditEvent, ApiKey>(
          (e) => e.actor_id,
          async (ids, ctx) => (await repo.findApiKeysByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toApiKey),
        ),
        actor_member: byId<AuditEvent, Member>(
          (e) => e.actor_member_id,
          async (ids, ctx) => (await repo.findMembersByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toMember),
        ),
      },
    });
  },
  { name: 'workspace-graphql', dependencies: ['graphql'] },
);
