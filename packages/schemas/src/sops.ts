import { CloneType, Type, type Static } from '@sinclair/typebox';
import { DateSchema, IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';

// ---- shared pieces ----

export const TemplateKeySchema = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,63}$',
  description: 'Stable key of a template in the workspace, e.g. product_lifecycle',
});
export const StepKeySchema = Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'Key of a step, unique in its template, e.g. keyword_research' });
const FieldKeySchema = Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'Key of the field in recorded data' });
const RoleSchema = Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'A responsible role, e.g. operator, designer, purchasing, finance' });

export const SUBJECT_TYPES = ['product', 'seller_account', 'marketplace'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SubjectSchema = Type.Object(
  {
    type: StringEnum(SUBJECT_TYPES, { description: 'product, seller_account or marketplace' }),
    id: Type.String({ minLength: 1, maxLength: 100, description: 'Id of the subject: a product id or ASIN, a seller account id, a marketplace code (US, DE, ...)' }),
  },
  { $id: 'Subject', additionalProperties: false, description: 'What a run or a review is about' },
);
export type Subject = Static<typeof SubjectSchema>;

export const FIELD_TYPES = ['number', 'text', 'date', 'choice', 'url'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const StepFieldSchema = Type.Object(
  {
    key: FieldKeySchema,
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: StringEnum(FIELD_TYPES, { description: 'number, text, date (YYYY-MM-DD), choice (one of options) or url (http/https link)' }),
    required: Type.Boolean({ description: 'Completing the step needs a value for this field' }),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50, uniqueItems: true, description: 'The allowed values of a choice field' })),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'Unit of a number, e.g. USD, units, %' })),
  },
  { $id: 'StepField', additionalProperties: false, description: 'A piece of data a step records, and its type' },
);
export type StepField = Static<typeof StepFieldSchema>;

const stepProperties = {
  key: StepKeySchema,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  instructions: Type.String({ maxLength: 10_000, description: 'How to do the step: the training text' }),
  default_role: RoleSchema,
  depends_on: Type.Array(StepKeySchema, { maxItems: 50, uniqueItems: true, description: 'Keys of steps that must be done or skipped first' }),
  due_offset_days: Type.Integer({ minimum: 0, maximum: 365, description: 'Days after the latest due date of the steps it depends on (or the run start when it has none)' }),
  checklist: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
  fields: Type.Array(Ref(StepFieldSchema), { maxItems: 30 }),
  handoff: Type.Union([Type.String({ minLength: 1, maxLength: 1000 }), Type.Null()], { description: 'What the step hands to another department, and to whom' }),
};

export const SopStepSchema = Type.Object(stepProperties, { $id: 'SopStep', additionalProperties: false, description: 'A step of a template version' });
export type SopStep = Static<typeof SopStepSchema>;

export const SopStepInputSchema = Type.Object(
  {
    key: stepProperties.key,
    title: stepProperties.title,
    instructions: Type.Optional(CloneType(stepProperties.instructions, { default: '' })),
    default_role: stepProperties.default_role,
    depends_on: Type.Optional(CloneType(stepProperties.depends_on, { default: [] })),
    due_offset_days: Type.Optional(CloneType(stepProperties.due_offset_days, { default: 0 })),
    checklist: Type.Optional(CloneType(stepProperties.checklist, { default: [] })),
    fields: Type.Optional(CloneType(stepProperties.fields, { default: [] })),
    handoff: Type.Optional(CloneType(stepProperties.handoff, { default: null })),
  },
  { $id: 'SopStepInput', additionalProperties: false, description: 'A step as written: omitted lists are empty, an omitted offset is 0' },
);
export type SopStepInput = Static<typeof SopStepInputSchema>;

const StepsInputSchema = Type.Array(Ref(SopStepInputSchema), { minItems: 1, maxItems: 100 });
const NameSchema = Type.String({ minLength: 1, maxLength: 200 });
const CategorySchema = Type.String({ minLength: 1, maxLength: 64, description: 'e.g. product_lifecycle, research, listing, supply_chain, operations' });
const PurposeSchema = Type.String({ minLength: 1, maxLength: 10_000, description: 'Why the company works this way: the template is also training material' });
const ChangeNoteSchema = Type.String({ minLength: 1, maxLength: 2000, description: 'What changed in this version' });

// ---- templates and versions ----

export const SopTemplateSchema = Type.Object(
  {
    ...objectBase('sop_template'),
    key: TemplateKeySchema,
    name: Type.String(),
    category: Type.String(),
    purpose: Type.String(),
    latest_version: Type.Integer({ minimum: 1, description: 'Number of the latest published version; new runs use it by default' }),
    library_key: Type.Union([Type.String(), Type.Null()], { description: 'The starter-library template it was installed from, if any' }),
    steps: Type.Array(Ref(SopStepSchema), { description: 'The steps of the latest version' }),
  },
  { $id: 'SopTemplate', additionalProperties: false },
);
export type SopTemplate = Static<typeof SopTemplateSchema>;

export const SopTemplateVersionSchema = Type.Object(
  {
    ...objectBase('sop_template_version'),
    template_id: IdSchema,
    number: Type.Integer({ minimum: 1 }),
    name: Type.String(),
    category: Type.String(),
    purpose: Type.String(),
    change_note: Type.Union([Type.String(), Type.Null()]),
    steps: Type.Array(Ref(SopStepSchema)),
  },
  { $id: 'SopTemplateVersion', additionalProperties: false, description: 'A published version: never changes once published' },
);
export type SopTemplateVersion = Static<typeof SopTemplateVersionSchema>;

export const SopTemplateCreateSchema = Type.Object(
  { key: TemplateKeySchema, name: NameSchema, category: CategorySchema, purpose: PurposeSchema, steps: StepsInputSchema, change_note: Type.Optional(ChangeNoteSchema) },
  { $id: 'SopTemplateCreate', additionalProperties: false },
);
export type SopTemplateCreate = Static<typeof SopTemplateCreateSchema>;

export const SopTemplatePublishSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    category: Type.Optional(CategorySchema),
    purpose: Type.Optional(PurposeSchema),
    steps: StepsInputSchema,
    change_note: Type.Optional(ChangeNoteSchema),
  },
  { $id: 'SopTemplatePublish', additionalProperties: false, description: 'A new version: the full list of steps; name, category and purpose default to the latest version' },
);
export type SopTemplatePublish = Static<typeof SopTemplatePublishSchema>;

export const SopTemplateListSchema = ListSchema(Ref(SopTemplateSchema), 'SopTemplateList');
export const SopTemplateVersionListSchema = ListSchema(Ref(SopTemplateVersionSchema), 'SopTemplateVersionList');
export const SopTemplateListQuerySchema = pageQuery({
  category: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Search key and name' })),
});
export const SopTemplateVersionParamsSchema = Type.Object(
  { id: IdSchema, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

// ---- the starter library ----

export const SopLibraryTemplateSchema = Type.Object(
  {
    object: Type.Literal('sop_library_template'),
    key: TemplateKeySchema,
    name: Type.String(),
    category: Type.String(),
    purpose: Type.String(),
    steps: Type.Array(Ref(SopStepSchema)),
  },
  { $id: 'SopLibraryTemplate', additionalProperties: false, description: 'A built-in template that can be installed into the workspace' },
);
export type SopLibraryTemplate = Static<typeof SopLibraryTemplateSchema>;
export const SopLibraryListSchema = ListSchema(Ref(SopLibraryTemplateSchema), 'SopLibraryList');
export const SopLibraryParamsSchema = Type.Object({ key: TemplateKeySchema }, { additionalProperties: false });
export const SopLibraryInstallSchema = Type.Object(
  {
    key: Type.Optional(TemplateKeySchema),
    name: Type.Optional(NameSchema),
  },
  { $id: 'SopLibraryInstall', additionalProperties: false, description: 'Optional: install under another key or name (to install the same template twice)' },
);

// ---- runs ----

export const RUN_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const STEP_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_ACTIONS = ['start', 'block', 'unblock', 'complete', 'skip', 'reassign'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export const StepNoteSchema = Type.Object(
  {
    text: Type.String(),
    author_member_id: Type.Union([IdSchema, Type.Null()], { description: 'The member behind the API key that wrote it' }),
    api_key_id: Type.Union([IdSchema, Type.Null()]),
    created_at: TimestampSchema,
  },
  { $id: 'StepNote', additionalProperties: false },
);
export type StepNote = Static<typeof StepNoteSchema>;

const stepStateProperties = {
  key: StepKeySchema,
  position: Type.Integer({ minimum: 0, description: 'Order of the step in its template' }),
  title: Type.String(),
  default_role: Type.String(),
  depends_on: Type.Array(StepKeySchema),
  assignee_id: IdSchema,
  status: StringEnum(STEP_STATUSES, { description: 'todo, in_progress, blocked, done or skipped' }),
  due_date: DateSchema,
  overdue: Type.Boolean({ description: 'Unfinished, in an active run, and due before today (UTC)' }),
  waiting_on: Type.Array(StepKeySchema, { description: 'Steps it depends on that are neither done nor skipped' }),
  block_reason: Type.Union([Type.String(), Type.Null()]),
  skip_reason: Type.Union([Type.String(), Type.Null()]),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'What was recorded on completion, by field key' }),
  notes: Type.Array(Ref(StepNoteSchema)),
  started_at: Type.Union([TimestampSchema, Type.Null()]),
  finished_at: Type.Union([TimestampSchema, Type.Null()], { description: 'When it was done or skipped' }),
  updated_at: TimestampSchema,
};

export const SopRunStepSchema = Type.Object(stepStateProperties, { $id: 'SopRunStep', additionalProperties: false, description: 'A step of a run: one assignee, a status, a due date' });
export type SopRunStep = Static<typeof SopRunStepSchema>;

export const SopRunProgressSchema = Type.Object(
  {
    total: Type.Integer(),
    todo: Type.Integer(),
    in_progress: Type.Integer(),
    blocked: Type.Integer(),
    done: Type.Integer(),
    skipped: Type.Integer(),
    ratio: Type.Number({ description: '(done + skipped) / total' }),
  },
  { $id: 'SopRunProgress', additionalProperties: false },
);
export type SopRunProgress = Static<typeof SopRunProgressSchema>;

export const SopRunSchema = Type.Object(
  {
    ...objectBase('sop_run'),
    template_id: IdSchema,
    template_key: Type.String(),
    template_version: Type.Integer({ minimum: 1, description: 'The version the run is pinned to' }),
    title: Type.String(),
    subject: Type.Union([Ref(SubjectSchema), Type.Null()]),
    start_date: DateSchema,
    due_date: DateSchema,
    status: StringEnum(RUN_STATUSES, { description: 'active, completed (every step done or skipped) or cancelled' }),
    cancel_reason: Type.Union([Type.String(), Type.Null()]),
    completed_at: Type.Union([TimestampSchema, Type.Null()]),
    cancelled_at: Type.Union([TimestampSchema, Type.Null()]),
    progress: Ref(SopRunProgressSchema),
    overdue_steps: Type.Array(StepKeySchema),
    blocked_steps: Type.Array(StepKeySchema),
    steps: Type.Array(Ref(SopRunStepSchema)),
  },
  { $id: 'SopRun', additionalProperties: false },
);
export type SopRun = Static<typeof SopRunSchema>;

export const SopRunCreateSchema = Type.Object(
  {
    template_id: IdSchema,
    template_version: Type.Optional(Type.Integer({ minimum: 1, description: 'Defaults to the latest version' })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Defaults to the template name and the subject' })),
    subject: Type.Optional(Type.Union([Ref(SubjectSchema), Type.Null()])),
    start_date: Type.Optional(CloneType(DateSchema, { description: 'Defaults to today (UTC)' })),
    assignees: Type.Object(
      {
        steps: Type.Optional(Type.Record(StepKeySchema, IdSchema, { description: 'Member per step key; wins over roles' })),
        roles: Type.Optional(Type.Record(RoleSchema, IdSchema, { description: "Member per role: every step whose default_role it is" })),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'SopRunCreate', additionalProperties: false },
);
export type SopRunCreate = Static<typeof SopRunCreateSchema>;

export const SopRunUpdateSchema = Type.Object(
  {
    status: Type.Literal('cancelled'),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { $id: 'SopRunUpdate', additionalProperties: false, description: 'Cancel a run, with the reason' },
);

export const SopRunStepUpdateSchema = Type.Object(
  {
    action: Type.Optional(StringEnum(STEP_ACTIONS, { description: 'start, block, unblock, complete, skip or reassign; omit to only add a note' })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Required to block or skip' })),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'With complete: the values of the step fields, by key' })),
    assignee_id: Type.Optional(CloneType(IdSchema, { description: 'With reassign: the new assignee' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, description: 'Appended to the step notes' })),
  },
  { $id: 'SopRunStepUpdate', additionalProperties: false, minProperties: 1 },
);
export type SopRunStepUpdate = Static<typeof SopRunStepUpdateSchema>;

// Any text up to the key length: a key that is not in the run is 404, like an unknown id.
export const SopRunStepParamsSchema = Type.Object({ id: IdSchema, step_key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const SopRunListSchema = ListSchema(Ref(SopRunSchema), 'SopRunList');
export const SopRunListQuerySchema = pageQuery({
  status: Type.Optional(StringEnum(RUN_STATUSES)),
  template_id: Type.Optional(IdSchema),
  assignee_id: Type.Optional(CloneType(IdSchema, { description: 'Runs where this member holds a step' })),
  subject_type: Type.Optional(StringEnum(SUBJECT_TYPES)),
  subject_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  overdue: Type.Optional(Type.Boolean({ description: 'true: active runs with an overdue step; false: runs without one' })),
});

/** A run step listed across runs: the step with where it belongs. */
export const SopOpenStepSchema = Type.Object(
  {
    object: Type.Literal('sop_run_step'),
    run_id: IdSchema,
    run_title: Type.String(),
    template_id: IdSchema,
    subject: Type.Union([Ref(SubjectSchema), Type.Null()]),
    ...stepStateProperties,
  },
  { $id: 'SopRunStepListed', additionalProperties: false },
);
export type SopRunStepListed = Static<typeof SopOpenStepSchema>;
export const SopRunStepListSchema = ListSchema(Ref(SopOpenStepSchema), 'SopRunStepList');
export const SopRunStepListQuerySchema = pageQuery({
  assignee_id: Type.Optional(IdSchema),
  status: Type.Optional(StringEnum(STEP_STATUSES)),
  overdue: Type.Optional(Type.Boolean({ description: 'true: only unfinished steps of active runs due before today' })),
  due_before: Type.Optional(CloneType(DateSchema, { description: 'Only steps due before this date' })),
});

export const SOP_SCHEMAS = [
  SubjectSchema,
  StepFieldSchema,
  SopStepSchema,
  SopStepInputSchema,
  SopTemplateSchema,
  SopTemplateVersionSchema,
  SopTemplateCreateSchema,
  SopTemplatePublishSchema,
  SopTemplateListSchema,
  SopTemplateVersionListSchema,
  SopLibraryTemplateSchema,
  SopLibraryListSchema,
  SopLibraryInstallSchema,
  StepNoteSchema,
  SopRunStepSchema,
  SopRunProgressSchema,
  SopRunSchema,
  SopRunCreateSchema,
  SopRunUpdateSchema,
  SopRunStepUpdateSchema,
  SopRunListSchema,
  SopOpenStepSchema,
  SopRunStepListSchema,
];
