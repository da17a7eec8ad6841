import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  pageQuery,
  Ref,
  RenewalsQuerySchema,
  ResourceCreateSchema,
  ResourceHistorySchema,
  ResourceKindListSchema,
  ResourceListQuerySchema,
  ResourceListSchema,
  ResourceSchema,
  ResourceUpdateSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import { resourceKinds } from './attributes.ts';
import { rejectSecrets } from './reject-secrets.ts';
import * as service from './resources.service.ts';

const resourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preValidation', rejectSecrets);

  app.get(
    '/v1/resource-kinds',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listResourceKinds',
        tags: ['resources'],
        summary: 'Every kind of resource, with the JSON Schema of its attributes',
        response: { 200: Ref(ResourceKindListSchema), ...problems(422) },
      },
    },
    async () => ({ object: 'list' as const, data: resourceKinds(), next_cursor: null }),
  );

  // Registered before /v1/resources/:id, which it must not be taken for.
  app.get(
    '/v1/resources/renewals',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listResourceRenewals',
        tags: ['resources'],
        summary: 'What renews or expires soon, soonest first',
        description: 'Resources that are not retired and renew or expire within `within_days` (default 30); overdue ones come first.',
        querystring: RenewalsQuerySchema,
        response: { 200: Ref(ResourceListSchema), ...problems(422) },
      },
    },
    async (request) => service.listRenewals(contextOf(request), request.query.within_days ?? 30, request.query),
  );

  app.get(
    '/v1/resources',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'listResources',
        tags: ['resources'],
        summary: 'List resources, filtered by kind, status, tag, owner, text or renewal date',
        querystring: ResourceListQuerySchema,
        response: { 200: Ref(ResourceListSchema), ...problems(422) },
      },
    },
    async (request) => {
      const { key, kind, status, tag, owner_member_id, q, renews_before } = request.query;
      return service.listResources(contextOf(request), { key, kind, status, tag, owner_member_id, q, renews_before }, request.query);
    },
  );

  app.post(
    '/v1/resources',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'createResource',
        tags: ['resources'],
        summary: 'Register a resource',
        description: 'Attributes are validated against the kind. A full card number anywhere, or a field named like a secret, is refused with `secret_rejected`.',
        headers: IdempotencyHeaders,
        body: Ref(ResourceCreateSchema),
        response: { 201: Ref(ResourceSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createResource(contextOf(request), request.body)),
  );

  app.get(
    '/v1/resources/:id',
    {
      config: { scope: 'resources:read' },
      schema: { operationId: 'getResource', tags: ['resources'], summary: 'One resource', params: IdParamsSchema, response: { 200: Ref(ResourceSchema), ...problems(404, 422) } },
    },
    async (request) => service.getResource(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/resources/:id',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'updateResource',
        tags: ['resources'],
        summary: 'Change a resource',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ResourceUpdateSchema),
        response: { 200: Ref(ResourceSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateResource(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/v1/resources/:id',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'archiveResource',
        tags: ['resources'],
        summary: 'Archive a resource: it becomes retired and keeps its history',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(ResourceSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.archiveResource(contextOf(request), request.params.id, expectedVersion(request)),
  );

  app.get(
    '/v1/resources/:id/history',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'getResourceHistory',
        tags: ['resources'],
        summary: 'Every change of a resource: who, when, and the field diff, newest first',
        params: IdParamsSchema,
        querystring: pageQuery({}),
        response: { 200: Ref(ResourceHistorySchema), ...problems(404, 422) },
      },
    },
    async (request) => service.resourceHistory(contextOf(request), request.params.id, request.query),
  );
};

export default resourceRoutes;
