import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import { RESOURCE_KINDS, RESOURCE_STATUSES, type Association, type Member, type Resource, type ResourceRelation } from '@sellerops/schemas';
import { given, orNull } from '../../graphql/arguments.ts';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { byId } from '../../graphql/loaders.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import { toMember } from '../workspace/workspace.mapping.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';
import * as associations from './associations.service.ts';
import * as relations from './relations.service.ts';
import * as resources from './resources.service.ts';

const typeDefs = /* GraphQL */ `
  type ResourceCost {
    amount: String!
    currency: String!
    "one_time, monthly or yearly"
    period: String!
  }
  type ResourceContact {
    name: String!
    role: String
    email: String
    phone: String
    im: String
  }
  type ResourceRef {
    id: ID!
    key: String!
    kind: String!
    name: String!
  }
  type ResourceRelation {
    id: ID!
    "uses, registered_via, pays_out_to, paid_with, verified_with, hosted_on, ships_via, stores_at, provided_by, managed_by, promotes, protects"
    type: String!
    from: ResourceRef!
    to: ResourceRef!
    since: String
    until: String
    notes: String
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type SharedIdentifier {
    "The shared resource key, or ip:<address> when cloud servers share an IP."
    identifier: String!
    kind: String!
    ip: String
    account_resource: ResourceRef!
    account_path: [ResourceRef!]!
    other_resource: ResourceRef!
    other_path: [ResourceRef!]!
  }
  type Association {
    account: ResourceRef!
    other_account: ResourceRef!
    shared_count: Int!
    shared: [SharedIdentifier!]!
  }
  type Resource {
    id: ID!
    key: String!
    kind: String!
    name: String!
    "active, suspended or retired"
    status: String!
    owner_member_id: ID
    "The member who looks after it (batched)."
    owner: Member
    tags: [String!]!
    cost: ResourceCost
    acquired_on: String
    renews_on: String
    contacts: [ResourceContact!]!
    notes: String
    "Kind-specific facts (GET /v1/resource-kinds has each kind's schema)."
    attributes: JSON!
    "Relations from (out), to (in) or touching (both, the default) this resource (batched)."
    relations(direction: String): [ResourceRelation!]!
    "For a seller account: every other account it shares an identifier with, worst first (batched: one walk for every account of the query)."
    associations: [Association!]!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('Resource')}
  ${connectionType('Association')}
  extend type Query {
    resources(first: Int, after: String, key: String, kind: String, status: String, tag: String, owner_member_id: ID, q: String, renews_before: String): ResourceConnection!
    resource(id: ID!): Resource
    "What renews or expires within within_days (default 30), overdue first, soonest first."
    renewals(first: Int, after: String, within_days: Int): ResourceConnection!
    "Every pair of seller accounts that share identifying resources, most shared first."
    association_risks(first: Int, after: String): AssociationConnection!
  }
`;

type Args<T> = ConnectionArgs & { [K in keyof T]?: T[K] | null };
type ListArgs = Args<{ key: string; kind: string; status: string; tag: string; owner_member_id: string; q: string; renews_before: string }>;

/** REST checks these by schema; GraphQL arguments are plain strings, so check them here. */
function checkArguments(args: { kind?: string | null; status?: string | null; renews_before?: string | null; within_days?: number | null }): void {
  const errors = [];
  if (args.kind && !(RESOURCE_KINDS as string[]).includes(args.kind)) errors.push({ path: '/kind', message: `is not a kind (${RESOURCE_KINDS.join(', ')})` });
  if (args.status && !(RESOURCE_STATUSES as readonly string[]).includes(args.status)) errors.push({ path: '/status', message: 'is not active, suspended or retired' });
  if (args.renews_before && (!/^\d{4}-\d{2}-\d{2}$/.test(args.renews_before) || Number.isNaN(Date.parse(args.renews_before)))) {
    errors.push({ path: '/renews_before', message: 'is not a date YYYY-MM-DD' });
  }
  if (args.within_days !== undefined && args.within_days !== null && (args.within_days < 0 || args.within_days > 3650)) {
    errors.push({ path: '/within_days', message: 'must be 0 to 3650' });
  }
  if (errors.length > 0) throw new InvalidInput(`The arguments are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        resources: async (_: unknown, args: ListArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'resources:read');
          checkArguments(args);
          const { key, kind, status, tag, owner_member_id, q, renews_before } = args;
          return toConnection(await resources.listResources(ctx.service, given({ key, kind, status, tag, owner_member_id, q, renews_before }), pageRequest(args)));
        },
        resource: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'resources:read');
          return orNull(resources.getResource(ctx.service, args.id));
        },
        renewals: async (_: unknown, args: Args<{ within_days: number }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'resources:read');
          checkArguments(args);
          return toConnection(await resources.listRenewals(ctx.service, args.within_days ?? 30, pageRequest(args)));
        },
        association_risks: async (_: unknown, args: ConnectionArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'resources:read');
          return toConnection(await associations.associationRisks(ctx.service, pageRequest(args)));
        },
      },
    });

    // Every nested field of one query level is one walk of the database, whatever the number of resources.
    app.graphql.defineLoaders({
      Resource: {
        owner: byId<Resource, Member>(
          (r) => r.owner_member_id,
          async (ids, ctx) => (await findMembersByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toMember),
        ),
        relations: async (queries: Array<{ obj: Resource; params: { direction?: string | null } }>, ctx: MercuriusContext): Promise<ResourceRelation[][]> => {
          const all = await relations.relationsOf(ctx.service, [...new Set(queries.map((q) => q.obj.id))], { direction: 'both' });
          return queries.map(({ obj, params }) => {
            const direction = params.direction ?? 'both';
            return all.filter((r) => (direction !== 'in' && r.from.id === obj.id) || (direction !== 'out' && r.to.id === obj.id));
          });
        },
        associations: async (queries: Array<{ obj: Resource }>, ctx: MercuriusContext): Promise<Association[][]> => {
          const accounts = queries.filter((q) => q.obj.kind === 'seller_account').map((q) => q.obj.id);
          const found = accounts.length > 0 ? await associations.associationsOf(ctx.service, accounts) : new Map<string, Association[]>();
          return queries.map((q) => found.get(q.obj.id) ?? []);
        },
      },
    });
  },
  { name: 'resources-graphql', dependencies: ['graphql'] },
);
