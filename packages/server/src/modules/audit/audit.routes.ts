import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditEventListQuerySchema, AuditEventListSchema, Ref } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import * as service from './audit.service.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/audit-events',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'Every change: who (API key, member), what (before and after), when',
        description: 'Newest first. Filter by actor (API key id), object id, action (e.g. member.updated) and a time range.',
        querystring: AuditEventListQuerySchema,
        response: { 200: Ref(AuditEventListSchema) },
      },
    },
    async (request) => {
      const { actor_id, object_id, action, from, to } = request.query;
      return service.listAuditEvents(contextOf(request), { actor_id, object_id, action, from, to }, request.query);
    },
  );
};

export default auditRoutes;
