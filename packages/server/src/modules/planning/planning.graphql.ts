import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import { Ref, TurnoverPlanInputSchema, type TurnoverPlanInput } from '@sellerops/schemas';
import { BadRequest } from '../../lib/errors.ts';
import { compileBodyValidator, fieldErrorOf } from '../../lib/validator.ts';
import { requireScope } from '../../plugins/auth.ts';
import { planTurnover } from './turnover.service.ts';

const typeDefs = /* GraphQL */ `
  type TurnoverAssumptions {
    days_per_month: Int!
    days_per_year: Int!
    daily_units: Float!
    batch_units: Int!
    production_days: Int!
    production_paid_upfront: Boolean!
    receiving_days: Int!
    settlement_days: Int!
  }
  type TurnoverOption {
    logistics_channel_id: ID
    name: String!
    mode: String
    transit_days: Int!
    freight_per_unit: Money!
    landed_cost_per_unit: Money!
    fees_per_unit: Money!
    profit_per_unit: Money!
    gross_margin: Float
    days_to_sell_batch: Float!
    cash_cycle_days: Float!
    turns_per_year: Float!
    units_in_pipeline: Int!
    capital_tied_up: Money!
    gross_profit_per_year: Money!
    return_on_capital_per_year: Float
    budget_carries: Boolean!
    "floor(budget / capital_tied_up); may exceed 32 bits for tiny products, hence Float"
    products_carried: Float!
    warnings: [String!]!
  }
  type TurnoverRecommendation {
    option_index: Int
    logistics_channel_id: ID
    name: String
    summary: String!
  }
  type TurnoverPlan {
    currency: String!
    goal: String!
    budget: Money!
    assumptions: TurnoverAssumptions!
    options: [TurnoverOption!]!
    recommendation: TurnoverRecommendation!
    warnings: [String!]!
  }
  extend type Query {
    "The capital and turnover planner: input is the body of POST /v1/planning/turnover. Writes nothing."
    turnover_plan(input: JSON!): TurnoverPlan!
  }
`;

const validateInput = compileBodyValidator(Ref(TurnoverPlanInputSchema));

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        turnover_plan: async (_: unknown, args: { input: unknown }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          if (!validateInput(args.input)) {
            const errors = (validateInput.errors ?? []).map((e) => fieldErrorOf(e, '/input'));
            throw new BadRequest('validation_failed', 'The planner input is not valid.', errors);
          }
          return planTurnover(ctx.service, args.input as TurnoverPlanInput);
        },
      },
    });
  },
  { name: 'planning-graphql', dependencies: ['graphql'] },
);
