import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CandidateCreateSchema, CandidateListQuerySchema, CandidateListSchema, CandidateSchema, CandidateUpdateSchema, IdParamsSchema, Ref } from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './candidates.service.ts';

/** Candidates: personal data, readable and writable with hiring scopes only, erasable on request. */
const candidatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/candidates',
    {
      config: { scope: 'hiring:read' },
      schema: {
        operationId: 'listCandidates',
        tags: ['hiring'],
        summary: 'List candidates',
        description: 'There is no search by name or email: personal data is kept out of URLs, which access logs record.',
        querystring: CandidateListQuerySchema,
        response: { 200: Ref(CandidateListSchema) },
      },
    },
    async (request) => service.listCandidates(contextOf(request), { erased: request.query.erased }, request.query),
  );

  app.post(
    '/v1/candidates',
    {
      config: { scope: 'hiring:write' },
      schema: { operationId: 'createCandidate', tags: ['hiring'], summary: 'Add a candidate', headers: IdempotencyHeaders, body: Ref(CandidateCreateSchema), response: { 201: Ref(CandidateSchema) } },
    },
    async (request, reply) => reply.code(201).send(await service.createCandidate(contextOf(request), request.body)),
  );

  app.get(
    '/v1/candidates/:id',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'getCandidate', tags: ['hiring'], summary: 'One candidate', params: IdParamsSchema, response: { 200: Ref(CandidateSchema), ...problems(404) } },
    },
    async (request) => service.getCandidate(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/candidates/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'updateCandidate',
        tags: ['hiring'],
        summary: 'Change a candidate',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(CandidateUpdateSchema),
        response: { 200: Ref(CandidateSchema), ...problems(404, 409, 412) },
      },
    },
    async (request) => service.updateCandidate(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/v1/candidates/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'eraseCandidate',
        tags: ['hiring'],
        summary: "Erase a candidate's personal data",
        description:
          'Clears name, contacts, résumé and every free text about the candidate (rejection reasons, scorecard evidence and notes, work samples, knowledge-map trees) and the stored idempotent responses that held them. Scores, recommendations and stages stay, anonymous. Erasing twice answers the erased candidate.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(CandidateSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.eraseCandidate(contextOf(request), request.params.id, expectedVersion(request)),
  );
};

export default candidatesRoutes;
