import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  PageQuerySchema,
  Ref,
  SopTemplateCreateSchema,
  SopTemplateListQuerySchema,
  SopTemplateListSchema,
  SopTemplatePublishSchema,
  SopTemplateSchema,
  SopTemplateVersionListSchema,
  SopTemplateVersionParamsSchema,
  SopTemplateVersionSchema,
} from '@sellerops/schemas';
import { Type } from '@sinclair/typebox';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './templates.service.ts';

const PublishHeaders = Type.Object({
  ...IdempotencyHeaders.properties,
  'if-match': Type.Optional(Type.String({ description: 'The template ETag you last read; publishing over a newer version is 412' })),
});

const templateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/sop-templates',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listSopTemplates',
        tags: ['sops'],
        summary: 'List SOP templates, each with the steps of its latest version',
        querystring: SopTemplateListQuerySchema,
        response: { 200: Ref(SopTemplateListSchema) },
      },
    },
    async (request) => {
      const { category, q } = request.query;
      return service.listTemplates(contextOf(request), { category, q }, request.query);
    },
  );

  app.post(
    '/v1/sop-templates',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'createSopTemplate',
        tags: ['sops'],
        summary: 'Create a template and publish its version 1',
        description:
          'Steps form a small graph through `depends_on`: unknown step keys and cycles are refused with 422, each at the path of the offending step. ' +
          'Field definitions are checked too (a choice needs options).',
        headers: IdempotencyHeaders,
        body: Ref(SopTemplateCreateSchema),
        response: { 201: Ref(SopTemplateSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createTemplate(contextOf(request), request.body)),
  );

  app.get(
    '/v1/sop-templates/:id',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getSopTemplate',
        tags: ['sops'],
        summary: 'One template with the steps of its latest version',
        params: IdParamsSchema,
        response: { 200: Ref(SopTemplateSchema), ...problems(404) },
      },
    },
    async (request) => service.getTemplate(contextOf(request), request.params.id),
  );

  app.get(
    '/v1/sop-templates/:id/versions',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listSopTemplateVersions',
        tags: ['sops'],
        summary: 'Every published version of a template, newest first',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: Ref(SopTemplateVersionListSchema), ...problems(404) },
      },
    },
    async (request) => service.listVersions(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/v1/sop-templates/:id/versions',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'publishSopTemplateVersion',
        tags: ['sops'],
        summary: 'Publish a new version of a template',
        description: 'Existing versions never change: runs keep the version they started on. New runs use the new version by default.',
        params: IdParamsSchema,
        headers: PublishHeaders,
        body: Ref(SopTemplatePublishSchema),
        response: { 201: Ref(SopTemplateVersionSchema), ...problems(404, 412, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.publishVersion(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );

  app.get(
    '/v1/sop-templates/:id/versions/:version',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getSopTemplateVersion',
        tags: ['sops'],
        summary: 'One published version of a template',
        params: SopTemplateVersionParamsSchema,
        response: { 200: Ref(SopTemplateVersionSchema), ...problems(404) },
      },
    },
    async (request) => service.getVersion(contextOf(request), request.params.id, request.params.version),
  );
};

export default templateRoutes;
