import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import { COMPARES, MARKETPLACES, type Compare } from '@sellerops/schemas';
import { given, oneOf } from '../../graphql/arguments.ts';
import { BadRequest } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import { diagnoseGroup, diagnoseProduct } from './diagnosis.service.ts';

const typeDefs = /* GraphQL */ `
  type DiagnosisRange {
    "2026-W47, 2026-11, or null for a day range"
    label: String
    from: String!
    to: String!
    days: Int!
  }
  "A value in the compared period and in the diagnosed period; null when unknown."
  type NumberPair {
    previous: Float
    current: Float
  }
  type MoneyPair {
    previous: Money
    current: Money
  }
  type UnitsDecomposition {
    previous: Int!
    current: Int!
    change: Int!
    "(S1 - S0) x (C0 + C1) / 2"
    traffic_part: Float!
    "change - traffic_part = (C1 - C0) x (S0 + S1) / 2"
    conversion_part: Float!
    sessions: NumberPair!
    conversion: NumberPair!
  }
  type SalesDecomposition {
    previous: Money!
    current: Money!
    change: Money!
    traffic_part: Money!
    conversion_part: Money!
    price_part: Money!
    average_price: MoneyPair!
  }
  type DiagnosisDecomposition {
    method: String!
    units: UnitsDecomposition!
    "Null when sales are unknown or mix currencies"
    sales: SalesDecomposition
  }
  type KeywordMovement {
    keyword: String!
    search_volume: Int
    organic_rank: NumberPair!
    sponsored_rank: NumberPair!
    page_one_days: NumberPair!
    organic_visibility: NumberPair!
    sponsored_visibility: NumberPair!
  }
  type DiagnosisTraffic {
    sessions: NumberPair!
    page_views: NumberPair!
    keywords: [KeywordMovement!]!
    ad_impressions: NumberPair!
    ad_clicks: NumberPair!
    ad_spend: MoneyPair!
    ad_units: NumberPair!
    organic_units: NumberPair!
    ad_sales: MoneyPair!
    organic_sales: MoneyPair!
  }
  type DiagnosisConversion {
    conversion: NumberPair!
    own_price: MoneyPair!
    competitor_price: MoneyPair!
    price_index: NumberPair!
    buy_box_percentage: NumberPair!
    rating: NumberPair!
    review_count: NumberPair!
    negative_reviews: NumberPair!
    stockout_days: NumberPair!
  }
  type DiagnosisCause {
    rank: Int!
    key: String!
    "keyword_rank, ad_traffic, other_traffic, price, buy_box, reviews, stockout, other_conversion"
    type: String!
    "traffic or conversion"
    part: String!
    estimated_units: Float!
    share_of_change: Float
    "The numbers behind the cause, by name"
    evidence: JSON!
    explanation: String!
  }
  type DiagnosisUnknown {
    type: String!
    part: String!
    missing: [String!]!
    periods: [String!]!
    explanation: String!
  }
  type DiagnosisScope {
    "product, parent_asin, product_line or workspace"
    type: String!
    product_id: ID
    parent_asin: String
    product_line: String
    marketplace: String
    product_ids: [ID!]!
  }
  type Diagnosis {
    scope: DiagnosisScope!
    compare: String!
    period: DiagnosisRange!
    previous_period: DiagnosisRange!
    decomposition: DiagnosisDecomposition
    traffic: DiagnosisTraffic!
    conversion: DiagnosisConversion!
    causes: [DiagnosisCause!]!
    unknown: [DiagnosisUnknown!]!
  }
  extend type Query {
    "Why orders changed, for one of: a product (product_id), a parent ASIN's children, a product line, or with none of them every product of the workspace. period is 2026-W47 or 2026-11, or give from and to."
    diagnosis(
      product_id: ID
      parent_asin: String
      product_line: String
      marketplace: String
      period: String
      from: String
      to: String
      compare: String
    ): Diagnosis!
  }
`;

type DiagnosisArgs = {
  product_id?: string | null;
  parent_asin?: string | null;
  product_line?: string | null;
  marketplace?: string | null;
  period?: string | null;
  from?: string | null;
  to?: string | null;
  compare?: string | null;
};

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        diagnosis: async (_: unknown, args: DiagnosisArgs, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          const { product_id, marketplace, compare, ...rest } = given(args);
          const period = { ...rest, compare: oneOf<Compare>(COMPARES, compare, 'compare') };
          if (product_id !== undefined) {
            if (rest.parent_asin !== undefined || rest.product_line !== undefined || marketplace !== undefined) {
              throw new BadRequest('validation_failed', 'Give product_id alone, or parent_asin or product_line (with marketplace).', [{ path: '/product_id', message: 'give one scope' }]);
            }
            return diagnoseProduct(ctx.service, product_id, { period: rest.period, from: rest.from, to: rest.to, compare: period.compare });
          }
          return diagnoseGroup(ctx.service, { ...period, marketplace: oneOf([...MARKETPLACES, 'GB'], marketplace, 'marketplace') });
        },
      },
    });
  },
  { name: 'diagnosis-graphql', dependencies: ['graphql'] },
);
