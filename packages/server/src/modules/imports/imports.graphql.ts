import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { NotFound } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import * as service from './imports.service.ts';

const typeDefs = /* GraphQL */ `
  type ImportRowError {
    row: Int!
    column: String
    reason: String!
  }
  "An import of one of Amazon's report files (the same object as GET /v1/imports/{id})"
  type Import {
    id: ID!
    type: String!
    format: String!
    filename: String
    file_bytes: Float!
    file_sha256: String!
    marketplace: String!
    seller_account_id: String
    date: String
    mode: String!
    status: String!
    rows_read: Int!
    rows_accepted: Int!
    rows_rejected: Int!
    rows_skipped: Int!
    facts_inserted: Int!
    facts_updated: Int!
    facts_unchanged: Int!
    products_created: Int!
    unknown_columns: [String!]!
    errors: [ImportRowError!]!
    errors_truncated: Boolean!
    duration_ms: Int!
    completed_at: String!
    created_at: String!
  }
  ${connectionType('Import')}
  extend type Query {
    imports(first: Int, after: String, type: String, status: String, marketplace: String): ImportConnection!
    import(id: ID!): Import
  }
`;

type ImportArgs = ConnectionArgs & { type?: string | null; status?: string | null; marketplace?: string | null };

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        imports: async (_: unknown, args: ImportArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          const filter = { type: args.type ?? undefined, status: args.status ?? undefined, marketplace: args.marketplace === 'GB' ? 'UK' : (args.marketplace ?? undefined) };
          return toConnection(await service.listImports(ctx.service, filter, pageRequest(args)));
        },
        import: async (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          try {
            return await service.getImport(ctx.service, args.id);
          } catch (error) {
            if (error instanceof NotFound) return null;
            throw error;
          }
        },
      },
    });
  },
  { name: 'imports-graphql', dependencies: ['graphql'] },
);
