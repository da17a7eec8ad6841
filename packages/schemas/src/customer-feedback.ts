import { Type, type Static } from '@sinclair/typebox';
import { DateSchema, IdSchema, ListSchema, Ref, StringEnum, objectBase, pageQuery } from './common.ts';

/**
 * What customers say about a product, word for word: reviews (rating and text) and
 * voice-of-the-customer complaints (a category and the text). The daily counts
 * (new and negative reviews, rating) are facts of the `reviews` family; these are the
 * texts behind them, for the operator reading why.
 */
export const FEEDBACK_SOURCES = ['review', 'voice_of_customer'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** Reviews of 1 to 3 stars are the negative ones (DOMAIN: negative reviews are 1-3 stars). */
export const NEGATIVE_RATING_MAX = 3;

const ExternalIdSchema = Type.String({ minLength: 1, maxLength: 100, description: "Amazon's id of the review or complaint: the key that makes posting it again an update" });
const CategorySchema = Type.String({ minLength: 1, maxLength: 100, description: 'Complaint category, e.g. "Not as described", "Quality"' });

export const CustomerFeedbackInputSchema = Type.Object(
  {
    source: StringEnum(FEEDBACK_SOURCES),
    external_id: ExternalIdSchema,
    date: DateSchema,
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'Stars; required for a review, absent for a complaint' })),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    category: Type.Optional(CategorySchema),
    verified_purchase: Type.Optional(Type.Boolean()),
  },
  { $id: 'CustomerFeedbackInput', additionalProperties: false },
);
export type CustomerFeedbackInput = Static<typeof CustomerFeedbackInputSchema>;

export const CustomerFeedbackBatchSchema = Type.Object(
  { items: Type.Array(Ref(CustomerFeedbackInputSchema), { minItems: 1, maxItems: 1000 }) },
  { $id: 'CustomerFeedbackBatch', additionalProperties: false, description: 'Up to 1,000 reviews or complaints of one product, written all or nothing' },
);
export type CustomerFeedbackBatch = Static<typeof CustomerFeedbackBatchSchema>;

export const CustomerFeedbackBatchResultSchema = Type.Object(
  {
    object: Type.Literal('customer_feedback_batch_result'),
    received: Type.Integer({ minimum: 0 }),
    inserted: Type.Integer({ minimum: 0 }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0 }),
  },
  { $id: 'CustomerFeedbackBatchResult', additionalProperties: false },
);
export type CustomerFeedbackBatchResult = Static<typeof CustomerFeedbackBatchResultSchema>;

export const CustomerFeedbackSchema = Type.Object(
  {
    ...objectBase('customer_feedback'),
    product_id: IdSchema,
    source: StringEnum(FEEDBACK_SOURCES),
    external_id: Type.String(),
    date: DateSchema,
    rating: Type.Union([Type.Integer(), Type.Null()]),
    negative: Type.Boolean({ description: `A review of 1 to ${NEGATIVE_RATING_MAX} stars, or any complaint` }),
    title: Type.Union([Type.String(), Type.Null()]),
    text: Type.String(),
    category: Type.Union([Type.String(), Type.Null()]),
    verified_purchase: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { $id: 'CustomerFeedback', additionalProperties: false, description: 'A review or a voice-of-the-customer complaint about a product' },
);
export type CustomerFeedback = Static<typeof CustomerFeedbackSchema>;
export const CustomerFeedbackListSchema = ListSchema(Ref(CustomerFeedbackSchema), 'CustomerFeedbackList');

export const CustomerFeedbackQuerySchema = pageQuery({
  source: Type.Optional(StringEnum(FEEDBACK_SOURCES)),
  negative: Type.Optional(Type.Boolean({ description: 'Only negative (true) or only the others (false)' })),
  category: Type.Optional(CategorySchema),
  from: Type.Optional(DateSchema),
  to: Type.Optional(DateSchema),
});

export const CUSTOMER_FEEDBACK_SCHEMAS = [
  CustomerFeedbackInputSchema,
  CustomerFeedbackBatchSchema,
  CustomerFeedbackBatchResultSchema,
  CustomerFeedbackSchema,
  CustomerFeedbackListSchema,
];
