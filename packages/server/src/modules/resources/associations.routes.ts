import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AssociationListSchema, IdParamsSchema, pageQuery, Ref } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { problems } from '../../lib/route-schema.ts';
import * as service from './associations.service.ts';
import { rejectSecrets } from './reject-secrets.ts';

const associationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', rejectSecrets);

  app.get(
    '/v1/resources/:id/associations',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listResourceAssociations',
        tags: ['resources'],
        summary: 'Every other seller account that shares an identifying resource with this one, worst first',
        description:
          'Sharing is followed over relations in either direction, through phone numbers, cards, cloud servers, browser profiles and payment accounts ' +
          '(e.g. account -> browser profile -> cloud server), up to three relations away. Cloud servers with one IP are one identifier.',
        params: IdParamsSchema,
        querystring: pageQuery({}),
        response: { 200: Ref(AssociationListSchema), ...problems(404, 422) },
      },
    },
    async (request) => service.accountAssociations(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/association-risks',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listAssociationRisks',
        tags: ['resources'],
        summary: 'Every pair of seller accounts that share identifying resources, most shared first',
        querystring: pageQuery({}),
        response: { 200: Ref(AssociationListSchema), ...problems(422) },
      },
    },
    async (request) => service.associationRisks(contextOf(request), request.query),
  );
};

export default associationRoutes;
