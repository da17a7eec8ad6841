import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { Product, ProductReplenishment } from '@sellerops/schemas';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { given, orNull } from '../../graphql/arguments.ts';
import { BadRequest } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import { getReplenishment, listReplenishment, replenishmentOfProducts, type ReplenishmentQuery } from './replenishment.service.ts';

const typeDefs = /* GraphQL */ `
  type ProductPlanningEffective {
    production_days: Int!
    receiving_days: Int!
    safety_days: Int!
    review_days: Int!
  }
  type ProductPlanning {
    product_id: ID!
    production_days: Int
    receiving_days: Int
    safety_days: Int
    review_days: Int
    units_per_carton: Int
    unit_weight_kg: Float
    unit_volume_cbm: Float
    default_logistics_channel_id: ID
    effective: ProductPlanningEffective!
    version: Int!
  }
  type ReplenishmentOption {
    logistics_channel_id: ID
    name: String
    mode: String
    transit_days: Int!
    lead_time_days: Int!
    safety_stock: Int!
    reorder_point: Int!
    suggested_quantity: Int!
    "Negative: the reorder point was passed that many days ago"
    days_until_order: Int
    latest_order_date: String
    "no_sales, overdue, due or ok"
    status: String!
    freight_per_unit: Money
    freight_cost: Money
    purchase_cost: Money
    total_cost: Money
  }
  type ProductReplenishment {
    product_id: ID!
    marketplace: String!
    asin: String!
    sku: String
    title: String
    as_of: String
    velocity_7d: Float!
    velocity_30d: Float!
    velocity: Float!
    sellable: Int!
    inbound: Int!
    days_of_cover: Float
    days_of_cover_with_inbound: Float
    planning: ProductPlanning!
    options: [ReplenishmentOption!]!
  }
  ${connectionType('ProductReplenishment')}
  extend type Product {
    "Replenishment of the product (batched: one statement for every product of the page)."
    replenishment(logistics_channel_id: ID, as_of: String): ProductReplenishment!
  }
  extend type Query {
    "Every active product, most urgent reorder first (REST: GET /v1/replenishment)."
    replenishment(first: Int, after: String, logistics_channel_id: ID, as_of: String): ProductReplenishmentConnection!
    "One product's replenishment per logistics channel; null when the product is not found."
    product_replenishment(product_id: ID!, logistics_channel_id: ID, as_of: String): ProductReplenishment
  }
`;

type QueryArgs = { logistics_channel_id?: string | null; as_of?: string | null };

/** as_of is a date like the REST query string's; GraphQL declares it as a String. */
function queryOf(args: QueryArgs): ReplenishmentQuery {
  const query = given({ logistics_channel_id: args.logistics_channel_id, as_of: args.as_of });
  if (query.as_of !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(query.as_of) || Number.isNaN(Date.parse(`${query.as_of}T00:00:00Z`)))) {
    throw new BadRequest('validation_failed', 'as_of must be a date YYYY-MM-DD.', [{ path: '/as_of', message: 'must be a date' }]);
  }
  return query;
}

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        replenishment: async (_: unknown, args: ConnectionArgs & QueryArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return toConnection(await listReplenishment(ctx.service, queryOf(args), pageRequest(args)));
        },
        product_replenishment: async (_: unknown, args: QueryArgs & { product_id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return orNull(getReplenishment(ctx.service, args.product_id, queryOf(args)));
        },
      },
    });
    app.graphql.defineLoaders({
      Product: {
        replenishment: async (queries: Array<{ obj: Product; params: QueryArgs }>, ctx: MercuriusContext): Promise<ProductReplenishment[]> => {
          requireScope(ctx.auth, 'metrics:read');
          // Products asking with the same arguments share one statement.
          const groups = new Map<string, { query: ReplenishmentQuery; ids: string[] }>();
          for (const q of queries) {
            const query = queryOf(q.params);
            const key = JSON.stringify(query);
            const group = groups.get(key) ?? { query, ids: [] };
            group.ids.push(q.obj.id);
            groups.set(key, group);
          }
          const found = new Map<string, Map<string, ProductReplenishment>>();
          for (const [key, group] of groups) found.set(key, await replenishmentOfProducts(ctx.service, group.ids, group.query));
          return queries.map((q) => found.get(JSON.stringify(queryOf(q.params)))!.get(q.obj.id)!);
        },
      },
    });
  },
  { name: 'replenishment-graphql', dependencies: ['graphql', 'metrics-graphql'] },
);
