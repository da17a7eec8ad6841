import { CloneType, Type, type Static } from '@sinclair/typebox';
import { DateSchema, IdSchema, ListSchema, Ref, StringEnum, TimestampSchema, objectBase, pageQuery } from './common.ts';
import { StepFieldSchema } from './sops.ts';

export const CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CHECKLIST_SUBJECT_TYPES = ['product', 'seller_account'] as const;
export const ChecklistSubjectSchema = Type.Object(
  {
    type: StringEnum(CHECKLIST_SUBJECT_TYPES, { description: 'product or seller_account' }),
    id: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { $id: 'ChecklistSubject', additionalProperties: false, description: 'The product or seller account a checklist is about' },
);
export type ChecklistSubject = Static<typeof ChecklistSubjectSchema>;

const WeekdaySchema = Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday of a weekly checklist: 1 Monday ... 7 Sunday' });
const DayOfMonthSchema = Type.Integer({ minimum: 1, maximum: 31, description: 'Day of a monthly checklist; in shorter months, the last day' });

export const ChecklistSchema = Type.Object(
  {
    ...objectBase('checklist'),
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    cadence: StringEnum(CADENCES, { description: 'daily, weekly or monthly' }),
    weekday: Type.Union([WeekdaySchema, Type.Null()]),
    day_of_month: Type.Union([DayOfMonthSchema, Type.Null()]),
    assignee_id: IdSchema,
    subject: Type.Union([Ref(ChecklistSubjectSchema), Type.Null()]),
    record: Type.Union([Ref(StepFieldSchema), Type.Null()], { description: 'The value a completion records, e.g. the order count' }),
    active_from: DateSchema,
    active_until: Type.Union([DateSchema, Type.Null()], { description: 'Last day with an occurrence; null: open-ended' }),
  },
  { $id: 'Checklist', additionalProperties: false, description: 'A recurring task of one person, per day, week or month' },
);
export type Checklist = Static<typeof ChecklistSchema>;

const TitleSchema = Type.String({ minLength: 1, maxLength: 200 });
const DescriptionSchema = Type.Union([Type.String({ maxLength: 5000 }), Type.Null()]);

export const ChecklistCreateSchema = Type.Object(
  {
    title: TitleSchema,
    description: Type.Optional(DescriptionSchema),
    cadence: StringEnum(CADENCES),
    weekday: Type.Optional(WeekdaySchema),
    day_of_month: Type.Optional(DayOfMonthSchema),
    assignee_id: IdSchema,
    subject: Type.Optional(Type.Union([Ref(ChecklistSubjectSchema), Type.Null()])),
    record: Type.Optional(Type.Union([Ref(StepFieldSchema), Type.Null()])),
    active_from: Type.Optional(CloneType(DateSchema, { description: 'Defaults to today (UTC)' })),
    active_until: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  },
  { $id: 'ChecklistCreate', additionalProperties: false },
);
export type ChecklistCreate = Static<typeof ChecklistCreateSchema>;

export const ChecklistUpdateSchema = Type.Object(
  {
    title: Type.Optional(TitleSchema),
    description: Type.Optional(DescriptionSchema),
    assignee_id: Type.Optional(IdSchema),
    subject: Type.Optional(Type.Union([Ref(ChecklistSubjectSchema), Type.Null()])),
    record: Type.Optional(Type.Union([Ref(StepFieldSchema), Type.Null()])),
    active_until: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  },
  {
    $id: 'ChecklistUpdate',
    additionalProperties: false,
    minProperties: 1,
    description:
      'The schedule (cadence, day, start) is fixed so that past completion keeps meaning what it meant: to change it, end this checklist with active_until and create another. ' +
      'A new assignee takes over the open occurrences from today on; earlier occurrences stay with whoever held them.',
  },
);
export type ChecklistUpdate = Static<typeof ChecklistUpdateSchema>;

export const ChecklistListSchema = ListSchema(Ref(ChecklistSchema), 'ChecklistList');
export const ChecklistListQuerySchema = pageQuery({
  assignee_id: Type.Optional(IdSchema),
  cadence: Type.Optional(StringEnum(CADENCES)),
  active_on: Type.Optional(CloneType(DateSchema, { description: 'Only checklists active on this date' })),
  subject_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ChecklistTaskSchema = Type.Object(
  {
    ...objectBase('checklist_task'),
    checklist_id: IdSchema,
    title: Type.String(),
    cadence: StringEnum(CADENCES),
    subject: Type.Union([Ref(ChecklistSubjectSchema), Type.Null()]),
    due_date: DateSchema,
    assignee_id: IdSchema,
    status: StringEnum(TASK_STATUSES, { description: 'open or done' }),
    overdue: Type.Boolean({ description: 'Open and due before today (UTC)' }),
    on_time: Type.Union([Type.Boolean(), Type.Null()], { description: 'Done on or before its due date (UTC); null while open' }),
    completed_at: Type.Union([TimestampSchema, Type.Null()]),
    completed_by_member_id: Type.Union([IdSchema, Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
    value: Type.Union([Type.String(), Type.Number(), Type.Null()], { description: 'The value recorded, checked against the checklist record field' }),
  },
  { $id: 'ChecklistTask', additionalProperties: false, description: 'One occurrence of a checklist' },
);
export type ChecklistTask = Static<typeof ChecklistTaskSchema>;

export const ChecklistTaskListSchema = ListSchema(Ref(ChecklistTaskSchema), 'ChecklistTaskList');
export const ChecklistTaskListQuerySchema = pageQuery({
  date: Type.Optional(CloneType(DateSchema, { description: "A day: daily tasks of that day, weekly tasks of its ISO week, monthly tasks of its month. Defaults to today (UTC)" })),
  assignee_id: Type.Optional(IdSchema),
  checklist_id: Type.Optional(IdSchema),
});

export const ChecklistTaskUpdateSchema = Type.Object(
  {
    status: StringEnum(TASK_STATUSES, { description: 'done completes the task; open reopens it' }),
    note: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 5000 }), Type.Null()])),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Null()])),
  },
  { $id: 'ChecklistTaskUpdate', additionalProperties: false },
);
export type ChecklistTaskUpdate = Static<typeof ChecklistTaskUpdateSchema>;

export const COMPLETION_GROUPS = ['assignee', 'checklist', 'day'] as const;
export type CompletionGroup = (typeof COMPLETION_GROUPS)[number];

const completionCounts = {
  expected: Type.Integer({ description: 'Occurrences in the period' }),
  done: Type.Integer({ description: 'Completed, on time or late' }),
  on_time: Type.Integer({ description: 'Completed on or before the due date' }),
  late: Type.Integer({ description: 'Completed after the due date' }),
  missed: Type.Integer({ description: 'Not completed and past the due date' }),
  pending: Type.Integer({ description: 'Not completed, due today or later' }),
  on_time_rate: Type.Union([Type.Number(), Type.Null()], { description: 'on_time / (done + missed); null when nothing was due' }),
};

export const ChecklistCompletionGroupSchema = Type.Object(
  {
    key: Type.String({ description: 'Member id, checklist id or date, by group_by' }),
    label: Type.String({ description: 'Member name, checklist title or the date' }),
    ...completionCounts,
  },
  { $id: 'ChecklistCompletionGroup', additionalProperties: false },
);
export type ChecklistCompletionGroup = Static<typeof ChecklistCompletionGroupSchema>;

export const ChecklistCompletionSchema = Type.Object(
  {
    object: Type.Literal('checklist_completion'),
    from: DateSchema,
    to: DateSchema,
    group_by: StringEnum(COMPLETION_GROUPS),
    totals: Type.Object(completionCounts, { additionalProperties: false }),
    groups: Type.Array(Ref(ChecklistCompletionGroupSchema)),
  },
  { $id: 'ChecklistCompletion', additionalProperties: false, description: 'Done, missed and on-time rate of the occurrences due in a period' },
);
export type ChecklistCompletion = Static<typeof ChecklistCompletionSchema>;

export const ChecklistCompletionQuerySchema = Type.Object(
  {
    from: Type.Optional(CloneType(DateSchema, { description: 'First day (inclusive); defaults to 6 days before `to`' })),
    to: Type.Optional(CloneType(DateSchema, { description: 'Last day (inclusive); defaults to today (UTC)' })),
    group_by: Type.Optional(StringEnum(COMPLETION_GROUPS, { description: 'assignee (default), checklist or day' })),
    assignee_id: Type.Optional(IdSchema),
    checklist_id: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);

export const CHECKLIST_SCHEMAS = [
  ChecklistSubjectSchema,
  ChecklistSchema,
  ChecklistCreateSchema,
  ChecklistUpdateSchema,
  ChecklistListSchema,
  ChecklistTaskSchema,
  ChecklistTaskListSchema,
  ChecklistTaskUpdateSchema,
  ChecklistCompletionGroupSchema,
  ChecklistCompletionSchema,
];
