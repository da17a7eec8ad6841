import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AlertListQuerySchema, AlertListSchema, AlertSchema, AlertUpdateSchema, IdParamsSchema, Ref } from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './alerts.service.ts';

const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/alerts',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listAlerts',
        tags: ['alerts'],
        summary: 'List alerts, newest first',
        description: 'Filter by status (open, acknowledged, resolved), product, rule, type, or the operator the alert was raised for.',
        querystring: AlertListQuerySchema,
        response: { 200: Ref(AlertListSchema) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.listAlerts(contextOf(request), filter, { limit, cursor });
    },
  );

  app.get(
    '/v1/alerts/:id',
    {
      config: { scope: 'metrics:read' },
      schema: { operationId: 'getAlert', tags: ['alerts'], summary: 'One alert', params: IdParamsSchema, response: { 200: Ref(AlertSchema), ...problems(404) } },
    },
    async (request) => service.getAlert(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/alerts/:id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'updateAlert',
        tags: ['alerts'],
        summary: 'Acknowledge or resolve an alert, or set its note',
        description: 'status acknowledged (from open) or resolved (from open or acknowledged); anything else is 409 invalid_transition.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(AlertUpdateSchema),
        response: { 200: Ref(AlertSchema), ...problems(404, 409, 412) },
      },
    },
    async (request) => service.updateAlert(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );
};

export default alertRoutes;
