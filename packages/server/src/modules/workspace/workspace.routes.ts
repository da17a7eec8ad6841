import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApiKeyCreateSchema,
  ApiKeyListQuerySchema,
  ApiKeyListSchema,
  ApiKeySchema,
  ApiKeyWithSecretSchema,
  IdParamsSchema,
  MemberCreateSchema,
  MemberListQuerySchema,
  MemberListSchema,
  MemberSchema,
  MemberUpdateSchema,
  Ref,
  WorkspaceCreateSchema,
  WorkspaceCreatedSchema,
  WorkspaceSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './workspace.service.ts';

/** HTTP only: schema, one service call, status code. */
const workspaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/workspace',
    {
      config: { scope: 'authenticated' },
      schema: {
        operationId: 'getWorkspace',
        tags: ['workspace'],
        summary: "The caller's workspace",
        response: { 200: Ref(WorkspaceSchema) },
      },
    },
    async (request) => service.getWorkspace(contextOf(request)),
  );

  app.post(
    '/v1/workspaces',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createWorkspace',
        tags: ['workspace'],
        summary: 'Create a new workspace (a seller company) with its first admin key',
        description: 'The response holds the new admin key `secret`; it is shown only once.',
        headers: IdempotencyHeaders,
        body: Ref(WorkspaceCreateSchema),
        response: { 201: Ref(WorkspaceCreatedSchema), ...problems(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createWorkspace(contextOf(request), request.body)),
  );

  // ---- API keys ----

  app.get(
    '/v1/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listApiKeys',
        tags: ['workspace'],
        summary: 'List API keys (never their secrets)',
        querystring: ApiKeyListQuerySchema,
        response: { 200: Ref(ApiKeyListSchema) },
      },
    },
    async (request) => service.listApiKeys(contextOf(request), { revoked: request.query.revoked }, request.query),
  );

  app.post(
    '/v1/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createApiKey',
        tags: ['workspace'],
        summary: 'Create an API key',
        description: 'The response holds `secret`, shown only here: only its hash is stored.',
        headers: IdempotencyHeaders,
        body: Ref(ApiKeyCreateSchema),
        response: { 201: Ref(ApiKeyWithSecretSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createApiKey(contextOf(request), request.body)),
  );

  app.get(
    '/v1/api-keys/current',
    {
      config: { scope: 'authenticated' },
      schema: {
        operationId: 'getCurrentApiKey',
        tags: ['workspace'],
        summary: 'The API key making this request (any key may read itself)',
        response: { 200: Ref(ApiKeySchema) },
      },
    },
    async (request) => service.getApiKey(contextOf(request), request.auth.keyId),
  );

  app.get(
    '/v1/api-keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'getApiKey',
        tags: ['workspace'],
        summary: 'One API key',
        params: IdParamsSchema,
        response: { 200: Ref(ApiKeySchema), ...problems(404) },
      },
    },
    async (request) => service.getApiKey(contextOf(request), request.params.id),
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'revokeApiKey',
        tags: ['workspace'],
        summary: 'Revoke an API key',
        description: 'The key stops working at once; it stays listed with `revoked_at`. The last active admin key cannot be revoked.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(ApiKeySchema), ...problems(404, 409, 412) },
      },
    },
    async (request) => service.revokeApiKey(contextOf(request), request.params.id, expectedVersion(request)),
  );

  // ---- members ----

  app.get(
    '/v1/members',
    {
      config: { scope: 'authenticated' },
      schema: {
        operationId: 'listMembers',
        tags: ['workspace'],
        summary: 'List the people of the workspace',
        querystring: MemberListQuerySchema,
        response: { 200: Ref(MemberListSchema) },
      },
    },
    async (request) => {
      const { role, active, q } = request.query;
      return service.listMembers(contextOf(request), { role, active, q }, request.query);
    },
  );

  app.post(
    '/v1/members',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createMember',
        tags: ['workspace'],
        summary: 'Add a person to the workspace',
        headers: IdempotencyHeaders,
        body: Ref(MemberCreateSchema),
        response: { 201: Ref(MemberSchema), ...problems(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createMember(contextOf(request), request.body)),
  );

  app.get(
    '/v1/members/:id',
    {
      config: { scope: 'authenticated' },
      schema: {
        operationId: 'getMember',
        tags: ['workspace'],
        summary: 'One member',
        params: IdParamsSchema,
        response: { 200: Ref(MemberSchema), ...problems(404) },
      },
    },
    async (request) => service.getMember(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/members/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'updateMember',
        tags: ['workspace'],
        summary: 'Change a member (name, email, role, title, active)',
        description: 'Deactivating a member revokes their API keys.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(MemberUpdateSchema),
        response: { 200: Ref(MemberSchema), ...problems(404, 409, 412) },
      },
    },
    async (request) => service.updateMember(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/v1/members/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deactivateMember',
        tags: ['workspace'],
        summary: 'Remove a member from the workspace',
        description: 'Deactivates the member (kept for history: runs and audit events still name them) and revokes their API keys.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(MemberSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.deactivateMember(contextOf(request), request.params.id, expectedVersion(request)),
  );
};

export default workspaceRoutes;
