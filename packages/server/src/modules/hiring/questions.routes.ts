import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeletedSchema, IdParamsSchema, QuestionCreateSchema, QuestionListQuerySchema, QuestionListSchema, QuestionSchema, QuestionUpdateSchema, Ref } from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './questions.service.ts';

/** The question bank: questions tagged by rubric dimension and role. */
const questionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/questions',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'listQuestions', tags: ['hiring'], summary: 'List questions; filter by role, dimension or tag', querystring: QuestionListQuerySchema, response: { 200: Ref(QuestionListSchema) } },
    },
    async (request) => {
      const { role_id, dimension_key, tag } = request.query;
      return service.listQuestions(contextOf(request), { role_id, dimension_key, tag }, request.query);
    },
  );

  app.post(
    '/v1/questions',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'createQuestion',
        tags: ['hiring'],
        summary: 'Add a question with what a strong and a weak answer show',
        description: "With role_id, dimension_key must be a dimension of the role's current rubric.",
        headers: IdempotencyHeaders,
        body: Ref(QuestionCreateSchema),
        response: { 201: Ref(QuestionSchema), ...problems(422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createQuestion(contextOf(request), request.body)),
  );

  app.get(
    '/v1/questions/:id',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'getQuestion', tags: ['hiring'], summary: 'One question', params: IdParamsSchema, response: { 200: Ref(QuestionSchema), ...problems(404) } },
    },
    async (request) => service.getQuestion(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/questions/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'updateQuestion',
        tags: ['hiring'],
        summary: 'Change a question',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(QuestionUpdateSchema),
        response: { 200: Ref(QuestionSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateQuestion(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/v1/questions/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'deleteQuestion',
        tags: ['hiring'],
        summary: 'Delete a question',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(DeletedSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.deleteQuestion(contextOf(request), request.params.id, expectedVersion(request)),
  );
};

export default questionsRoutes;
