import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { Checklist, CompletionGroup, Member, Review, ReviewAnalysis, SopRun, SopRunStep, SopRunStepListed, SopTemplate } from '@sellerops/schemas';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { byId } from '../../graphql/loaders.ts';
import { NotFound } from '../../lib/errors.ts';
import { requireScope } from '../../plugins/auth.ts';
import { toMember } from '../workspace/workspace.mapping.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';
import * as checklists from './checklists.service.ts';
import { findChecklistsByIds } from './checklists.repository.ts';
import { toChecklist } from './checklists.mapping.ts';
import * as reviews from './reviews.service.ts';
import * as runs from './runs.service.ts';
import { toTemplate } from './templates.mapping.ts';
import { findTemplatesByIds } from './templates.repository.ts';
import * as templates from './templates.service.ts';

const typeDefs = /* GraphQL */ `
  type StepField {
    key: String!
    label: String!
    "number, text, date, choice or url"
    type: String!
    required: Boolean!
    options: [String!]
    unit: String
  }
  type SopStep {
    key: String!
    title: String!
    instructions: String!
    default_role: String!
    depends_on: [String!]!
    due_offset_days: Int!
    checklist: [String!]!
    fields: [StepField!]!
    handoff: String
  }
  type SopTemplate {
    id: ID!
    key: String!
    name: String!
    category: String!
    purpose: String!
    latest_version: Int!
    library_key: String
    "Steps of the latest version."
    steps: [SopStep!]!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type SopTemplateVersion {
    id: ID!
    template_id: ID!
    number: Int!
    name: String!
    category: String!
    purpose: String!
    change_note: String
    steps: [SopStep!]!
    created_at: String!
  }
  type Subject {
    "product, seller_account or marketplace"
    type: String!
    id: String!
  }
  type StepNote {
    text: String!
    author_member_id: ID
    api_key_id: ID
    created_at: String!
  }
  type SopRunStep {
    key: String!
    position: Int!
    title: String!
    default_role: String!
    depends_on: [String!]!
    assignee_id: ID!
    "The member who holds the step (batched)."
    assignee: Member
    "todo, in_progress, blocked, done or skipped"
    status: String!
    due_date: String!
    overdue: Boolean!
    waiting_on: [String!]!
    block_reason: String
    skip_reason: String
    data: JSON
    notes: [StepNote!]!
    started_at: String
    finished_at: String
    updated_at: String!
  }
  type SopRunProgress {
    total: Int!
    todo: Int!
    in_progress: Int!
    blocked: Int!
    done: Int!
    skipped: Int!
    ratio: Float!
  }
  type SopRun {
    id: ID!
    template_id: ID!
    "The template (batched); its steps are those of the latest version, the run's are its own."
    template: SopTemplate
    template_key: String!
    template_version: Int!
    title: String!
    subject: Subject
    start_date: String!
    due_date: String!
    "active, completed or cancelled"
    status: String!
    cancel_reason: String
    completed_at: String
    cancelled_at: String
    progress: SopRunProgress!
    overdue_steps: [String!]!
    blocked_steps: [String!]!
    steps: [SopRunStep!]!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  "A step of an active run, listed across runs."
  type SopRunStepListed {
    run_id: ID!
    run_title: String!
    template_id: ID!
    subject: Subject
    key: String!
    title: String!
    assignee_id: ID!
    "The member who holds the step (batched)."
    assignee: Member
    status: String!
    due_date: String!
    overdue: Boolean!
    waiting_on: [String!]!
    block_reason: String
  }
  type Checklist {
    id: ID!
    title: String!
    description: String
    "daily, weekly or monthly"
    cadence: String!
    weekday: Int
    day_of_month: Int
    assignee_id: ID!
    "The member who holds the checklist (batched)."
    assignee: Member
    subject: Subject
    record: StepField
    active_from: String!
    active_until: String
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type ChecklistCompletionCounts {
    expected: Int!
    done: Int!
    on_time: Int!
    late: Int!
    missed: Int!
    pending: Int!
    on_time_rate: Float
  }
  type ChecklistCompletionGroup {
    "Member id, checklist id or date, by group_by"
    key: String!
    label: String!
    expected: Int!
    done: Int!
    on_time: Int!
    late: Int!
    missed: Int!
    pending: Int!
    on_time_rate: Float
    "The member, when grouped by assignee (batched)."
    assignee: Member
    "The checklist, when grouped by checklist (batched)."
    checklist: Checklist
  }
  type ChecklistCompletion {
    from: String!
    to: String!
    group_by: String!
    totals: ChecklistCompletionCounts!
    groups: [ChecklistCompletionGroup!]!
  }
  type ReviewDataPoint {
    label: String!
    value: String!
    source: String
  }
  type ReviewOutcome {
    measured_effect: String!
    reason: String
    learning: String
  }
  type ReviewAnalysis {
    id: ID!
    review_id: ID!
    author_id: ID!
    "The member who wrote it (batched)."
    author: Member
    body: String!
    suggested_action: String
    created_at: String!
  }
  type Review {
    id: ID!
    week: String!
    subject: Subject
    problem: String!
    data_points: [ReviewDataPoint!]!
    diagnosis: String
    action: String
    expected_effect: String
    due_week: String!
    owner_id: ID
    "The member who carries out the action (batched)."
    owner: Member
    "open, acted or evaluated"
    status: String!
    outcome: ReviewOutcome
    acted_at: String
    evaluated_at: String
    analyses: [ReviewAnalysis!]!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('SopTemplate')}
  ${connectionType('SopRun')}
  ${connectionType('SopRunStepListed')}
  ${connectionType('Checklist')}
  ${connectionType('Review')}
  extend type Query {
    sop_templates(first: Int, after: String, category: String, q: String): SopTemplateConnection!
    sop_template(id: ID!): SopTemplate
    sop_template_version(template_id: ID!, number: Int!): SopTemplateVersion
    sop_runs(first: Int, after: String, status: String, template_id: ID, assignee_id: ID, subject_type: String, subject_id: String, overdue: Boolean): SopRunConnection!
    sop_run(id: ID!): SopRun
    sop_run_steps(first: Int, after: String, assignee_id: ID, status: String, overdue: Boolean, due_before: String): SopRunStepListedConnection!
    checklists(first: Int, after: String, assignee_id: ID, cadence: String, active_on: String): ChecklistConnection!
    checklist_completion(from: String, to: String, group_by: String, assignee_id: ID, checklist_id: ID): ChecklistCompletion!
    reviews(first: Int, after: String, week: String, due_week: String, status: String, owner_id: ID): ReviewConnection!
    review(id: ID!): Review
  }
`;

type Args<T> = ConnectionArgs & { [K in keyof T]?: T[K] | null };
type CompletionGroupRow = { key: string };

/** GraphQL passes null for an omitted argument; the services take undefined. */
function given<T extends Record<string, unknown>>(args: T): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v ?? undefined])) as never;
}

/** A single object by id: null rather than an error when it is not there, as GraphQL readers expect. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        sop_templates: async (_: unknown, args: Args<{ category: string; q: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          return toConnection(await templates.listTemplates(ctx.service, given({ category: args.category, q: args.q }), pageRequest(args)));
        },
        sop_template: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          return orNull(templates.getTemplate(ctx.service, args.id));
        },
        sop_template_version: (_: unknown, args: { template_id: string; number: number }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          return orNull(templates.getVersion(ctx.service, args.template_id, args.number));
        },
        sop_runs: async (
          _: unknown,
          args: Args<{ status: string; template_id: string; assignee_id: string; subject_type: string; subject_id: string; overdue: boolean }>,
          ctx: MercuriusContext,
        ) => {
          requireScope(ctx.auth, 'sop:read');
          const { status, template_id, assignee_id, subject_type, subject_id, overdue } = args;
          return toConnection(await runs.listRuns(ctx.service, given({ status, template_id, assignee_id, subject_type, subject_id, overdue }), pageRequest(args)));
        },
        sop_run: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          return orNull(runs.getRun(ctx.service, args.id));
        },
        sop_run_steps: async (_: unknown, args: Args<{ assignee_id: string; status: string; overdue: boolean; due_before: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          const { assignee_id, status, overdue, due_before } = args;
          return toConnection(await runs.listSteps(ctx.service, given({ assignee_id, status, overdue, due_before }), pageRequest(args)));
        },
        checklists: async (_: unknown, args: Args<{ assignee_id: string; cadence: string; active_on: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          const { assignee_id, cadence, active_on } = args;
          return toConnection(await checklists.listChecklists(ctx.service, given({ assignee_id, cadence, active_on }), pageRequest(args)));
        },
        checklist_completion: async (
          _: unknown,
          args: { from?: string | null; to?: string | null; group_by?: string | null; assignee_id?: string | null; checklist_id?: string | null },
          ctx: MercuriusContext,
        ) => {
          requireScope(ctx.auth, 'sop:read');
          const { from, to, assignee_id, checklist_id, group_by } = given(args);
          return checklists.completionReport(ctx.service, { from, to, assignee_id, checklist_id, group_by: group_by as CompletionGroup | undefined });
        },
        reviews: async (_: unknown, args: Args<{ week: string; due_week: string; status: string; owner_id: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          const { week, due_week, status, owner_id } = args;
          return toConnection(await reviews.listReviews(ctx.service, given({ week, due_week, status, owner_id }), pageRequest(args)));
        },
        review: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'sop:read');
          return orNull(reviews.getReview(ctx.service, args.id));
        },
      },
    });

    const members = async (ids: string[], ctx: MercuriusContext): Promise<Member[]> =>
      (await findMembersByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toMember);

    // Every nested lookup of one query level is one SQL statement, whatever the number of rows.
    app.graphql.defineLoaders({
      SopRun: {
        template: byId<SopRun, SopTemplate>(
          (run) => run.template_id,
          async (ids, ctx) => (await findTemplatesByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toTemplate),
        ),
      },
      SopRunStep: { assignee: byId<SopRunStep, Member>((step) => step.assignee_id, members) },
      SopRunStepListed: { assignee: byId<SopRunStepListed, Member>((step) => step.assignee_id, members) },
      Checklist: { assignee: byId<Checklist, Member>((c) => c.assignee_id, members) },
      ChecklistCompletionGroup: {
        assignee: byId<CompletionGroupRow, Member>((g) => (g.key.startsWith('mem_') ? g.key : null), members),
        checklist: byId<CompletionGroupRow, Checklist>(
          (g) => (g.key.startsWith('chk_') ? g.key : null),
          async (ids, ctx) => (await findChecklistsByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toChecklist),
        ),
      },
      Review: { owner: byId<Review, Member>((r) => r.owner_id, members) },
      ReviewAnalysis: { author: byId<ReviewAnalysis, Member>((a) => a.author_id, members) },
    });
  },
  { name: 'sops-graphql', dependencies: ['graphql'] },
);
