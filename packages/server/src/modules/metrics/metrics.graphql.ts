import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { Compare, Competitor, Grain, GroupBy, Keyword, Product, SeriesPoint } from '@sellerops/schemas';
import { given, oneOf } from '../../graphql/arguments.ts';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { NotFound } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import { ranksOfProducts, snapshotsOfProducts } from './history.service.ts';
import { listMeasures } from './measures.ts';
import * as products from './products.service.ts';
import { getSeries } from './series.service.ts';
import { toCompetitor, toKeyword } from './tracking.mapping.ts';
import { competitorsOfProducts, keywordsOfProducts } from './tracking.repository.ts';

const typeDefs = /* GraphQL */ `
  type Money {
    "Decimal amount as a string"
    amount: String!
    currency: String!
  }
  type Measure {
    key: String!
    name: String!
    "base or derived"
    kind: String!
    family: String!
    unit: String!
    aggregation: String!
    formula: String!
    description: String!
  }
  type SeriesGroup {
    key: String
    label: String
  }
  type SeriesPoint {
    "YYYY-MM-DD, ISO week YYYY-Www or YYYY-MM"
    period: String!
    start: String!
    end: String!
    group: SeriesGroup!
    "Measure key -> number, money ({ amount, currency }) or null"
    values: JSON!
    previous: JSON
    change: JSON
  }
  type MetricSeries {
    measures: [String!]!
    from: String!
    to: String!
    grain: String!
    group_by: String!
    compare: String
    data: [SeriesPoint!]!
  }
  type KeywordRankPoint {
    date: String!
    organic_rank: Int
    sponsored_rank: Int
    search_volume: Int
    search_frequency_rank: Int
  }
  type Keyword {
    id: ID!
    product_id: ID!
    keyword: String!
    "Daily ranks in the range (batched over every keyword of the query)."
    ranks(from: String!, to: String!): [KeywordRankPoint!]!
    created_at: String!
  }
  type CompetitorSnapshot {
    date: String!
    price: Money
    best_seller_rank: Int
    rating: Float
    review_count: Int
    in_stock: Boolean
  }
  type Competitor {
    id: ID!
    product_id: ID!
    asin: String!
    "A (direct rival) to D"
    tier: String!
    note: String
    "Daily snapshots in the range (batched)."
    snapshots(from: String!, to: String!): [CompetitorSnapshot!]!
    created_at: String!
  }
  type Product {
    id: ID!
    marketplace: String!
    asin: String!
    sku: String
    parent_asin: String
    seller_account_id: String
    title: String
    product_line: String
    operator_member_id: ID
    unit_cost: Money
    status: String!
    "The product's measures by period (batched: one query for every product of the page)."
    series(measures: [String!]!, from: String!, to: String!, grain: String): [SeriesPoint!]!
    keywords: [Keyword!]!
    competitors: [Competitor!]!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('Product')}
  extend type Query {
    products(first: Int, after: String, marketplace: String, asin: String, sku: String, parent_asin: String, product_line: String, operator_member_id: ID, seller_account_id: String, status: String, q: String): ProductConnection!
    product(id: ID!): Product
    metric_measures: [Measure!]!
    metrics_series(
      measures: [String!]!
      from: String!
      to: String!
      grain: String
      group_by: String
      compare: String
      product_ids: [ID!]
      marketplace: String
      product_line: String
      operator_member_id: ID
      seller_account_id: String
    ): MetricSeries!
  }
`;

type Nullable<T> = { [K in keyof T]?: T[K] | null };

type SeriesArgs = {
  measures: string[];
  from: string;
  to: string;
  grain?: string | null;
};
interface RangeArgs {
  from: string;
  to: string;
}

/**
 * Groups loader queries by their arguments: a page of products asking for the same
 * series (or ranks, or snapshots) is one service call, so the statement count does
 * not grow with the number of products.
 */
async function byArguments<Obj, Params, Result>(
  queries: Array<{ obj: Obj; params: Params }>,
  load: (objs: Obj[], params: Params) => Promise<(obj: Obj) => Result>,
): Promise<Result[]> {
  const groups = new Map<string, { params: Params; objs: Obj[] }>();
  for (const q of queries) {
    const key = JSON.stringify(q.params);
    const group = groups.get(key) ?? { params: q.params, objs: [] };
    group.objs.push(q.obj);
    groups.set(key, group);
  }
  const pick = new Map<string, (obj: Obj) => Result>();
  for (const [key, group] of groups) pick.set(key, await load(group.objs, group.params));
  return queries.map((q) => pick.get(JSON.stringify(q.params))!(q.obj));
}

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        products: async (_: unknown, args: ConnectionArgs & Nullable<Record<'marketplace' | 'asin' | 'sku' | 'parent_asin' | 'product_line' | 'operator_member_id' | 'seller_account_id' | 'status' | 'q', string>>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          const { first: _first, after: _after, ...filter } = args;
          return toConnection(await products.listProducts(ctx.service, given(filter), pageRequest(args)));
        },
        product: async (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          try {
            return await products.getProduct(ctx.service, args.id);
          } catch (error) {
            if (error instanceof NotFound) return null;
            throw error;
          }
        },
        metric_measures: (_: unknown, _args: unknown, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return listMeasures();
        },
        metrics_series: async (
          _: unknown,
          args: SeriesArgs & Nullable<{ group_by: string; compare: string; product_ids: string[]; marketplace: string; product_line: string; operator_member_id: string; seller_account_id: string }> & Record<string, unknown>,
          ctx: MercuriusContext,
        ) => {
          requireScope(ctx.auth, 'metrics:read');
          const { grain, group_by, compare, ...rest } = given(args);
          return getSeries(ctx.service, {
            ...rest,
            grain: oneOf<Grain>(['day', 'week', 'month'], grain, 'grain'),
            group_by: oneOf<GroupBy>(['product', 'parent_asin', 'product_line', 'marketplace', 'seller_account', 'none'], group_by, 'group_by'),
            compare: oneOf<Compare>(['previous_period', 'previous_year'], compare, 'compare'),
          });
        },
      },
    });

    app.graphql.defineLoaders({
      Product: {
        series: (queries: Array<{ obj: Product; params: SeriesArgs }>, ctx: MercuriusContext) =>
          byArguments(queries, async (objs, params) => {
            const series = await getSeries(ctx.service, {
              measures: params.measures,
              from: params.from,
              to: params.to,
              grain: oneOf<Grain>(['day', 'week', 'month'], params.grain, 'grain'),
              group_by: 'product',
              product_ids: objs.map((p) => p.id),
            });
            const byProduct = new Map<string, SeriesPoint[]>();
            for (const point of series.data) byProduct.set(point.group.key!, [...(byProduct.get(point.group.key!) ?? []), point]);
            return (p: Product) => byProduct.get(p.id) ?? [];
          }),
        keywords: async (queries: Array<{ obj: Product }>, ctx: MercuriusContext): Promise<Keyword[][]> => {
          const rows = await keywordsOfProducts(ctx.service.db, ctx.auth.workspaceId, queries.map((q) => q.obj.id));
          return queries.map((q) => rows.filter((r) => r.product_id === q.obj.id).map(toKeyword));
        },
        competitors: async (queries: Array<{ obj: Product }>, ctx: MercuriusContext): Promise<Competitor[][]> => {
          const rows = await competitorsOfProducts(ctx.service.db, ctx.auth.workspaceId, queries.map((q) => q.obj.id));
          return queries.map((q) => rows.filter((r) => r.product_id === q.obj.id).map(toCompetitor));
        },
      },
      Keyword: {
        ranks: (queries: Array<{ obj: Keyword; params: RangeArgs }>, ctx: MercuriusContext) =>
          byArguments(queries, async (objs, params) => {
            const ranks = await ranksOfProducts(ctx.service, [...new Set(objs.map((k) => k.product_id))], params);
            return (k: Keyword) => ranks.get(`${k.product_id}|${k.keyword}`) ?? [];
          }),
      },
      Competitor: {
        snapshots: (queries: Array<{ obj: Competitor; params: RangeArgs }>, ctx: MercuriusContext) =>
          byArguments(queries, async (objs, params) => {
            const snapshots = await snapshotsOfProducts(ctx.service, [...new Set(objs.map((c) => c.product_id))], params);
            return (c: Competitor) => snapshots.get(`${c.product_id}|${c.asin}`) ?? [];
          }),
      },
    });
  },
  { name: 'metrics-graphql', dependencies: ['graphql'] },
);
