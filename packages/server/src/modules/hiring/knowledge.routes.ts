import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  KnowledgeFrameworkCreateSchema,
  KnowledgeFrameworkListQuerySchema,
  KnowledgeFrameworkListSchema,
  KnowledgeFrameworkSchema,
  KnowledgeMapCreateSchema,
  KnowledgeMapSchema,
  Ref,
} from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import type { TrainingSource } from './knowledge-maps/training-source.ts';
import * as service from './knowledge.service.ts';

/** Knowledge frameworks (the reference tree) and knowledge maps compared with them. */
const knowledgeRoutes = (training: () => TrainingSource): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/knowledge-frameworks',
      {
        config: { scope: 'hiring:read' },
        schema: { operationId: 'listKnowledgeFrameworks', tags: ['hiring'], summary: 'List knowledge frameworks', querystring: KnowledgeFrameworkListQuerySchema, response: { 200: Ref(KnowledgeFrameworkListSchema) } },
      },
      async (request) => service.listFrameworks(contextOf(request), request.query),
    );

    app.post(
      '/v1/knowledge-frameworks',
      {
        config: { scope: 'hiring:write' },
        schema: {
          operationId: 'createKnowledgeFramework',
          tags: ['hiring'],
          summary: 'Create a framework from a tree, or copy the starter framework of Amazon operations',
          headers: IdempotencyHeaders,
          body: Ref(KnowledgeFrameworkCreateSchema),
          response: { 201: Ref(KnowledgeFrameworkSchema), ...problems(422) },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createFramework(contextOf(request), request.body)),
    );

    app.get(
      '/v1/knowledge-frameworks/:id',
      {
        config: { scope: 'hiring:read' },
        schema: { operationId: 'getKnowledgeFramework', tags: ['hiring'], summary: 'One knowledge framework', params: IdParamsSchema, response: { 200: Ref(KnowledgeFrameworkSchema), ...problems(404) } },
      },
      async (request) => service.getFramework(contextOf(request), request.params.id),
    );

    app.post(
      '/v1/knowledge-maps',
      {
        config: { scope: 'hiring:write' },
        schema: {
          operationId: 'createKnowledgeMap',
          tags: ['hiring'],
          summary: "A candidate's or member's knowledge map, compared with a framework",
          description:
            'The map is a tree given as JSON (`tree`), a Markdown outline or OPML (`text`). The answer holds coverage per branch, depth, breadth, structure, missing areas and suggested training (SOP templates matching the gaps, when SOP templates exist).',
          headers: IdempotencyHeaders,
          body: Ref(KnowledgeMapCreateSchema),
          response: { 201: Ref(KnowledgeMapSchema), ...problems(422) },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createKnowledgeMap(contextOf(request), request.body, training())),
    );

    app.get(
      '/v1/knowledge-maps/:id',
      {
        config: { scope: 'hiring:read' },
        schema: { operationId: 'getKnowledgeMap', tags: ['hiring'], summary: 'One knowledge map with its comparison', params: IdParamsSchema, response: { 200: Ref(KnowledgeMapSchema), ...problems(404) } },
      },
      async (request) => service.getKnowledgeMap(contextOf(request), request.params.id),
    );
  };

export default knowledgeRoutes;
