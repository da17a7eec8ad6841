import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import { CustomerFeedbackQuerySchema } from '@sellerops/schemas';
import { given } from '../../graphql/arguments.ts';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { compileBodyValidator, fieldErrorOf, type ValidationIssue } from '../../lib/validator.ts';
import { requireScope } from '../../plugins/auth.ts';
import * as service from './feedback.service.ts';

const typeDefs = /* GraphQL */ `
  type CustomerFeedback {
    id: ID!
    product_id: ID!
    "review or voice_of_customer"
    source: String!
    external_id: String!
    date: String!
    rating: Int
    "A review of 1 to 3 stars, or any complaint"
    negative: Boolean!
    title: String
    text: String!
    category: String
    verified_purchase: Boolean
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('CustomerFeedback')}
  extend type Query {
    "A product's reviews and complaints, newest first."
    customer_feedback(product_id: ID!, first: Int, after: String, source: String, negative: Boolean, category: String, from: String, to: String): CustomerFeedbackConnection!
  }
`;

// The REST query string's rules, checked the same way for GraphQL arguments.
const validateFilter = compileBodyValidator(CustomerFeedbackQuerySchema);

type FeedbackArgs = ConnectionArgs & { product_id: string; source?: string | null; negative?: boolean | null; category?: string | null; from?: string | null; to?: string | null };

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        customer_feedback: async (_: unknown, args: FeedbackArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          const { first: _first, after: _after, product_id: productId, ...rest } = args;
          const filter = Object.fromEntries(Object.entries(given(rest)).filter(([, v]) => v !== undefined));
          if (!validateFilter(filter)) {
            const errors = ((validateFilter.errors ?? []) as ValidationIssue[]).map((issue) => fieldErrorOf(issue, ''));
            throw new InvalidInput('Invalid customer_feedback arguments.', errors);
          }
          return toConnection(await service.listFeedback(ctx.service, productId, filter, pageRequest(args)));
        },
      },
    });
  },
  { name: 'feedback-graphql', dependencies: ['graphql'] },
);
