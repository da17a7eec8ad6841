import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApplicationCreateSchema,
  ApplicationListQuerySchema,
  ApplicationListSchema,
  ApplicationSchema,
  ApplicationSummarySchema,
  ApplicationUpdateSchema,
  IdParamsSchema,
  Ref,
  ScorecardCreateSchema,
  ScorecardListSchema,
  ScorecardSchema,
  ScorecardUpdateSchema,
  WorkSampleCreateSchema,
  WorkSampleListSchema,
  WorkSampleSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './applications.service.ts';
import * as scorecards from './scorecards.service.ts';
import * as summary from './summary.service.ts';
import * as workSamples from './work-samples.service.ts';

/** Applications and what is recorded about them: scorecards, work samples, the summary. */
const applicationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/applications',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'listApplications', tags: ['hiring'], summary: 'List applications; filter by role, candidate or stage', querystring: ApplicationListQuerySchema, response: { 200: Ref(ApplicationListSchema) } },
    },
    async (request) => {
      const { role_id, candidate_id, stage } = request.query;
      return service.listApplications(contextOf(request), { role_id, candidate_id, stage }, request.query);
    },
  );

  app.post(
    '/v1/applications',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'createApplication',
        tags: ['hiring'],
        summary: 'A candidate applies to a role (starts at the screen stage)',
        headers: IdempotencyHeaders,
        body: Ref(ApplicationCreateSchema),
        response: { 201: Ref(ApplicationSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createApplication(contextOf(request), request.body)),
  );

  app.get(
    '/v1/applications/:id',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'getApplication', tags: ['hiring'], summary: 'One application', params: IdParamsSchema, response: { 200: Ref(ApplicationSchema), ...problems(404) } },
    },
    async (request) => service.getApplication(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/applications/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'updateApplication',
        tags: ['hiring'],
        summary: 'Move an application to another stage, or change its panel',
        description:
          'Allowed moves: screen -> interview; interview -> work_sample or decision; work_sample -> decision; decision -> hired; any open stage -> rejected (with rejection_reason) or withdrawn. Anything else is 409.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ApplicationUpdateSchema),
        response: { 200: Ref(ApplicationSchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request) => service.updateApplication(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.get(
    '/v1/applications/:id/summary',
    {
      config: { scope: 'hiring:read' },
      schema: {
        operationId: 'getApplicationSummary',
        tags: ['hiring'],
        summary: 'Weighted score, per-dimension mean and spread, knock-outs, recommendation tally, missing scorecards',
        params: IdParamsSchema,
        response: { 200: Ref(ApplicationSummarySchema), ...problems(404) },
      },
    },
    async (request) => summary.getApplicationSummary(contextOf(request), request.params.id),
  );

  app.get(
    '/v1/applications/:id/scorecards',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'listScorecards', tags: ['hiring'], summary: 'Every scorecard of an application (one page)', params: IdParamsSchema, response: { 200: Ref(ScorecardListSchema), ...problems(404) } },
    },
    async (request) => scorecards.listScorecards(contextOf(request), request.params.id),
  );

  app.post(
    '/v1/applications/:id/scorecards',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'createScorecard',
        tags: ['hiring'],
        summary: "An interviewer's scores and evidence per rubric dimension, and a recommendation",
        description: 'One scorecard per interviewer per stage: a second is 409 (edit the first with PATCH /v1/scorecards/{id}). The scorecard keeps the rubric version current when it was made.',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(ScorecardCreateSchema),
        response: { 201: Ref(ScorecardSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await scorecards.createScorecard(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/scorecards/:id',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'getScorecard', tags: ['hiring'], summary: 'One scorecard', params: IdParamsSchema, response: { 200: Ref(ScorecardSchema), ...problems(404) } },
    },
    async (request) => scorecards.getScorecard(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/scorecards/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'updateScorecard',
        tags: ['hiring'],
        summary: 'Edit a scorecard (If-Match required)',
        description: 'Scores given replace those of the same dimensions. Without If-Match the answer is 428.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ScorecardUpdateSchema),
        response: { 200: Ref(ScorecardSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request) => scorecards.updateScorecard(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.get(
    '/v1/applications/:id/work-samples',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'listWorkSamples', tags: ['hiring'], summary: 'Every work sample of an application (one page)', params: IdParamsSchema, response: { 200: Ref(WorkSampleListSchema), ...problems(404) } },
    },
    async (request) => workSamples.listWorkSamples(contextOf(request), request.params.id),
  );

  app.post(
    '/v1/applications/:id/work-samples',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'createWorkSample',
        tags: ['hiring'],
        summary: 'A work sample: the assignment, the submission and its scores on the work-sample rubric',
        description: 'Scores cover the five work-sample dimensions: product_attributes, competitor_analysis, market_positioning, resource_fit, tactics.',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(WorkSampleCreateSchema),
        response: { 201: Ref(WorkSampleSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await workSamples.createWorkSample(contextOf(request), request.params.id, request.body)),
  );
};

export default applicationsRoutes;
