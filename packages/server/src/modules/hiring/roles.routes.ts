import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  Ref,
  RoleCreateSchema,
  RoleGetQuerySchema,
  RoleListQuerySchema,
  RoleListSchema,
  RoleRankingSchema,
  RoleSchema,
  RoleUpdateSchema,
  RubricInstallSchema,
  RubricKeyParamsSchema,
  RubricTemplateListSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as library from './library.service.ts';
import * as ranking from './ranking.service.ts';
import * as service from './roles.service.ts';

/** Roles, their versioned rubrics, the rubric library and the ranking of a role's candidates. */
const rolesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/roles',
    {
      config: { scope: 'hiring:read' },
      schema: { operationId: 'listRoles', tags: ['hiring'], summary: 'List roles with their current rubric', querystring: RoleListQuerySchema, response: { 200: Ref(RoleListSchema) } },
    },
    async (request) => service.listRoles(contextOf(request), { level: request.query.level }, request.query),
  );

  app.post(
    '/v1/roles',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'createRole',
        tags: ['hiring'],
        summary: 'Create a role with its rubric (version 1)',
        headers: IdempotencyHeaders,
        body: Ref(RoleCreateSchema),
        response: { 201: Ref(RoleSchema), ...problems(422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCustomRole(contextOf(request), request.body)),
  );

  app.get(
    '/v1/roles/:id',
    {
      config: { scope: 'hiring:read' },
      schema: {
        operationId: 'getRole',
        tags: ['hiring'],
        summary: 'One role, with its current rubric or an earlier version',
        params: IdParamsSchema,
        querystring: RoleGetQuerySchema,
        response: { 200: Ref(RoleSchema), ...problems(404) },
      },
    },
    async (request) => service.getRole(contextOf(request), request.params.id, request.query.rubric_version),
  );

  app.patch(
    '/v1/roles/:id',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'updateRole',
        tags: ['hiring'],
        summary: 'Change a role; new dimensions publish a new rubric version',
        description: 'Scorecards keep the rubric version they were made on; earlier versions stay readable with `?rubric_version=`.',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(RoleUpdateSchema),
        response: { 200: Ref(RoleSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateRole(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.get(
    '/v1/roles/:id/ranking',
    {
      config: { scope: 'hiring:read' },
      schema: {
        operationId: 'getRoleRanking',
        tags: ['hiring'],
        summary: "The role's candidates side by side: raw and calibrated weighted scores, knock-outs flagged",
        description: 'Candidates with a triggered knock-out come last. The calibration method is described in the response and in docs/hiring.md.',
        params: IdParamsSchema,
        response: { 200: Ref(RoleRankingSchema), ...problems(404) },
      },
    },
    async (request) => ranking.getRoleRanking(contextOf(request), request.params.id),
  );

  app.get(
    '/v1/rubric-library',
    {
      config: { scope: 'hiring:read' },
      schema: {
        operationId: 'listRubricTemplates',
        tags: ['hiring'],
        summary: 'Starter rubrics: senior operator or lead, junior operator, and the work-sample rubric',
        response: { 200: Ref(RubricTemplateListSchema) },
      },
    },
    async () => library.listRubricTemplates(),
  );

  app.post(
    '/v1/rubric-library/:key/install',
    {
      config: { scope: 'hiring:write' },
      schema: {
        operationId: 'installRubricTemplate',
        tags: ['hiring'],
        summary: 'Create a role from a library rubric, with its starter questions',
        params: RubricKeyParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(RubricInstallSchema),
        response: { 201: Ref(RoleSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await library.installRubricTemplate(contextOf(request), request.params.key, request.body ?? {})),
  );
};

export default rolesRoutes;
