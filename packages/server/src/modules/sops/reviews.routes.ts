import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  Ref,
  ReviewAnalysisCreateSchema,
  ReviewAnalysisSchema,
  ReviewCreateSchema,
  ReviewListQuerySchema,
  ReviewListSchema,
  ReviewSchema,
  ReviewUpdateSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './reviews.service.ts';

const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/reviews',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listReviews',
        tags: ['reviews'],
        summary: 'List weekly reviews, latest week first, with their analyses',
        description: '`due_week` lists the reviews whose effect is to be measured that week.',
        querystring: ReviewListQuerySchema,
        response: { 200: Ref(ReviewListSchema) },
      },
    },
    async (request) => {
      const { week, due_week, status, owner_id, subject_type, subject_id } = request.query;
      return service.listReviews(contextOf(request), { week, due_week, status, owner_id, subject_type, subject_id }, request.query);
    },
  );

  app.post(
    '/v1/reviews',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'createReview',
        tags: ['reviews'],
        summary: 'Open a review: the problem, the data behind it, the diagnosis, the action and its expected effect',
        headers: IdempotencyHeaders,
        body: Ref(ReviewCreateSchema),
        response: { 201: Ref(ReviewSchema), ...problems(422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createReview(contextOf(request), request.body)),
  );

  app.get(
    '/v1/reviews/:id',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getReview',
        tags: ['reviews'],
        summary: 'One review with every analysis',
        params: IdParamsSchema,
        response: { 200: Ref(ReviewSchema), ...problems(404) },
      },
    },
    async (request) => service.getReview(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/reviews/:id',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'updateReview',
        tags: ['reviews'],
        summary: 'Change a review; record the action taken, then the measured outcome',
        description: 'Status moves forward only: open -> acted (needs an action) -> evaluated (needs an outcome with the measured effect).',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ReviewUpdateSchema),
        response: { 200: Ref(ReviewSchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request) => service.updateReview(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.post(
    '/v1/reviews/:id/analyses',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'addReviewAnalysis',
        tags: ['reviews'],
        summary: 'Add your analysis to a review',
        description: "The author is the member of the API key; a key without a member names `author_id`. A review keeps every analysis with its author.",
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(ReviewAnalysisCreateSchema),
        response: { 201: Ref(ReviewAnalysisSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.addAnalysis(contextOf(request), request.params.id, request.body)),
  );
};

export default reviewRoutes;
