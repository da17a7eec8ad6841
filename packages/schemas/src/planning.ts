import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CurrencySchema, DateSchema, IdSchema, ListSchema, MoneySchema, Ref, StringEnum, TimestampSchema, pageQuery } from './common.ts';

/**
 * Planning: the capital and turnover planner (a computation over the caller's figures
 * and the logistics channels of the registry). docs/diagnostics.md gives every formula.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Planner inputs are costs and prices: a negative amount is refused by the schema. */
const PlanMoney = (description: string) =>
  Type.Object(
    {
      amount: Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,6})?$', description: 'Non-negative decimal amount as a string' }),
      currency: CurrencySchema,
    },
    { additionalProperties: false, description },
  );
const Days = (description: string, maximum = 365) => Type.Integer({ minimum: 0, maximum, description });

export const LOGISTICS_MODES = ['sea', 'air', 'express', 'rail'] as const;
export const PLANNING_GOALS = ['scale', 'margin', 'cash_flow'] as const;
export type PlanningGoal = (typeof PLANNING_GOALS)[number];

export const TurnoverChannelInputSchema = Type.Object(
  {
    logistics_channel_id: Type.Optional(IdSchema),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Label of an inline channel (default: its mode)' })),
    mode: Type.Optional(StringEnum(LOGISTICS_MODES)),
    transit_days: Type.Optional(Days('Door-to-door transit days of an inline channel')),
    freight_per_unit: Type.Optional(PlanMoney('Freight per unit, when known directly')),
    cost_per_kg: Type.Optional(PlanMoney('Freight price per kilogram (needs unit_weight_kg)')),
    cost_per_cbm: Type.Optional(PlanMoney('Freight price per cubic metre (needs unit_volume_cbm)')),
  },
  {
    $id: 'TurnoverChannelInput',
    additionalProperties: false,
    description:
      'Either `logistics_channel_id` (a logistics_channel of the registry: its transit_days_max and cost per kg or cbm are used) alone, ' +
      'or an inline channel: `mode`, `transit_days` and one of `freight_per_unit`, `cost_per_kg`, `cost_per_cbm`',
  },
);
export type TurnoverChannelInput = Static<typeof TurnoverChannelInputSchema>;

export const TurnoverPlanInputSchema = Type.Object(
  {
    unit_cost: PlanMoney('Purchase (factory) cost of one unit; its currency is the currency of the plan'),
    price: PlanMoney('Selling price of one unit'),
    fees_per_unit: Type.Optional(PlanMoney('Amazon fees per unit sold (referral + FBA fulfilment); default 0')),
    expected_monthly_units: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Units expected to sell per month (30 days)' }),
    production_days: Days('Days from the purchase order to goods ready at the factory'),
    production_paid_upfront: Type.Optional(Type.Boolean({ description: 'The factory is paid when the order is placed (default true): production days count in the cash cycle' })),
    receiving_days: Type.Optional(Days('Days from arrival to sellable at the fulfilment centre (default 7)', 120)),
    settlement_days: Type.Optional(Days('Days from a sale to the cash in the bank (Amazon settlement; default 14)', 120)),
    batch_units: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Units ordered per batch (default: one month of expected units)' })),
    unit_weight_kg: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'Shipping weight of one unit, kg' })),
    unit_volume_cbm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Shipping volume of one unit, cubic metres' })),
    channels: Type.Array(Ref(TurnoverChannelInputSchema), { minItems: 1, maxItems: 20, description: 'Candidate logistics channels to compare' }),
    budget: PlanMoney('Capital available for the project'),
    goal: StringEnum(PLANNING_GOALS, { description: 'scale: carry the most products and turn fastest; margin: the highest gross margin; cash_flow: the shortest cash cycle' }),
  },
  { $id: 'TurnoverPlanInput', additionalProperties: false, description: 'Figures of one product to plan; every money amount in one currency' },
);
export type TurnoverPlanInput = Static<typeof TurnoverPlanInputSchema>;

export const PLAN_WARNINGS = ['price_below_unit_cost', 'price_below_landed_cost', 'loss_after_fees', 'over_budget'] as const;
export type PlanWarning = (typeof PLAN_WARNINGS)[number];
const WarningsSchema = Type.Array(StringEnum(PLAN_WARNINGS), {
  description: 'price_below_unit_cost, price_below_landed_cost (price under unit cost + freight), loss_after_fees (profit per unit <= 0), over_budget',
});

export const TurnoverOptionSchema = Type.Object(
  {
    logistics_channel_id: nullable(IdSchema),
    name: Type.String(),
    mode: nullable(StringEnum(LOGISTICS_MODES)),
    transit_days: Type.Integer({ description: 'Transit days used: transit_days_max of a registry channel' }),
    freight_per_unit: Ref(MoneySchema),
    landed_cost_per_unit: Ref(MoneySchema),
    fees_per_unit: Ref(MoneySchema),
    profit_per_unit: Ref(MoneySchema),
    gross_margin: nullable(Type.Number({ description: 'profit_per_unit / price' })),
    days_to_sell_batch: Type.Number(),
    cash_cycle_days: Type.Number(),
    turns_per_year: Type.Number(),
    units_in_pipeline: Type.Integer({ description: 'Units paid for and not yet cashed: ceil(daily units x cash cycle days)' }),
    capital_tied_up: Ref(MoneySchema),
    gross_profit_per_year: Ref(MoneySchema),
    return_on_capital_per_year: nullable(Type.Number({ description: 'gross_profit_per_year / capital_tied_up' })),
    budget_carries: Type.Boolean(),
    products_carried: Type.Integer({ minimum: 0, description: 'floor(budget / capital_tied_up): how many such products the budget carries at once' }),
    warnings: WarningsSchema,
  },
  { $id: 'TurnoverOption', additionalProperties: false, description: 'One logistics channel of a turnover plan, with every figure' },
);
export type TurnoverOption = Static<typeof TurnoverOptionSchema>;

export const TurnoverPlanSchema = Type.Object(
  {
    object: Type.Literal('turnover_plan'),
    currency: CurrencySchema,
    goal: StringEnum(PLANNING_GOALS),
    budget: Ref(MoneySchema),
    assumptions: Type.Object(
      {
        days_per_month: Type.Integer(),
        days_per_year: Type.Integer(),
        daily_units: Type.Number(),
        batch_units: Type.Integer(),
        production_days: Type.Integer(),
        production_paid_upfront: Type.Boolean(),
        receiving_days: Type.Integer(),
        settlement_days: Type.Integer(),
      },
      { additionalProperties: false },
    ),
    options: Type.Array(Ref(TurnoverOptionSchema)),
    recommendation: Type.Object(
      {
        option_index: nullable(Type.Integer({ minimum: 0, description: 'Index in `options`; null when no channel fits' })),
        logistics_channel_id: nullable(IdSchema),
        name: nullable(Type.String()),
        summary: Type.String({ description: 'Which channel serves the goal, and what it gives up' }),
      },
      { additionalProperties: false },
    ),
    warnings: WarningsSchema,
  },
  { $id: 'TurnoverPlan', additionalProperties: false, description: 'Cash cycle, turns, capital, margin and return per channel, and the channel the goal calls for' },
);
export type TurnoverPlan = Static<typeof TurnoverPlanSchema>;

// ---- product planning inputs ----

const planningFields = {
  production_days: nullable(Days('Days from the purchase order to goods ready (default 30)')),
  receiving_days: nullable(Days('Days from arrival to sellable at the fulfilment centre (default 7)', 120)),
  safety_days: nullable(Days('Days of sales kept as safety stock (default 14)')),
  review_days: nullable(Days('Days of sales each order covers beyond the lead time (default 30)')),
  units_per_carton: nullable(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Suggested quantities are rounded up to whole cartons' })),
  unit_weight_kg: nullable(Type.Number({ minimum: 0.000001, maximum: 1000, description: 'Shipping weight of one unit, kg (freight per kg)' })),
  unit_volume_cbm: nullable(Type.Number({ minimum: 0.000001, maximum: 100, description: 'Shipping volume of one unit, m3 (freight per cbm)' })),
  default_logistics_channel_id: nullable(IdSchema),
};

export const ProductPlanningSchema = Type.Object(
  {
    id: Type.String({ description: 'The product id: the planning inputs belong to the product' }),
    object: Type.Literal('product_planning'),
    product_id: IdSchema,
    ...planningFields,
    effective: Type.Object(
      {
        production_days: Type.Integer(),
        receiving_days: Type.Integer(),
        safety_days: Type.Integer(),
        review_days: Type.Integer(),
      },
      { additionalProperties: false, description: 'The values replenishment uses: the ones set, else the defaults' },
    ),
    updated_at: nullable(TimestampSchema),
    version: Type.Integer({ minimum: 0, description: '0 until first set; raised by every change; sent back as ETag' }),
  },
  { $id: 'ProductPlanning', additionalProperties: false, description: "A product's replenishment inputs; null means the documented default" },
);
export type ProductPlanning = Static<typeof ProductPlanningSchema>;

export const ProductPlanningUpdateSchema = Type.Object(
  Type.Partial(Type.Object(planningFields)).properties,
  { $id: 'ProductPlanningUpdate', additionalProperties: false, description: 'PUT replaces every input: a field left out or null goes back to its default' },
);
export type ProductPlanningUpdate = Static<typeof ProductPlanningUpdateSchema>;

// ---- replenishment ----

export const REPLENISHMENT_STATUSES = ['no_sales', 'overdue', 'due', 'ok'] as const;

export const ReplenishmentOptionSchema = Type.Object(
  {
    logistics_channel_id: nullable(IdSchema),
    name: nullable(Type.String()),
    mode: nullable(StringEnum(LOGISTICS_MODES)),
    transit_days: Type.Integer({ description: "The channel's transit_days_max; 0 without a channel" }),
    lead_time_days: Type.Integer({ description: 'production + transit + receiving days' }),
    safety_stock: Type.Integer(),
    reorder_point: Type.Integer(),
    suggested_quantity: Type.Integer({ minimum: 0 }),
    days_until_order: nullable(Type.Integer({ description: 'Negative: the reorder point was passed that many days ago' })),
    latest_order_date: nullable(DateSchema),
    status: StringEnum(REPLENISHMENT_STATUSES, { description: 'no_sales, overdue (reorder point passed), due (within 7 days) or ok' }),
    freight_per_unit: nullable(Ref(MoneySchema)),
    freight_cost: nullable(Ref(MoneySchema)),
    purchase_cost: nullable(Ref(MoneySchema)),
    total_cost: nullable(Ref(MoneySchema)),
  },
  { $id: 'ReplenishmentOption', additionalProperties: false, description: 'When and how much to reorder through one logistics channel, and what it costs' },
);
export type ReplenishmentOption = Static<typeof ReplenishmentOptionSchema>;

export const ProductReplenishmentSchema = Type.Object(
  {
    object: Type.Literal('product_replenishment'),
    product_id: IdSchema,
    marketplace: Type.String(),
    asin: Type.String(),
    sku: nullable(Type.String()),
    title: nullable(Type.String()),
    as_of: nullable(DateSchema),
    velocity_7d: Type.Number({ description: 'Units ordered a day over the 7 days ending as_of' }),
    velocity_30d: Type.Number({ description: 'Units ordered a day over the 30 days ending as_of' }),
    velocity: Type.Number({ description: 'The velocity planned with: the greater of the two' }),
    sellable: Type.Integer(),
    inbound: Type.Integer(),
    days_of_cover: nullable(Type.Number({ description: 'sellable / velocity' })),
    days_of_cover_with_inbound: nullable(Type.Number({ description: '(sellable + inbound) / velocity' })),
    planning: Ref(ProductPlanningSchema),
    options: Type.Array(Ref(ReplenishmentOptionSchema)),
  },
  { $id: 'ProductReplenishment', additionalProperties: false, description: "A product's stock, sales velocity and reorder options per logistics channel" },
);
export type ProductReplenishment = Static<typeof ProductReplenishmentSchema>;

export const ProductReplenishmentListSchema = ListSchema(Ref(ProductReplenishmentSchema), 'ProductReplenishmentList');

export const ReplenishmentQuerySchema = Type.Object(
  {
    logistics_channel_id: Type.Optional(IdSchema),
    as_of: Type.Optional(DateSchema),
  },
  { additionalProperties: false },
);
export const ReplenishmentListQuerySchema = pageQuery({
  logistics_channel_id: Type.Optional(IdSchema),
  as_of: Type.Optional(DateSchema),
});

export const PLANNING_SCHEMAS = [
  TurnoverChannelInputSchema,
  TurnoverPlanInputSchema,
  TurnoverOptionSchema,
  TurnoverPlanSchema,
  ProductPlanningSchema,
  ProductPlanningUpdateSchema,
  ReplenishmentOptionSchema,
  ProductReplenishmentSchema,
  ProductReplenishmentListSchema,
];
