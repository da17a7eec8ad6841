import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { Application, ApplicationStage, Candidate, Role, RoleLevel } from '@sellerops/schemas';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { byId } from '../../graphql/loaders.ts';
import { requireScope } from '../../plugins/auth.ts';
import { NotFound } from '../../lib/errors.ts';
import * as applications from './applications.service.ts';
import * as candidatesRepo from './candidates.repository.ts';
import { toCandidate } from './candidates.service.ts';
import { rankRoles } from './ranking.service.ts';
import * as rolesRepo from './roles.repository.ts';
import * as roles from './roles.service.ts';
import { summarizeApplications } from './summary.service.ts';

const typeDefs = /* GraphQL */ `
  type RubricLevel {
    score: Int!
    anchor: String!
  }
  type RubricDimension {
    key: String!
    name: String!
    description: String!
    weight: Float!
    levels: [RubricLevel!]!
    "A mean score below this rules the candidate out; null when the dimension is no knock-out."
    knock_out_minimum: Int
  }
  type Rubric {
    version: Int!
    dimensions: [RubricDimension!]!
    created_at: String!
  }
  type RecommendationTally {
    strong_no: Int!
    no: Int!
    yes: Int!
    strong_yes: Int!
  }
  type InterviewerBias {
    interviewer_id: ID!
    compared_scorecards: Int!
    mean_deviation: Float!
    bias: Float!
  }
  type Calibration {
    method: String!
    shrinkage: Float!
    interviewers: [InterviewerBias!]!
  }
  type RankingEntry {
    rank: Int!
    application_id: ID!
    candidate_id: ID!
    candidate_name: String
    stage: String!
    raw_score: Float
    calibrated_score: Float
    knocked_out: Boolean!
    knock_outs: [String!]!
    scorecard_count: Int!
    recommendations: RecommendationTally!
    work_sample_score: Float
  }
  type RoleRanking {
    role_id: ID!
    calibration: Calibration!
    entries: [RankingEntry!]!
  }
  type Role {
    id: ID!
    name: String!
    level: String!
    description: String
    library_key: String
    rubric: Rubric!
    "Candidates of the role side by side (batched across roles)."
    ranking: RoleRanking!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type Candidate {
    id: ID!
    name: String
    email: String
    phone: String
    source: String
    years_experience: Float
    style: String
    erased_at: String
    created_at: String!
    updated_at: String!
    version: Int!
  }
  type PanelSeat {
    interviewer_id: ID!
    stage: String!
  }
  type DimensionSummary {
    key: String!
    name: String!
    weight: Float!
    knock_out_minimum: Int
    score_count: Int!
    mean: Float
    spread: Float
    stddev: Float
  }
  type TriggeredKnockOut {
    dimension_key: String!
    name: String!
    minimum: Int!
    mean: Float!
  }
  type ApplicationSummary {
    rubric_version: Int!
    weighted_score: Float
    scored_weight_share: Float!
    dimensions: [DimensionSummary!]!
    knock_outs: [TriggeredKnockOut!]!
    knocked_out: Boolean!
    recommendations: RecommendationTally!
    scorecard_count: Int!
    missing_scorecards: [PanelSeat!]!
  }
  type Application {
    id: ID!
    candidate_id: ID!
    role_id: ID!
    stage: String!
    rejection_reason: String
    panel: [PanelSeat!]!
    stage_changed_at: String!
    "The role applied to (batched)."
    role: Role
    "The candidate (batched)."
    candidate: Candidate
    "Scores so far (batched)."
    summary: ApplicationSummary!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('Role')}
  ${connectionType('Application')}
  extend type Query {
    "Needs hiring:read."
    roles(first: Int, after: String, level: String): RoleConnection!
    "Needs hiring:read."
    role(id: ID!): Role
    "Needs hiring:read."
    applications(first: Int, after: String, role_id: ID, candidate_id: ID, stage: String): ApplicationConnection!
    "Needs hiring:read."
    application(id: ID!): Application
  }
`;

type Args<T> = ConnectionArgs & T;

/** null rather than an error for an unknown id, as GraphQL clients expect of a nullable field. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

/**
 * Roles and applications for BI tools, under hiring:read only. Every field, nested
 * ones included, checks the scope, so no path through the schema reaches hiring data
 * without it. Nested lookups are batched: one set of queries per level, not per row.
 */
export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        roles: async (_: unknown, args: Args<{ level?: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          return toConnection(await roles.listRoles(ctx.service, { level: (args.level ?? undefined) as RoleLevel | undefined }, pageRequest(args)));
        },
        role: async (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          return orNull(roles.getRole(ctx.service, args.id));
        },
        applications: async (_: unknown, args: Args<{ role_id?: string; candidate_id?: string; stage?: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          const filter = { role_id: args.role_id ?? undefined, candidate_id: args.candidate_id ?? undefined, stage: (args.stage ?? undefined) as ApplicationStage | undefined };
          return toConnection(await applications.listApplications(ctx.service, filter, pageRequest(args)));
        },
        application: async (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          return orNull(applications.getApplication(ctx.service, args.id));
        },
      },
      RubricDimension: {
        knock_out_minimum: (d: { knock_out: { minimum: number } | null }) => d.knock_out?.minimum ?? null,
      },
    });
    app.graphql.defineLoaders({
      Role: {
        ranking: async (queries: Array<{ obj: Role }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          const rankings = await rankRoles(ctx.service, [...new Set(queries.map((q) => q.obj.id))]);
          return queries.map((q) => rankings.get(q.obj.id));
        },
      },
      Application: {
        role: byId<Application, Role>(
          (a) => a.role_id,
          async (ids, ctx) => {
            requireScope(ctx.auth, 'hiring:read');
            return roles.rolesWithRubrics(ctx.service, await rolesRepo.findRolesByIds(ctx.service.db, ctx.auth.workspaceId, ids));
          },
        ),
        candidate: byId<Application, Candidate>(
          (a) => a.candidate_id,
          async (ids, ctx) => {
            requireScope(ctx.auth, 'hiring:read');
            return (await candidatesRepo.findCandidatesByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toCandidate);
          },
        ),
        summary: async (queries: Array<{ obj: Application }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'hiring:read');
          const summaries = await summarizeApplications(ctx.service, [...new Set(queries.map((q) => q.obj.id))]);
          return queries.map((q) => summaries.get(q.obj.id));
        },
      },
    });
  },
  { name: 'hiring-graphql', dependencies: ['graphql'] },
);

