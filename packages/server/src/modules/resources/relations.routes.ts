import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, Ref, RelationParamsSchema, ResourceRelationCreateSchema, ResourceRelationListQuerySchema, ResourceRelationListSchema, ResourceRelationSchema } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import { rejectSecrets } from './reject-secrets.ts';
import * as service from './relations.service.ts';

const relationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', rejectSecrets);

  app.get(
    '/v1/resources/:id/relations',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listResourceRelations',
        tags: ['resources'],
        summary: "A resource's relations, in either direction",
        params: IdParamsSchema,
        querystring: ResourceRelationListQuerySchema,
        response: { 200: Ref(ResourceRelationListSchema), ...problems(404, 422) },
      },
    },
    async (request) => {
      const { direction, type } = request.query;
      return service.listRelations(contextOf(request), request.params.id, { direction, type }, request.query);
    },
  );

  app.post(
    '/v1/resources/:id/relations',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'createResourceRelation',
        tags: ['resources'],
        summary: 'Relate this resource to another: it uses, is registered via, pays out to ... the other',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(ResourceRelationCreateSchema),
        response: { 201: Ref(ResourceRelationSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createRelation(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/resources/:id/relations/:relation_id',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'deleteResourceRelation',
        tags: ['resources'],
        summary: 'Remove a relation (from either of its ends); answers the relation removed',
        params: RelationParamsSchema,
        response: { 200: Ref(ResourceRelationSchema), ...problems(404, 422) },
      },
    },
    async (request) => service.deleteRelation(contextOf(request), request.params.id, request.params.relation_id),
  );
};

export default relationRoutes;
