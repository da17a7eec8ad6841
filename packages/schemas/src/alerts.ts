import { Type, type Static } from '@sinclair/typebox';
import { DateSchema, IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';

// ---- rules ----

export const ALERT_RULE_TYPES = [
  'acos_above',
  'tacos_above',
  'conversion_drop',
  'days_of_cover_below_lead_time',
  'new_negative_review',
  'keyword_rank_below',
  'competitor_price_below_ours',
  'buy_box_below',
] as const;
export type AlertRuleType = (typeof ALERT_RULE_TYPES)[number];

export const ALERT_RULE_SCOPES = ['all', 'products', 'product_line'] as const;
export type AlertRuleScope = (typeof ALERT_RULE_SCOPES)[number];

/** Most products a rule may name one by one. */
export const MAX_RULE_PRODUCTS = 500;

const ThresholdSchema = Type.Number({
  minimum: 0,
  maximum: 100_000,
  description:
    'What the condition compares with, by type: a ratio for acos_above and tacos_above (0.35 = 35%), a relative drop for conversion_drop (0.2 = 20% lower than the window before), ' +
    'the lead time in days for days_of_cover_below_lead_time, a number of negative reviews for new_negative_review (default 1), the last acceptable organic rank for keyword_rank_below (48 = page one), ' +
    'a fraction under our price for competitor_price_below_ours (default 0: any lower price), a percentage 0-100 for buy_box_below',
});
const WindowDaysSchema = Type.Integer({ minimum: 1, maximum: 90, description: 'Days of facts the condition reads, ending at the latest fact date (or as_of); defaults by type' });
const ProductLineSchema = Type.String({ minLength: 1, maxLength: 200 });
const RuleNameSchema = Type.String({ minLength: 1, maxLength: 200 });

export const AlertRuleSchema = Type.Object(
  {
    ...objectBase('alert_rule'),
    name: Type.String(),
    type: StringEnum(ALERT_RULE_TYPES),
    scope: StringEnum(ALERT_RULE_SCOPES, { description: 'all products, the products listed in product_ids, or the products of product_line' }),
    product_ids: Type.Array(IdSchema, { description: 'With scope products: the products; empty otherwise' }),
    product_line: Type.Union([Type.String(), Type.Null()], { description: 'With scope product_line: the line; null otherwise' }),
    threshold: Type.Number(),
    window_days: Type.Integer(),
    sop_template_id: Type.Union([IdSchema, Type.Null()], { description: 'A raised alert starts a run of this SOP template on the product, assigned to its operator' }),
    enabled: Type.Boolean(),
  },
  { $id: 'AlertRule', additionalProperties: false, description: 'A condition on a product measure that raises alerts' },
);
export type AlertRule = Static<typeof AlertRuleSchema>;

export const AlertRuleCreateSchema = Type.Object(
  {
    name: RuleNameSchema,
    type: StringEnum(ALERT_RULE_TYPES),
    scope: Type.Optional(StringEnum(ALERT_RULE_SCOPES, { description: 'Defaults to all' })),
    product_ids: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: MAX_RULE_PRODUCTS, uniqueItems: true })),
    product_line: Type.Optional(ProductLineSchema),
    threshold: Type.Optional(ThresholdSchema),
    window_days: Type.Optional(WindowDaysSchema),
    sop_template_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    enabled: Type.Optional(Type.Boolean({ description: 'Defaults to true' })),
  },
  { $id: 'AlertRuleCreate', additionalProperties: false },
);
export type AlertRuleCreate = Static<typeof AlertRuleCreateSchema>;

export const AlertRuleUpdateSchema = Type.Object(
  {
    name: Type.Optional(RuleNameSchema),
    scope: Type.Optional(StringEnum(ALERT_RULE_SCOPES)),
    product_ids: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: MAX_RULE_PRODUCTS, uniqueItems: true })),
    product_line: Type.Optional(ProductLineSchema),
    threshold: Type.Optional(ThresholdSchema),
    window_days: Type.Optional(WindowDaysSchema),
    sop_template_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { $id: 'AlertRuleUpdate', additionalProperties: false, minProperties: 1, description: 'The type cannot change: create another rule' },
);
export type AlertRuleUpdate = Static<typeof AlertRuleUpdateSchema>;

export const AlertRuleListSchema = ListSchema(Ref(AlertRuleSchema), 'AlertRuleList');
export const AlertRuleListQuerySchema = pageQuery({
  type: Type.Optional(StringEnum(ALERT_RULE_TYPES)),
  enabled: Type.Optional(Type.Boolean()),
});

// ---- alerts ----

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_RESOLUTIONS = ['condition_cleared', 'manual', 'rule_deleted'] as const;

export const AlertSchema = Type.Object(
  {
    ...objectBase('alert'),
    rule_id: IdSchema,
    type: StringEnum(ALERT_RULE_TYPES),
    product_id: IdSchema,
    condition_key: Type.Union([Type.String(), Type.Null()], { description: 'The keyword (keyword_rank_below) or competitor ASIN (competitor_price_below_ours); null for the other types' }),
    status: StringEnum(ALERT_STATUSES),
    observed_value: Type.Union([Type.Number(), Type.Null()], { description: 'The value the evaluation compared with the threshold' }),
    reference_value: Type.Union([Type.Number(), Type.Null()], {
      description: 'conversion_drop: the conversion of the window before; days_of_cover_below_lead_time: the average daily units; null for the other types',
    }),
    threshold: Type.Number({ description: "The rule's threshold when the alert was last evaluated" }),
    window_start: DateSchema,
    window_end: DateSchema,
    message: Type.String(),
    operator_member_id: Type.Union([IdSchema, Type.Null()], { description: "The product's operator when the alert was raised" }),
    sop_run_id: Type.Union([IdSchema, Type.Null()], { description: 'The SOP run the alert started' }),
    sop_run_skipped_reason: Type.Union([Type.String(), Type.Null()], { description: "Why the rule's SOP run was not started (for example: the product has no operator)" }),
    raised_at: TimestampSchema,
    last_seen_at: TimestampSchema,
    acknowledged_at: Type.Union([TimestampSchema, Type.Null()]),
    resolved_at: Type.Union([TimestampSchema, Type.Null()]),
    resolution: Type.Union([StringEnum(ALERT_RESOLUTIONS), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Alert', additionalProperties: false, description: 'A condition of a rule seen on a product; open until the condition clears or someone resolves it' },
);
export type Alert = Static<typeof AlertSchema>;

export const AlertUpdateSchema = Type.Object(
  {
    status: Type.Optional(StringEnum(['acknowledged', 'resolved'] as const, { description: 'acknowledged (from open) or resolved (from open or acknowledged)' })),
    note: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 5000 }), Type.Null()])),
  },
  { $id: 'AlertUpdate', additionalProperties: false, minProperties: 1 },
);
export type AlertUpdate = Static<typeof AlertUpdateSchema>;

export const AlertListSchema = ListSchema(Ref(AlertSchema), 'AlertList');
export const AlertListQuerySchema = pageQuery({
  status: Type.Optional(StringEnum(ALERT_STATUSES)),
  product_id: Type.Optional(IdSchema),
  rule_id: Type.Optional(IdSchema),
  operator_member_id: Type.Optional(IdSchema),
  type: Type.Optional(StringEnum(ALERT_RULE_TYPES)),
});

export const AlertEvaluateSchema = Type.Object(
  {
    as_of: Type.Optional(DateSchema),
    rule_ids: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Defaults to every enabled rule' })),
    product_ids: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'Defaults to every product' })),
  },
  { $id: 'AlertEvaluate', additionalProperties: false, description: 'Evaluate rules now. Windows end at as_of when given, else at each product\'s latest fact date' },
);
export type AlertEvaluate = Static<typeof AlertEvaluateSchema>;

export const AlertEvaluationSchema = Type.Object(
  {
    object: Type.Literal('alert_evaluation'),
    as_of: Type.Union([DateSchema, Type.Null()]),
    rules_evaluated: Type.Integer({ minimum: 0 }),
    raised: Type.Integer({ minimum: 0, description: 'New alerts' }),
    updated: Type.Integer({ minimum: 0, description: 'Open alerts seen again with a new value or window' }),
    resolved: Type.Integer({ minimum: 0, description: 'Open or acknowledged alerts whose condition cleared' }),
    sop_runs_started: Type.Integer({ minimum: 0 }),
    raised_alert_ids: Type.Array(IdSchema),
  },
  { $id: 'AlertEvaluation', additionalProperties: false },
);
export type AlertEvaluation = Static<typeof AlertEvaluationSchema>;

export const ALERT_SCHEMAS = [
  AlertRuleSchema,
  AlertRuleCreateSchema,
  AlertRuleUpdateSchema,
  AlertRuleListSchema,
  AlertSchema,
  AlertUpdateSchema,
  AlertListSchema,
  AlertEvaluateSchema,
  AlertEvaluationSchema,
];
