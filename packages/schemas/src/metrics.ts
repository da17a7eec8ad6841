import { CloneType, Type, type Static, type TSchema } from '@sinclair/typebox';
import { CurrencySchema, DateSchema, DecimalStringSchema, IdSchema, ListSchema, MoneySchema, Ref, StringEnum, objectBase, pageQuery } from './common.ts';

// ---- marketplaces and identifiers ----

/** Amazon's marketplace codes. */
export const MARKETPLACES = ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'TR', 'AE', 'SA', 'IN', 'JP', 'AU', 'SG'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];
export const MarketplaceSchema = StringEnum(MARKETPLACES, { description: "Amazon marketplace code (US, UK, DE, JP, ...)" });
/** What a client may send: GB is accepted for UK (ISO 3166 spells it GB, Amazon UK). */
export const MarketplaceInputSchema = StringEnum([...MARKETPLACES, 'GB'] as const, { description: 'Amazon marketplace code; GB is accepted for UK' });

export const AsinSchema = Type.String({ pattern: '^[A-Z0-9]{10}$', description: 'Amazon Standard Identification Number, 10 characters' });
export const SkuSchema = Type.String({ minLength: 1, maxLength: 100, description: "The seller's stock keeping unit" });
const SellerAccountIdSchema = Type.String({ minLength: 1, maxLength: 64, description: 'Id of a seller account in the resource registry' });
const ProductLineSchema = Type.String({ minLength: 1, maxLength: 100 });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// ---- catalog ----

export const PRODUCT_STATUSES = ['active', 'inactive', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const ProductSchema = Type.Object(
  {
    ...objectBase('product'),
    marketplace: MarketplaceSchema,
    asin: AsinSchema,
    sku: nullable(SkuSchema),
    parent_asin: nullable(AsinSchema),
    seller_account_id: nullable(SellerAccountIdSchema),
    title: nullable(Type.String()),
    product_line: nullable(ProductLineSchema),
    operator_member_id: nullable(IdSchema),
    unit_cost: nullable(Ref(MoneySchema)),
    status: StringEnum(PRODUCT_STATUSES),
  },
  { $id: 'Product', additionalProperties: false, description: 'A product of the catalog: unique per workspace by (marketplace, asin, sku)' },
);
export type Product = Static<typeof ProductSchema>;

const productWritable = {
  parent_asin: Type.Optional(nullable(AsinSchema)),
  seller_account_id: Type.Optional(nullable(SellerAccountIdSchema)),
  title: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 500 }))),
  product_line: Type.Optional(nullable(ProductLineSchema)),
  operator_member_id: Type.Optional(nullable(IdSchema)),
  unit_cost: Type.Optional(nullable(Ref(MoneySchema))),
  status: Type.Optional(StringEnum(PRODUCT_STATUSES)),
};

export const ProductCreateSchema = Type.Object(
  { marketplace: MarketplaceInputSchema, asin: AsinSchema, sku: Type.Optional(nullable(SkuSchema)), ...productWritable },
  { $id: 'ProductCreate', additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreateSchema>;

export const ProductUpdateSchema = Type.Object(productWritable, {
  $id: 'ProductUpdate',
  additionalProperties: false,
  minProperties: 1,
  description: 'marketplace, asin and sku are the natural key and never change',
});
export type ProductUpdate = Static<typeof ProductUpdateSchema>;

export const ProductListSchema = ListSchema(Ref(ProductSchema), 'ProductList');
export const ProductListQuerySchema = pageQuery({
  marketplace: Type.Optional(MarketplaceInputSchema),
  asin: Type.Optional(AsinSchema),
  sku: Type.Optional(SkuSchema),
  parent_asin: Type.Optional(AsinSchema),
  product_line: Type.Optional(ProductLineSchema),
  operator_member_id: Type.Optional(IdSchema),
  seller_account_id: Type.Optional(SellerAccountIdSchema),
  status: Type.Optional(StringEnum(PRODUCT_STATUSES)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the title, ASIN or SKU' })),
});

export const KeywordSchema = Type.Object(
  {
    ...objectBase('keyword'),
    product_id: IdSchema,
    keyword: Type.String(),
  },
  { $id: 'Keyword', additionalProperties: false, description: 'A search term tracked for a product' },
);
export type Keyword = Static<typeof KeywordSchema>;
const KeywordTextSchema = Type.String({ minLength: 1, maxLength: 300, description: 'The search term, as shoppers type it' });
export const KeywordCreateSchema = Type.Object({ keyword: KeywordTextSchema }, { $id: 'KeywordCreate', additionalProperties: false });
export type KeywordCreate = Static<typeof KeywordCreateSchema>;
export const KeywordListSchema = ListSchema(Ref(KeywordSchema), 'KeywordList');

export const COMPETITOR_TIERS = ['A', 'B', 'C', 'D'] as const;
export const CompetitorSchema = Type.Object(
  {
    ...objectBase('competitor'),
    product_id: IdSchema,
    asin: AsinSchema,
    tier: StringEnum(COMPETITOR_TIERS, { description: 'A: direct rival ... D: distant' }),
    note: nullable(Type.String()),
  },
  { $id: 'Competitor', additionalProperties: false, description: "A competitor ASIN tracked for a product" },
);
export type Competitor = Static<typeof CompetitorSchema>;
export const CompetitorCreateSchema = Type.Object(
  { asin: AsinSchema, tier: StringEnum(COMPETITOR_TIERS), note: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 2000 }))) },
  { $id: 'CompetitorCreate', additionalProperties: false },
);
export type CompetitorCreate = Static<typeof CompetitorCreateSchema>;
export const CompetitorListSchema = ListSchema(Ref(CompetitorSchema), 'CompetitorList');

export const ProductItemParamsSchema = Type.Object({ id: IdSchema, item_id: IdSchema }, { additionalProperties: false });

// ---- facts ----

export const FACT_FAMILIES = ['traffic_sales', 'ads', 'inventory', 'returns', 'reviews', 'keyword_ranks', 'competitor_snapshots'] as const;
export type FactFamily = (typeof FACT_FAMILIES)[number];

const Count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000_000, description }));
const Amount = (description: string) =>
  Type.Optional(Type.Object({ amount: DecimalStringSchema, currency: CurrencySchema }, { additionalProperties: false, description: `${description}: a decimal amount and its currency` }));
const Percent = (description: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 100, description }));

/** How a row names what it is about: a product (by id, or marketplace + asin and/or sku) or, with no product, a seller account's marketplace. */
const subject = {
  date: DateSchema,
  product_id: Type.Optional(IdSchema),
  marketplace: Type.Optional(MarketplaceInputSchema),
  asin: Type.Optional(AsinSchema),
  sku: Type.Optional(SkuSchema),
  seller_account_id: Type.Optional(SellerAccountIdSchema),
};

const factRow = <P extends Record<string, TSchema>>(id: string, description: string, properties: P) =>
  Type.Object({ ...subject, ...properties }, { $id: id, additionalProperties: false, description });

export const TrafficSalesFactSchema = factRow('TrafficSalesFact', 'A day of detail-page traffic and sales', {
  sessions: Count('Sessions (visits)'),
  page_views: Count('Page views'),
  buy_box_percentage: Percent('Featured offer (buy box) percentage, 0-100'),
  units_ordered: Count('Units ordered'),
  ordered_product_sales: Amount('Ordered product sales'),
  total_order_items: Count('Order items'),
});
export const AdsFactSchema = factRow('AdsFact', 'A day of sponsored-ads performance, optionally per campaign, ad group, targeting and search term', {
  campaign: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  ad_group: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  targeting: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  search_term: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  impressions: Count('Impressions'),
  clicks: Count('Clicks'),
  spend: Amount('Ad spend'),
  sales: Amount('Sales attributed to ads'),
  orders: Count('Orders attributed to ads'),
  units: Count('Units attributed to ads'),
});
export const InventoryFactSchema = factRow('InventoryFact', "A day's stock snapshot", {
  fulfillable: Count('Sellable units'),
  inbound: Count('Units on the way to the warehouse'),
  reserved: Count('Reserved units'),
  unfulfillable: Count('Unsellable units'),
});
export const ReturnsFactSchema = factRow('ReturnsFact', "A day's customer returns, per reason", {
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Return reason; rows without one are one bucket' })),
  units: Count('Units returned'),
});
export const ReviewsFactSchema = factRow('ReviewsFact', "A day's reviews and the rating at the end of the day", {
  new_reviews: Count('Reviews received'),
  negative_reviews: Count('Of them, 1-3 stars'),
  rating: Type.Optional(Type.Number({ minimum: 1, maximum: 5, description: 'Average star rating' })),
  review_count: Count('Total ratings shown on the detail page'),
});
export const KeywordRankFactSchema = factRow('KeywordRankFact', "A keyword's ranks for a product on a day", {
  keyword: Type.String({ minLength: 1, maxLength: 300 }),
  organic_rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  sponsored_rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  search_volume: Count('Monthly searches, where known'),
  search_frequency_rank: Type.Optional(Type.Integer({ minimum: 1, description: "Amazon's search frequency rank" })),
});
export const CompetitorSnapshotFactSchema = factRow('CompetitorSnapshotFact', "A competitor ASIN's listing on a day", {
  competitor_asin: AsinSchema,
  price: Amount('Price'),
  best_seller_rank: Type.Optional(Type.Integer({ minimum: 1 })),
  rating: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
  review_count: Count('Ratings shown'),
  in_stock: Type.Optional(Type.Boolean()),
});

/** The row schema of each family. */
export const FACT_ROW_SCHEMAS = {
  traffic_sales: TrafficSalesFactSchema,
  ads: AdsFactSchema,
  inventory: InventoryFactSchema,
  returns: ReturnsFactSchema,
  reviews: ReviewsFactSchema,
  keyword_ranks: KeywordRankFactSchema,
  competitor_snapshots: CompetitorSnapshotFactSchema,
} as const;
export type FactRowOf<F extends FactFamily> = Static<(typeof FACT_ROW_SCHEMAS)[F]>;
export type FactRow = FactRowOf<FactFamily>;

export const FACT_BATCH_MODES = ['all_or_nothing', 'skip_invalid'] as const;
export type FactBatchMode = (typeof FACT_BATCH_MODES)[number];
export const MAX_FACT_ROWS = 10_000;

export const FactBatchSchema = Type.Object(
  {
    family: StringEnum(FACT_FAMILIES),
    mode: Type.Optional(
      StringEnum(FACT_BATCH_MODES, {
        description: 'all_or_nothing (default): one bad row refuses the batch with 422 and writes nothing. skip_invalid: good rows are written, bad ones reported',
      }),
    ),
    rows: Type.Array(Type.Union(Object.values(FACT_ROW_SCHEMAS).map((s) => Ref(s))), {
      minItems: 1,
      maxItems: MAX_FACT_ROWS,
      description: "Rows of the family's row schema (TrafficSalesFact, AdsFact, ...)",
    }),
  },
  { $id: 'FactBatch', additionalProperties: false, description: 'Daily facts of one family; upserted on their natural key' },
);
export type FactBatch = Static<typeof FactBatchSchema>;

export const RowErrorSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 0, description: 'Index of the row in the batch, from 0' }),
    errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false })),
  },
  { $id: 'RowError', additionalProperties: false },
);
export type RowError = Static<typeof RowErrorSchema>;

export const FactBatchResultSchema = Type.Object(
  {
    object: Type.Literal('fact_batch_result'),
    family: StringEnum(FACT_FAMILIES),
    mode: StringEnum(FACT_BATCH_MODES),
    received: Type.Integer({ minimum: 0 }),
    accepted: Type.Integer({ minimum: 0, description: 'Rows written or already as sent' }),
    inserted: Type.Integer({ minimum: 0 }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0, description: 'Accepted rows whose stored values were already these' }),
    rejected: Type.Array(Ref(RowErrorSchema), { description: 'Rows not written, with the reasons' }),
  },
  { $id: 'FactBatchResult', additionalProperties: false },
);
export type FactBatchResult = Static<typeof FactBatchResultSchema>;

// ---- measures and series ----

export const MEASURE_UNITS = ['count', 'money', 'ratio', 'percent', 'days', 'stars'] as const;
export const MeasureSchema = Type.Object(
  {
    object: Type.Literal('measure'),
    key: Type.String(),
    name: Type.String(),
    kind: StringEnum(['base', 'derived'] as const),
    family: StringEnum(FACT_FAMILIES),
    unit: StringEnum(MEASURE_UNITS),
    aggregation: Type.String({ description: 'How a period and a group combine the days: sum, last (stock at the end of the period), ratio of sums, ...' }),
    formula: Type.String(),
    description: Type.String(),
  },
  { $id: 'Measure', additionalProperties: false },
);
export type Measure = Static<typeof MeasureSchema>;
export const MeasureListSchema = Type.Object(
  { object: Type.Literal('list'), data: Type.Array(Ref(MeasureSchema)), next_cursor: Type.Null() },
  { $id: 'MeasureList', additionalProperties: false },
);

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];
export const GROUP_BYS = ['product', 'parent_asin', 'product_line', 'marketplace', 'seller_account', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const COMPARES = ['previous_period', 'previous_year'] as const;
export type Compare = (typeof COMPARES)[number];

const MeasureListParam = Type.String({ minLength: 1, maxLength: 1000, pattern: '^[a-z0-9_]+(,[a-z0-9_]+)*$', description: 'Comma-separated measure keys (see /v1/metrics/measures)' });
const IdListParam = Type.String({ minLength: 3, maxLength: 5000, pattern: '^[a-z]+_[0-9A-Za-z]+(,[a-z]+_[0-9A-Za-z]+)*$', description: 'Comma-separated product ids' });

export const seriesFilters = {
  product_ids: Type.Optional(IdListParam),
  marketplace: Type.Optional(MarketplaceInputSchema),
  product_line: Type.Optional(ProductLineSchema),
  operator_member_id: Type.Optional(IdSchema),
  seller_account_id: Type.Optional(SellerAccountIdSchema),
};

export const SeriesQuerySchema = Type.Object(
  {
    measures: Type.Optional(CloneType(MeasureListParam, { description: 'Comma-separated measure keys (see /v1/metrics/measures); default sessions,units_ordered,ordered_product_sales,conversion' })),
    from: Type.Optional(CloneType(DateSchema, { description: 'First day; default 27 days before `to`' })),
    to: Type.Optional(CloneType(DateSchema, { description: 'Last day, included; default today (UTC)' })),
    grain: Type.Optional(StringEnum(GRAINS, { description: 'day, week (ISO, Monday to Sunday) or month; default day' })),
    group_by: Type.Optional(StringEnum(GROUP_BYS, { description: 'default none' })),
    compare: Type.Optional(StringEnum(COMPARES)),
    ...seriesFilters,
  },
  { additionalProperties: false },
);

const MeasureValueSchema = Type.Union([Type.Number(), Ref(MoneySchema), Type.Null()], { description: 'A number, money, or null when undefined (empty denominator, no data, mixed currencies)' });
export const SeriesGroupSchema = Type.Object(
  {
    key: nullable(Type.String({ description: 'The product id, parent ASIN, product line, marketplace or seller account id; null for group_by=none or no value' })),
    label: nullable(Type.String()),
  },
  { additionalProperties: false },
);
export const SeriesPointSchema = Type.Object(
  {
    period: Type.String({ description: 'YYYY-MM-DD, ISO week YYYY-Www, or YYYY-MM' }),
    start: DateSchema,
    end: DateSchema,
    group: SeriesGroupSchema,
    values: Type.Record(Type.String(), MeasureValueSchema),
    previous: Type.Optional(Type.Record(Type.String(), MeasureValueSchema, { description: 'The same measures over the compared period' })),
    change: Type.Optional(Type.Record(Type.String(), nullable(Type.Number()), { description: '(value - previous) / previous; null when previous is zero or undefined' })),
  },
  { $id: 'SeriesPoint', additionalProperties: false },
);
export type SeriesPoint = Static<typeof SeriesPointSchema>;
export const SeriesSchema = Type.Object(
  {
    object: Type.Literal('metric_series'),
    measures: Type.Array(Type.String()),
    from: DateSchema,
    to: DateSchema,
    grain: StringEnum(GRAINS),
    group_by: StringEnum(GROUP_BYS),
    compare: nullable(StringEnum(COMPARES)),
    data: Type.Array(Ref(SeriesPointSchema)),
  },
  { $id: 'MetricSeries', additionalProperties: false },
);
export type Series = Static<typeof SeriesSchema>;

export const MoversQuerySchema = Type.Object(
  {
    measure: Type.Optional(Type.String({ pattern: '^[a-z0-9_]+$', description: 'A measure key; default units_ordered' })),
    from: Type.Optional(CloneType(DateSchema, { description: 'First day of the period; default 6 days before `to`' })),
    to: Type.Optional(CloneType(DateSchema, { description: 'Last day of the period, included; default yesterday (UTC)' })),
    compare: Type.Optional(StringEnum(COMPARES, { description: 'default previous_period' })),
    direction: Type.Optional(StringEnum(['down', 'up', 'both'] as const, { description: 'down: biggest falls first (default); up: biggest rises; both: by absolute change' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    ...seriesFilters,
  },
  { additionalProperties: false },
);
export const MoverSchema = Type.Object(
  {
    product_id: IdSchema,
    asin: AsinSchema,
    sku: nullable(SkuSchema),
    title: nullable(Type.String()),
    value: MeasureValueSchema,
    previous: MeasureValueSchema,
    difference: nullable(Type.Number()),
    change: nullable(Type.Number()),
  },
  { $id: 'Mover', additionalProperties: false },
);
export const MoversSchema = Type.Object(
  {
    object: Type.Literal('metric_movers'),
    measure: Type.String(),
    from: DateSchema,
    to: DateSchema,
    compare: StringEnum(COMPARES),
    previous_from: DateSchema,
    previous_to: DateSchema,
    data: Type.Array(Ref(MoverSchema)),
  },
  { $id: 'MetricMovers', additionalProperties: false },
);
export type Movers = Static<typeof MoversSchema>;

export const KeywordRanksQuerySchema = Type.Object(
  {
    from: Type.Optional(CloneType(DateSchema, { description: 'default 29 days before `to`' })),
    to: Type.Optional(CloneType(DateSchema, { description: 'default today (UTC)' })),
    keyword: Type.Optional(KeywordTextSchema),
  },
  { additionalProperties: false },
);
export const KeywordRankPointSchema = Type.Object(
  {
    date: DateSchema,
    organic_rank: nullable(Type.Integer()),
    sponsored_rank: nullable(Type.Integer()),
    search_volume: nullable(Type.Integer()),
    search_frequency_rank: nullable(Type.Integer()),
  },
  { $id: 'KeywordRankPoint', additionalProperties: false },
);
export const KeywordRankHistorySchema = Type.Object(
  {
    object: Type.Literal('keyword_rank_history'),
    product_id: IdSchema,
    from: DateSchema,
    to: DateSchema,
    keywords: Type.Array(Type.Object({ keyword: Type.String(), tracked: Type.Boolean(), ranks: Type.Array(Ref(KeywordRankPointSchema)) }, { additionalProperties: false })),
  },
  { $id: 'KeywordRankHistory', additionalProperties: false },
);
export type KeywordRankHistory = Static<typeof KeywordRankHistorySchema>;

export const CompetitorSnapshotSchema = Type.Object(
  {
    date: DateSchema,
    price: nullable(Ref(MoneySchema)),
    best_seller_rank: nullable(Type.Integer()),
    rating: nullable(Type.Number()),
    review_count: nullable(Type.Integer()),
    in_stock: nullable(Type.Boolean()),
  },
  { $id: 'CompetitorSnapshot', additionalProperties: false },
);
export type CompetitorSnapshot = Static<typeof CompetitorSnapshotSchema>;

export const METRICS_SCHEMAS = [
  ProductSchema,
  ProductCreateSchema,
  ProductUpdateSchema,
  ProductListSchema,
  KeywordSchema,
  KeywordCreateSchema,
  KeywordListSchema,
  CompetitorSchema,
  CompetitorCreateSchema,
  CompetitorListSchema,
  TrafficSalesFactSchema,
  AdsFactSchema,
  InventoryFactSchema,
  ReturnsFactSchema,
  ReviewsFactSchema,
  KeywordRankFactSchema,
  CompetitorSnapshotFactSchema,
  FactBatchSchema,
  RowErrorSchema,
  FactBatchResultSchema,
  MeasureSchema,
  MeasureListSchema,
  SeriesPointSchema,
  SeriesSchema,
  MoverSchema,
  MoversSchema,
  KeywordRankPointSchema,
  KeywordRankHistorySchema,
  CompetitorSnapshotSchema,
];

