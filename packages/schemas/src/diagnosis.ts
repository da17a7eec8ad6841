import { CloneType, Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateSchema, IdSchema, MoneySchema, Ref, StringEnum } from './common.ts';
import { AsinSchema, COMPARES, FACT_FAMILIES, MarketplaceInputSchema, MarketplaceSchema } from './metrics.ts';

// ---- the question: which products, which period, compared with what ----

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A period name: an ISO week (2026-W47) or a month (2026-11). */
export const DiagnosisPeriodSchema = Type.String({
  pattern: '^\\d{4}-(W(0[1-9]|[1-4]\\d|5[0-3])|(0[1-9]|1[0-2]))$',
  description: 'An ISO week (2026-W47) or a month (2026-11); or give from and to instead. Default: the last full ISO week',
});

const periodQuery = {
  period: Type.Optional(DiagnosisPeriodSchema),
  from: Type.Optional(CloneType(DateSchema, { description: 'First day of a day range (with to, instead of period)' })),
  to: Type.Optional(CloneType(DateSchema, { description: 'Last day of a day range, included' })),
  compare: Type.Optional(
    StringEnum(COMPARES, {
      description: 'previous_period (default): the week, month or as many days just before; previous_year: the same ISO week, month or days (52 weeks earlier) a year before',
    }),
  ),
};

export const ProductDiagnosisQuerySchema = Type.Object(periodQuery, { additionalProperties: false });

export const DiagnosisQuerySchema = Type.Object(
  {
    parent_asin: Type.Optional(CloneType(AsinSchema, { description: 'Diagnose every child product of this parent ASIN' })),
    product_line: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Diagnose every product of this product line' })),
    marketplace: Type.Optional(CloneType(MarketplaceInputSchema, { description: 'Only the products of this marketplace' })),
    ...periodQuery,
  },
  { additionalProperties: false },
);

// ---- the answer ----

export const DIAGNOSIS_SCOPES = ['product', 'parent_asin', 'product_line', 'workspace'] as const;
export type DiagnosisScopeType = (typeof DIAGNOSIS_SCOPES)[number];

const NumberPair = (description: string) =>
  Type.Object({ previous: nullable(Type.Number()), current: nullable(Type.Number()) }, { additionalProperties: false, description: `${description}: compared period and diagnosed period; null when unknown` });
const MoneyPair = (description: string) =>
  Type.Object({ previous: nullable(Ref(MoneySchema)), current: nullable(Ref(MoneySchema)) }, { additionalProperties: false, description: `${description}: null when unknown or mixed currencies` });

export const DiagnosisRangeSchema = Type.Object(
  {
    label: nullable(Type.String({ description: '2026-W47, 2026-11, or null for a day range' })),
    from: DateSchema,
    to: DateSchema,
    days: Type.Integer({ minimum: 1 }),
  },
  { $id: 'DiagnosisRange', additionalProperties: false },
);
export type DiagnosisRange = Static<typeof DiagnosisRangeSchema>;

export const UnitsDecompositionSchema = Type.Object(
  {
    previous: Type.Integer({ description: 'Units ordered in the compared period' }),
    current: Type.Integer({ description: 'Units ordered in the diagnosed period' }),
    change: Type.Integer({ description: 'current - previous' }),
    traffic_part: Type.Number({ description: '(S1 - S0) x (C0 + C1) / 2, rounded to 4 decimals' }),
    conversion_part: Type.Number({ description: 'change - traffic_part: equal to (C1 - C0) x (S0 + S1) / 2, and the two parts add up to change exactly' }),
    sessions: NumberPair('Sessions'),
    conversion: NumberPair('Units per session'),
  },
  { $id: 'UnitsDecomposition', additionalProperties: false },
);

export const SalesDecompositionSchema = Type.Object(
  {
    previous: Ref(MoneySchema),
    current: Ref(MoneySchema),
    change: Ref(MoneySchema),
    traffic_part: Ref(MoneySchema),
    conversion_part: Ref(MoneySchema),
    price_part: Ref(MoneySchema),
    average_price: MoneyPair('Sales per unit'),
  },
  { $id: 'SalesDecomposition', additionalProperties: false, description: 'Sales = units x average price; the three parts add up to change to the cent' },
);

export const DiagnosisDecompositionSchema = Type.Object(
  {
    method: Type.String({ description: 'How the change is split, in words' }),
    units: Ref(UnitsDecompositionSchema),
    sales: nullable(Ref(SalesDecompositionSchema)),
  },
  { $id: 'DiagnosisDecomposition', additionalProperties: false },
);
export type DiagnosisDecomposition = Static<typeof DiagnosisDecompositionSchema>;

export const KeywordMovementSchema = Type.Object(
  {
    keyword: Type.String(),
    search_volume: nullable(Type.Integer({ description: 'Highest monthly search volume reported in the two periods' })),
    organic_rank: NumberPair('Average organic rank on the days it ranked'),
    sponsored_rank: NumberPair('Average sponsored rank on the days it ranked'),
    page_one_days: NumberPair('Days with an organic rank on page one'),
    organic_visibility: NumberPair('Search volume x position weight of the organic rank (see docs/diagnostics.md)'),
    sponsored_visibility: NumberPair('Search volume x position weight of the sponsored rank'),
  },
  { $id: 'KeywordMovement', additionalProperties: false },
);
export type KeywordMovement = Static<typeof KeywordMovementSchema>;

export const DiagnosisTrafficSchema = Type.Object(
  {
    sessions: NumberPair('Sessions'),
    page_views: NumberPair('Page views'),
    keywords: Type.Array(Ref(KeywordMovementSchema), { description: 'Tracked keywords, the largest change of visibility first' }),
    ad_impressions: NumberPair('Sponsored ads impressions'),
    ad_clicks: NumberPair('Sponsored ads clicks'),
    ad_spend: MoneyPair('Sponsored ads spend'),
    ad_units: NumberPair('Units attributed to ads'),
    organic_units: NumberPair('Units ordered minus units attributed to ads'),
    ad_sales: MoneyPair('Sales attributed to ads'),
    organic_sales: MoneyPair('Ordered product sales minus ad sales'),
  },
  { $id: 'DiagnosisTraffic', additionalProperties: false },
);
export type DiagnosisTraffic = Static<typeof DiagnosisTrafficSchema>;

export const DiagnosisConversionSchema = Type.Object(
  {
    conversion: NumberPair('Units per session'),
    own_price: MoneyPair('Average selling price (sales / units)'),
    competitor_price: MoneyPair('Average price of the tracked competitors seen in both periods'),
    price_index: NumberPair('Own price / competitor price'),
    buy_box_percentage: NumberPair('Buy box percentage, weighted by sessions'),
    rating: NumberPair('Rating at the end of the period'),
    review_count: NumberPair('Ratings at the end of the period'),
    negative_reviews: NumberPair('New 1-3 star reviews in the period'),
    stockout_days: NumberPair('Days with no sellable stock (product-days for several products)'),
  },
  { $id: 'DiagnosisConversion', additionalProperties: false },
);
export type DiagnosisConversion = Static<typeof DiagnosisConversionSchema>;

export const CAUSE_TYPES = ['keyword_rank', 'ad_traffic', 'other_traffic', 'price', 'buy_box', 'reviews', 'stockout', 'other_conversion'] as const;
export type CauseType = (typeof CAUSE_TYPES)[number];

const EvidenceSchema = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Null()]), {
  description: 'The numbers behind the cause, by name (before and after values, weights)',
});

export const DiagnosisCauseSchema = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    key: Type.String({ description: 'Stable key: the type, and for a keyword `keyword_rank:<keyword>`' }),
    type: StringEnum(CAUSE_TYPES),
    part: StringEnum(['traffic', 'conversion'] as const),
    estimated_units: Type.Number({ description: 'Estimated effect on units ordered (negative: lost), 2 decimals' }),
    share_of_change: nullable(Type.Number({ description: 'estimated_units / the change in units; null when units did not change' })),
    evidence: EvidenceSchema,
    explanation: Type.String(),
  },
  { $id: 'DiagnosisCause', additionalProperties: false },
);
export type DiagnosisCause = Static<typeof DiagnosisCauseSchema>;

export const DiagnosisUnknownSchema = Type.Object(
  {
    type: StringEnum([...CAUSE_TYPES, 'decomposition'] as const),
    part: StringEnum(['traffic', 'conversion', 'both'] as const),
    missing: Type.Array(StringEnum(FACT_FAMILIES), { description: 'Fact families without data' }),
    periods: Type.Array(StringEnum(['previous', 'current'] as const), { description: 'The periods that lack it' }),
    explanation: Type.String(),
  },
  { $id: 'DiagnosisUnknown', additionalProperties: false, description: 'A possible cause that cannot be judged: its data is missing' },
);
export type DiagnosisUnknown = Static<typeof DiagnosisUnknownSchema>;

export const DiagnosisSchema = Type.Object(
  {
    object: Type.Literal('diagnosis'),
    scope: Type.Object(
      {
        type: StringEnum(DIAGNOSIS_SCOPES),
        product_id: nullable(IdSchema),
        parent_asin: nullable(AsinSchema),
        product_line: nullable(Type.String()),
        marketplace: nullable(MarketplaceSchema),
        product_ids: Type.Array(IdSchema, { description: 'The products diagnosed together (for the workspace: every product of the catalog, of the marketplace if given)' }),
      },
      { additionalProperties: false },
    ),
    compare: StringEnum(COMPARES),
    period: Ref(DiagnosisRangeSchema),
    previous_period: Ref(DiagnosisRangeSchema),
    decomposition: nullable(Ref(DiagnosisDecompositionSchema)),
    traffic: Ref(DiagnosisTrafficSchema),
    conversion: Ref(DiagnosisConversionSchema),
    causes: Type.Array(Ref(DiagnosisCauseSchema), { description: 'By absolute estimated effect, largest first; their estimates add up to the change in units (to the rounding of each to 2 decimals)' }),
    unknown: Type.Array(Ref(DiagnosisUnknownSchema), { description: 'Causes that cannot be judged for lack of data: named, not guessed' }),
  },
  { $id: 'Diagnosis', additionalProperties: false, description: 'Why units ordered changed between two periods: traffic and conversion parts, traced to ranked causes' },
);
export type Diagnosis = Static<typeof DiagnosisSchema>;

export const DIAGNOSIS_SCHEMAS = [
  DiagnosisRangeSchema,
  UnitsDecompositionSchema,
  SalesDecompositionSchema,
  DiagnosisDecompositionSchema,
  KeywordMovementSchema,
  DiagnosisTrafficSchema,
  DiagnosisConversionSchema,
  DiagnosisCauseSchema,
  DiagnosisUnknownSchema,
  DiagnosisSchema,
];
