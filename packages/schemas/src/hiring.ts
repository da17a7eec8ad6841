import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';

// ---- rubrics ----

export const ROLE_LEVELS = ['junior', 'operator', 'senior', 'lead', 'manager'] as const;
export type RoleLevel = (typeof ROLE_LEVELS)[number];
export const RoleLevelSchema = StringEnum(ROLE_LEVELS, { description: 'junior, operator, senior, lead or manager' });

const DimensionKeySchema = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Stable key of a rubric dimension, e.g. keyword_research' });
const ScoreSchema = Type.Integer({ minimum: 1, maximum: 5, description: 'A score from 1 (weak) to 5 (outstanding)' });

export const RubricLevelSchema = Type.Object(
  {
    score: ScoreSchema,
    anchor: Type.String({ minLength: 1, maxLength: 1000, description: 'What an answer or a piece of work at this score looks like' }),
  },
  { $id: 'RubricLevel', additionalProperties: false },
);
export type RubricLevel = Static<typeof RubricLevelSchema>;

export const KnockOutSchema = Type.Object(
  { minimum: Type.Integer({ minimum: 2, maximum: 5, description: 'A mean score below this rules the candidate out, whatever the total' }) },
  { $id: 'KnockOut', additionalProperties: false },
);

export const RubricDimensionSchema = Type.Object(
  {
    key: DimensionKeySchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Relative weight; the weighted score divides by the sum of weights' }),
    levels: Type.Array(Ref(RubricLevelSchema), { minItems: 5, maxItems: 5, description: 'One anchor for each score 1-5' }),
    knock_out: Type.Optional(Type.Union([Ref(KnockOutSchema), Type.Null()])),
  },
  { $id: 'RubricDimension', additionalProperties: false },
);
export type RubricDimension = Static<typeof RubricDimensionSchema>;

const DimensionsSchema = Type.Array(Ref(RubricDimensionSchema), { minItems: 1, maxItems: 20 });

export const RubricSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'Raised each time the dimensions change; scorecards keep the version they were made on' }),
    dimensions: Type.Array(Ref(RubricDimensionSchema)),
    created_at: TimestampSchema,
  },
  { $id: 'Rubric', additionalProperties: false },
);
export type Rubric = Static<typeof RubricSchema>;

// ---- roles ----

export const RoleSchema = Type.Object(
  {
    ...objectBase('role'),
    name: Type.String(),
    level: RoleLevelSchema,
    description: Type.Union([Type.String(), Type.Null()]),
    library_key: Type.Union([Type.String(), Type.Null()], { description: 'The rubric library entry it was installed from, if any' }),
    rubric: Ref(RubricSchema),
  },
  { $id: 'Role', additionalProperties: false },
);
export type Role = Static<typeof RoleSchema>;

export const RoleCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    level: RoleLevelSchema,
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    dimensions: DimensionsSchema,
  },
  { $id: 'RoleCreate', additionalProperties: false },
);
export const RoleUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    level: Type.Optional(RoleLevelSchema),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    dimensions: Type.Optional(Type.Array(Ref(RubricDimensionSchema), { minItems: 1, maxItems: 20, description: 'Publishes a new rubric version' })),
  },
  { $id: 'RoleUpdate', additionalProperties: false, minProperties: 1 },
);
export const RoleListQuerySchema = pageQuery({ level: Type.Optional(RoleLevelSchema) });
export const RoleGetQuerySchema = Type.Object(
  { rubric_version: Type.Optional(Type.Integer({ minimum: 1, description: 'Show this earlier rubric version instead of the current one' })) },
  { additionalProperties: false },
);

// ---- rubric library ----

export const RubricTemplateSchema = Type.Object(
  {
    key: Type.String(),
    object: Type.Literal('rubric_template'),
    kind: StringEnum(['role', 'work_sample'] as const, { description: 'role: installable as a role; work_sample: the rubric every work sample is scored on' }),
    name: Type.String(),
    level: Type.Union([RoleLevelSchema, Type.Null()]),
    description: Type.String(),
    dimensions: Type.Array(Ref(RubricDimensionSchema)),
    question_count: Type.Integer({ description: 'Starter questions installed with the role' }),
  },
  { $id: 'RubricTemplate', additionalProperties: false },
);
export type RubricTemplate = Static<typeof RubricTemplateSchema>;
export const RubricInstallSchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Name of the new role (default: the template name)' })) },
  { $id: 'RubricInstall', additionalProperties: false },
);
export const RubricKeyParamsSchema = Type.Object({ key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }) }, { additionalProperties: false });

// ---- questions ----

const SignalsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 20 });

export const QuestionSchema = Type.Object(
  {
    ...objectBase('question'),
    text: Type.String(),
    dimension_key: DimensionKeySchema,
    role_id: Type.Union([IdSchema, Type.Null()], { description: 'The role it belongs to; null for a question shared by every role' }),
    strong_signals: Type.Array(Type.String(), { description: 'What a strong answer shows' }),
    weak_signals: Type.Array(Type.String(), { description: 'What a weak answer shows' }),
    tags: Type.Array(Type.String()),
  },
  { $id: 'Question', additionalProperties: false },
);
export type Question = Static<typeof QuestionSchema>;
const TagsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, uniqueItems: true });
export const QuestionCreateSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    dimension_key: DimensionKeySchema,
    role_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    strong_signals: SignalsSchema,
    weak_signals: SignalsSchema,
    tags: Type.Optional(TagsSchema),
  },
  { $id: 'QuestionCreate', additionalProperties: false },
);
export const QuestionUpdateSchema = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    dimension_key: Type.Optional(DimensionKeySchema),
    role_id: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    strong_signals: Type.Optional(SignalsSchema),
    weak_signals: Type.Optional(SignalsSchema),
    tags: Type.Optional(TagsSchema),
  },
  { $id: 'QuestionUpdate', additionalProperties: false, minProperties: 1 },
);
export const QuestionListQuerySchema = pageQuery({
  role_id: Type.Optional(IdSchema),
  dimension_key: Type.Optional(DimensionKeySchema),
  tag: Type.Optional(Type.String({ maxLength: 50 })),
});
export const DeletedSchema = Type.Object(
  { id: IdSchema, object: Type.String(), deleted: Type.Literal(true) },
  { $id: 'Deleted', additionalProperties: false, description: 'The object is gone' },
);

// ---- candidates ----

export const CANDIDATE_SOURCES = ['referral', 'job_board', 'agency', 'direct', 'other'] as const;
export const CANDIDATE_STYLES = ['steady', 'long_term', 'quick_win', 'unknown'] as const;

export const CandidateSchema = Type.Object(
  {
    ...objectBase('candidate'),
    name: Type.Union([Type.String(), Type.Null()], { description: 'null once erased' }),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    resume_text: Type.Union([Type.String(), Type.Null()]),
    resume_url: Type.Union([Type.String(), Type.Null()]),
    background: Type.Union([Type.String(), Type.Null()], { description: 'Education, languages, long-term commitments, time management' }),
    followed_sources: Type.Array(Type.String(), { description: 'Communities, accounts and topics the candidate follows' }),
    notes: Type.Union([Type.String(), Type.Null()]),
    source: Type.Union([StringEnum(CANDIDATE_SOURCES), Type.Null()], { description: 'How the candidate reached us' }),
    years_experience: Type.Union([Type.Number(), Type.Null()]),
    style: Type.Union([StringEnum(CANDIDATE_STYLES), Type.Null()], { description: 'Working style their followed sources suggest: steady, long-term or quick-win' }),
    erased_at: Type.Union([TimestampSchema, Type.Null()], { description: 'Set when the personal data was erased; scores stay, anonymous' }),
  },
  { $id: 'Candidate', additionalProperties: false },
);
export type Candidate = Static<typeof CandidateSchema>;

const candidateFields = {
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 40 }), Type.Null()])),
  resume_text: Type.Optional(Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()])),
  resume_url: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 2000 }), Type.Null()])),
  background: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  followed_sources: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 })),
  notes: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  source: Type.Optional(Type.Union([StringEnum(CANDIDATE_SOURCES), Type.Null()])),
  years_experience: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 60 }), Type.Null()])),
  style: Type.Optional(Type.Union([StringEnum(CANDIDATE_STYLES), Type.Null()])),
};
export const CandidateCreateSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...candidateFields },
  { $id: 'CandidateCreate', additionalProperties: false },
);
export const CandidateUpdateSchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...candidateFields },
  { $id: 'CandidateUpdate', additionalProperties: false, minProperties: 1 },
);
// No free-text search: personal data never travels in a URL, where access logs would keep it.
export const CandidateListQuerySchema = pageQuery({ erased: Type.Optional(Type.Boolean({ description: 'true: only erased candidates; false: only active ones' })) });

// ---- applications ----

export const APPLICATION_STAGES = ['screen', 'interview', 'work_sample', 'decision', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];
export const ApplicationStageSchema = StringEnum(APPLICATION_STAGES, { description: 'screen, interview, work_sample, decision, hired, rejected or withdrawn' });
/** Stages at which interviewers assess (the terminal stages take no scorecards). */
export const ASSESSMENT_STAGES = ['screen', 'interview', 'work_sample', 'decision'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];
export const AssessmentStageSchema = StringEnum(ASSESSMENT_STAGES, { description: 'screen, interview, work_sample or decision' });

export const PanelSeatSchema = Type.Object(
  { interviewer_id: IdSchema, stage: AssessmentStageSchema },
  { $id: 'PanelSeat', additionalProperties: false, description: 'An interviewer expected to hand in a scorecard at a stage' },
);
const PanelSchema = Type.Array(Ref(PanelSeatSchema), { maxItems: 50 });

export const ApplicationSchema = Type.Object(
  {
    ...objectBase('application'),
    candidate_id: IdSchema,
    role_id: IdSchema,
    stage: ApplicationStageSchema,
    rejection_reason: Type.Union([Type.String(), Type.Null()]),
    panel: Type.Array(Ref(PanelSeatSchema)),
    stage_changed_at: TimestampSchema,
  },
  { $id: 'Application', additionalProperties: false },
);
export type Application = Static<typeof ApplicationSchema>;
export const ApplicationCreateSchema = Type.Object(
  { candidate_id: IdSchema, role_id: IdSchema, panel: Type.Optional(PanelSchema) },
  { $id: 'ApplicationCreate', additionalProperties: false },
);
export const ApplicationUpdateSchema = Type.Object(
  {
    stage: Type.Optional(ApplicationStageSchema),
    rejection_reason: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: 'Required when moving to rejected' })),
    panel: Type.Optional(PanelSchema),
  },
  { $id: 'ApplicationUpdate', additionalProperties: false, minProperties: 1 },
);
export const ApplicationListQuerySchema = pageQuery({
  role_id: Type.Optional(IdSchema),
  candidate_id: Type.Optional(IdSchema),
  stage: Type.Optional(ApplicationStageSchema),
});

// ---- scorecards ----

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RecommendationSchema = StringEnum(RECOMMENDATIONS);

export const DimensionScoreSchema = Type.Object(
  {
    dimension_key: DimensionKeySchema,
    score: ScoreSchema,
    evidence: Type.Union([Type.String({ maxLength: 4000 }), Type.Null()], { description: 'What the candidate said or did that justifies the score' }),
  },
  { $id: 'DimensionScore', additionalProperties: false },
);
export type DimensionScore = Static<typeof DimensionScoreSchema>;
const ScoresSchema = Type.Array(Ref(DimensionScoreSchema), { minItems: 1, maxItems: 20 });

export const ScorecardSchema = Type.Object(
  {
    ...objectBase('scorecard'),
    application_id: IdSchema,
    interviewer_id: IdSchema,
    stage: AssessmentStageSchema,
    rubric_version: Type.Integer({ description: 'The rubric version the scores refer to' }),
    scores: Type.Array(Ref(DimensionScoreSchema)),
    recommendation: RecommendationSchema,
    notes: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Scorecard', additionalProperties: false },
);
export type Scorecard = Static<typeof ScorecardSchema>;
export const ScorecardCreateSchema = Type.Object(
  {
    interviewer_id: IdSchema,
    stage: AssessmentStageSchema,
    scores: ScoresSchema,
    recommendation: RecommendationSchema,
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  },
  { $id: 'ScorecardCreate', additionalProperties: false },
);
export const ScorecardUpdateSchema = Type.Object(
  {
    scores: Type.Optional(Type.Array(Ref(DimensionScoreSchema), { minItems: 1, maxItems: 20, description: 'Replaces the scores of the dimensions given; others stay' })),
    recommendation: Type.Optional(RecommendationSchema),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  },
  { $id: 'ScorecardUpdate', additionalProperties: false, minProperties: 1 },
);

// ---- application summary ----

const RecommendationTallySchema = Type.Object(
  { strong_no: Type.Integer(), no: Type.Integer(), yes: Type.Integer(), strong_yes: Type.Integer() },
  { $id: 'RecommendationTally', additionalProperties: false },
);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const ApplicationSummarySchema = Type.Object(
  {
    object: Type.Literal('application_summary'),
    application_id: IdSchema,
    role_id: IdSchema,
    stage: ApplicationStageSchema,
    rubric_version: Type.Integer({ description: 'The rubric whose weights are applied: the newest version any scorecard was made on' }),
    weighted_score: Type.Union([Type.Number(), Type.Null()], { description: 'Sum of weight x dimension mean over the scored dimensions, divided by their weights; 1-5' }),
    scored_weight_share: Type.Number({ description: 'Share of the rubric weight that has at least one score (0-1)' }),
    dimensions: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          name: Type.String(),
          weight: Type.Number(),
          knock_out_minimum: Type.Union([Type.Integer(), Type.Null()]),
          score_count: Type.Integer(),
          mean: NullableNumber,
          spread: Type.Union([Type.Number(), Type.Null()], { description: 'Highest minus lowest score between interviewers' }),
          stddev: Type.Union([Type.Number(), Type.Null()], { description: 'Population standard deviation of the scores' }),
          scores: Type.Array(Type.Object({ interviewer_id: IdSchema, stage: AssessmentStageSchema, score: Type.Integer() }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    knock_outs: Type.Array(
      Type.Object({ dimension_key: Type.String(), name: Type.String(), minimum: Type.Integer(), mean: Type.Number() }, { additionalProperties: false }),
      { description: 'Knock-out dimensions whose mean is below their minimum' },
    ),
    knocked_out: Type.Boolean(),
    recommendations: Ref(RecommendationTallySchema),
    scorecard_count: Type.Integer(),
    missing_scorecards: Type.Array(Ref(PanelSeatSchema), { description: 'Panel seats without a scorecard' }),
    work_samples: Type.Array(Type.Object({ id: IdSchema, weighted_score: Type.Number(), tactics_only: Type.Boolean() }, { additionalProperties: false })),
  },
  { $id: 'ApplicationSummary', additionalProperties: false },
);
export type ApplicationSummary = Static<typeof ApplicationSummarySchema>;

// ---- work samples ----

export const WorkSampleSchema = Type.Object(
  {
    ...objectBase('work_sample'),
    application_id: IdSchema,
    reviewer_id: Type.Union([IdSchema, Type.Null()]),
    assignment: Type.Union([Type.String(), Type.Null()], { description: 'The task as given; null once the candidate is erased' }),
    product_ref: Type.Union([Type.String(), Type.Null()], { description: 'The product the task was about, e.g. an ASIN' }),
    submission_text: Type.Union([Type.String(), Type.Null()]),
    submission_url: Type.Union([Type.String(), Type.Null()]),
    scores: Type.Array(Ref(DimensionScoreSchema)),
    weighted_score: Type.Number({ description: 'Weighted score on the work-sample rubric, 1-5' }),
    analysis_score: Type.Number({ description: 'Mean of the four analysis dimensions (everything but tactics)' }),
    tactics_only: Type.Boolean({ description: 'True when tactics outscore the analysis they should rest on by 1.5 points or more' }),
  },
  { $id: 'WorkSample', additionalProperties: false },
);
export type WorkSample = Static<typeof WorkSampleSchema>;
export const WorkSampleCreateSchema = Type.Object(
  {
    reviewer_id: Type.Optional(IdSchema),
    assignment: Type.String({ minLength: 1, maxLength: 10_000 }),
    product_ref: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    submission_text: Type.Optional(Type.String({ minLength: 1, maxLength: 200_000 })),
    submission_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    scores: Type.Array(Ref(DimensionScoreSchema), { minItems: 5, maxItems: 5, description: 'One score per work-sample rubric dimension' }),
  },
  { $id: 'WorkSampleCreate', additionalProperties: false },
);

// ---- knowledge frameworks and maps ----

/** A node of a knowledge tree. Recursive, so written as plain JSON Schema with a $ref to itself. */
export const KnowledgeNodeSchema = Type.Unsafe<KnowledgeNode>({
  $id: 'KnowledgeNode',
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 300 },
    keywords: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 100 }, description: 'Other words for the same area (framework nodes)' },
    children: { type: 'array', maxItems: 200, items: { $ref: 'KnowledgeNode' } },
  },
});
export interface KnowledgeNode {
  title: string;
  keywords?: string[];
  children?: KnowledgeNode[];
}

export const KnowledgeFrameworkSchema = Type.Object(
  {
    ...objectBase('knowledge_framework'),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    library_key: Type.Union([Type.String(), Type.Null()]),
    tree: Ref(KnowledgeNodeSchema),
  },
  { $id: 'KnowledgeFramework', additionalProperties: false },
);
export type KnowledgeFramework = Static<typeof KnowledgeFrameworkSchema>;
export const KNOWLEDGE_STARTERS = ['amazon_operations'] as const;
export const KnowledgeFrameworkCreateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    tree: Type.Optional(Ref(KnowledgeNodeSchema)),
    starter: Type.Optional(StringEnum(KNOWLEDGE_STARTERS, { description: 'Copy a starter framework instead of giving a tree' })),
  },
  { $id: 'KnowledgeFrameworkCreate', additionalProperties: false, description: 'Give either tree (with name) or starter' },
);

export const KNOWLEDGE_MAP_FORMATS = ['json', 'markdown', 'opml'] as const;
export const KnowledgeMapCreateSchema = Type.Object(
  {
    framework_id: IdSchema,
    candidate_id: Type.Optional(IdSchema),
    member_id: Type.Optional(IdSchema),
    format: StringEnum(KNOWLEDGE_MAP_FORMATS, { description: 'json: `tree`; markdown (an outline of headings or nested list items) or opml: `text`' }),
    tree: Type.Optional(Ref(KnowledgeNodeSchema)),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 500_000 })),
  },
  { $id: 'KnowledgeMapCreate', additionalProperties: false, description: 'For exactly one of candidate_id or member_id' },
);

export const KnowledgeComparisonSchema = Type.Object(
  {
    coverage: Type.Number({ description: 'Share of the framework areas the map touches (0-1)' }),
    branches: Type.Array(
      Type.Object(
        { title: Type.String(), areas: Type.Integer(), covered: Type.Integer(), coverage: Type.Number(), deepest_match: Type.Integer({ description: 'Deepest map level at which this branch is matched (0: not matched)' }) },
        { additionalProperties: false },
      ),
    ),
    node_count: Type.Integer(),
    depth: Type.Integer({ description: 'Levels below the root' }),
    breadth: Type.Integer({ description: 'Top-level branches' }),
    structure: Type.Object(
      {
        score: Type.Number({ description: '(grouping + coherence) / 2, 0-1' }),
        grouping: Type.Number({ description: 'Share of nodes that sit inside a group rather than loose at the top level' }),
        coherence: Type.Number({ description: 'How consistently each group holds one framework branch' }),
        label: StringEnum(['structured', 'partly_structured', 'flat'] as const),
      },
      { additionalProperties: false },
    ),
    missing_areas: Type.Array(Type.Object({ path: Type.Array(Type.String()), title: Type.String() }, { additionalProperties: false })),
    suggested_training: Type.Array(
      Type.Object(
        {
          area: Type.String(),
          templates: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), category: Type.String() }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    training_source: Type.Union([Type.String(), Type.Null()], { description: 'Where training suggestions came from (null when no SOP templates are available)' }),
  },
  { $id: 'KnowledgeComparison', additionalProperties: false },
);
export type KnowledgeComparison = Static<typeof KnowledgeComparisonSchema>;

export const KnowledgeMapSchema = Type.Object(
  {
    ...objectBase('knowledge_map'),
    framework_id: IdSchema,
    candidate_id: Type.Union([IdSchema, Type.Null()]),
    member_id: Type.Union([IdSchema, Type.Null()]),
    format: StringEnum(KNOWLEDGE_MAP_FORMATS),
    tree: Type.Union([Ref(KnowledgeNodeSchema), Type.Null()], { description: 'The map as parsed; null once the candidate is erased' }),
    comparison: Ref(KnowledgeComparisonSchema),
  },
  { $id: 'KnowledgeMap', additionalProperties: false },
);
export type KnowledgeMap = Static<typeof KnowledgeMapSchema>;

// ---- ranking ----

export const RoleRankingSchema = Type.Object(
  {
    object: Type.Literal('role_ranking'),
    role_id: IdSchema,
    calibration: Type.Object(
      {
        method: Type.String(),
        shrinkage: Type.Number({ description: 'k in bias = n / (n + k) x mean deviation' }),
        interviewers: Type.Array(
          Type.Object(
            {
              interviewer_id: IdSchema,
              compared_scorecards: Type.Integer({ description: 'Scorecards that had at least one other interviewer on the same dimension' }),
              mean_deviation: Type.Number({ description: 'Mean of (own score - mean of the others) over those scorecards' }),
              bias: Type.Number({ description: 'The shrunk correction subtracted from every score of this interviewer' }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    entries: Type.Array(
      Type.Object(
        {
          rank: Type.Integer(),
          application_id: IdSchema,
          candidate_id: IdSchema,
          candidate_name: Type.Union([Type.String(), Type.Null()]),
          stage: ApplicationStageSchema,
          raw_score: NullableNumber,
          calibrated_score: NullableNumber,
          knocked_out: Type.Boolean(),
          knock_outs: Type.Array(Type.String()),
          scorecard_count: Type.Integer(),
          recommendations: Ref(RecommendationTallySchema),
          work_sample_score: Type.Union([Type.Number(), Type.Null()], { description: 'Best work-sample weighted score' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'RoleRanking', additionalProperties: false },
);
export type RoleRanking = Static<typeof RoleRankingSchema>;

export const RoleListSchema = ListSchema(Ref(RoleSchema), 'RoleList');
export const RubricTemplateListSchema = ListSchema(Ref(RubricTemplateSchema), 'RubricTemplateList');
export const QuestionListSchema = ListSchema(Ref(QuestionSchema), 'QuestionList');
export const CandidateListSchema = ListSchema(Ref(CandidateSchema), 'CandidateList');
export const ApplicationListSchema = ListSchema(Ref(ApplicationSchema), 'ApplicationList');
export const ScorecardListSchema = ListSchema(Ref(ScorecardSchema), 'ScorecardList');
export const WorkSampleListSchema = ListSchema(Ref(WorkSampleSchema), 'WorkSampleList');
export const KnowledgeFrameworkListSchema = ListSchema(Ref(KnowledgeFrameworkSchema), 'KnowledgeFrameworkList');
export const KnowledgeFrameworkListQuerySchema = pageQuery({});

export const HIRING_SCHEMAS = [
  RubricLevelSchema,
  KnockOutSchema,
  RubricDimensionSchema,
  RubricSchema,
  RoleSchema,
  RoleCreateSchema,
  RoleUpdateSchema,
  RubricTemplateSchema,
  RubricInstallSchema,
  QuestionSchema,
  QuestionCreateSchema,
  QuestionUpdateSchema,
  DeletedSchema,
  CandidateSchema,
  CandidateCreateSchema,
  CandidateUpdateSchema,
  PanelSeatSchema,
  ApplicationSchema,
  ApplicationCreateSchema,
  ApplicationUpdateSchema,
  DimensionScoreSchema,
  ScorecardSchema,
  ScorecardCreateSchema,
  ScorecardUpdateSchema,
  RecommendationTallySchema,
  ApplicationSummarySchema,
  WorkSampleSchema,
  WorkSampleCreateSchema,
  KnowledgeNodeSchema,
  KnowledgeFrameworkSchema,
  KnowledgeFrameworkCreateSchema,
  KnowledgeMapCreateSchema,
  KnowledgeComparisonSchema,
  KnowledgeMapSchema,
  RoleRankingSchema,
  RoleListSchema,
  RubricTemplateListSchema,
  QuestionListSchema,
  CandidateListSchema,
  ApplicationListSchema,
  ScorecardListSchema,
  WorkSampleListSchema,
  KnowledgeFrameworkListSchema,
];
