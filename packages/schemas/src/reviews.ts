import { CloneType, Type, type Static } from '@sinclair/typebox';
import { IdSchema, IsoWeekSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';
import { SUBJECT_TYPES, SubjectSchema } from './sops.ts';

export const REVIEW_STATUSES = ['open', 'acted', 'evaluated'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const DataPointSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200, description: 'What was measured, e.g. "Sessions, week over week"' }),
    value: Type.String({ minLength: 1, maxLength: 200, description: 'The figure as read, e.g. "980 (-21%)"' }),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Where it was read: a report, a tool, a link' })),
  },
  { $id: 'ReviewDataPoint', additionalProperties: false },
);
export type ReviewDataPoint = Static<typeof DataPointSchema>;

export const ReviewOutcomeSchema = Type.Object(
  {
    measured_effect: Type.String({ minLength: 1, maxLength: 5000, description: 'What the data showed after the action' }),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { description: 'Why it turned out that way' })),
    learning: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { description: 'What to do differently next time' })),
  },
  { $id: 'ReviewOutcome', additionalProperties: false },
);
export type ReviewOutcome = Static<typeof ReviewOutcomeSchema>;

export const ReviewAnalysisSchema = Type.Object(
  {
    ...objectBase('review_analysis'),
    review_id: IdSchema,
    author_id: IdSchema,
    body: Type.String(),
    suggested_action: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ReviewAnalysis', additionalProperties: false, description: "One member's reading of the problem" },
);
export type ReviewAnalysis = Static<typeof ReviewAnalysisSchema>;

const Text = (max = 5000) => Type.Union([Type.String({ minLength: 1, maxLength: max }), Type.Null()]);

export const ReviewSchema = Type.Object(
  {
    ...objectBase('review'),
    week: IsoWeekSchema,
    subject: Type.Union([Ref(SubjectSchema), Type.Null()]),
    problem: Type.String(),
    data_points: Type.Array(Ref(DataPointSchema)),
    diagnosis: Type.Union([Type.String(), Type.Null()]),
    action: Type.Union([Type.String(), Type.Null()]),
    expected_effect: Type.Union([Type.String(), Type.Null()]),
    due_week: IsoWeekSchema,
    owner_id: Type.Union([IdSchema, Type.Null()], { description: 'The member who carries out the action' }),
    status: StringEnum(REVIEW_STATUSES, { description: 'open, acted (the action was taken) or evaluated (the outcome was measured)' }),
    outcome: Type.Union([Ref(ReviewOutcomeSchema), Type.Null()]),
    acted_at: Type.Union([TimestampSchema, Type.Null()]),
    evaluated_at: Type.Union([TimestampSchema, Type.Null()]),
    analyses: Type.Array(Ref(ReviewAnalysisSchema), { description: 'Every analysis added, oldest first' }),
  },
  { $id: 'Review', additionalProperties: false, description: 'A weekly retrospective of one problem: the data, the diagnosis, the action and, later, its measured effect' },
);
export type Review = Static<typeof ReviewSchema>;

export const ReviewCreateSchema = Type.Object(
  {
    week: IsoWeekSchema,
    subject: Type.Optional(Type.Union([Ref(SubjectSchema), Type.Null()])),
    problem: Type.String({ minLength: 1, maxLength: 5000 }),
    data_points: Type.Optional(Type.Array(Ref(DataPointSchema), { maxItems: 50 })),
    diagnosis: Type.Optional(Text()),
    action: Type.Optional(Text()),
    expected_effect: Type.Optional(Text()),
    due_week: Type.Optional(CloneType(IsoWeekSchema, { description: 'When to measure the effect; defaults to the week after `week`' })),
    owner_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { $id: 'ReviewCreate', additionalProperties: false },
);
export type ReviewCreate = Static<typeof ReviewCreateSchema>;

export const ReviewUpdateSchema = Type.Object(
  {
    subject: Type.Optional(Type.Union([Ref(SubjectSchema), Type.Null()])),
    problem: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
    data_points: Type.Optional(Type.Array(Ref(DataPointSchema), { maxItems: 50 })),
    diagnosis: Type.Optional(Text()),
    action: Type.Optional(Text()),
    expected_effect: Type.Optional(Text()),
    due_week: Type.Optional(IsoWeekSchema),
    owner_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    status: Type.Optional(StringEnum(REVIEW_STATUSES, { description: 'Moves forward only: open -> acted -> evaluated' })),
    outcome: Type.Optional(Type.Union([Ref(ReviewOutcomeSchema), Type.Null()])),
  },
  { $id: 'ReviewUpdate', additionalProperties: false, minProperties: 1 },
);
export type ReviewUpdate = Static<typeof ReviewUpdateSchema>;

export const ReviewAnalysisCreateSchema = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 10_000 }),
    suggested_action: Type.Optional(Text()),
    author_id: Type.Optional(CloneType(IdSchema, { description: "Only for keys without a member; a member's key always writes as that member" })),
  },
  { $id: 'ReviewAnalysisCreate', additionalProperties: false },
);
export type ReviewAnalysisCreate = Static<typeof ReviewAnalysisCreateSchema>;

export const ReviewListSchema = ListSchema(Ref(ReviewSchema), 'ReviewList');
export const ReviewListQuerySchema = pageQuery({
  week: Type.Optional(IsoWeekSchema),
  due_week: Type.Optional(IsoWeekSchema),
  status: Type.Optional(StringEnum(REVIEW_STATUSES)),
  owner_id: Type.Optional(IdSchema),
  subject_type: Type.Optional(StringEnum(SUBJECT_TYPES)),
  subject_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});

export const REVIEW_SCHEMAS = [
  DataPointSchema,
  ReviewOutcomeSchema,
  ReviewAnalysisSchema,
  ReviewSchema,
  ReviewCreateSchema,
  ReviewUpdateSchema,
  ReviewAnalysisCreateSchema,
  ReviewListSchema,
];
