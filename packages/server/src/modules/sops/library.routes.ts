import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ref, SopLibraryInstallSchema, SopLibraryListSchema, SopLibraryParamsSchema, SopTemplateSchema } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './library.service.ts';

const libraryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/sop-library',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listSopLibrary',
        tags: ['sops'],
        summary: 'The built-in starter templates',
        description: 'The product lifecycle master SOP and the workflow tables beside it: keyword research, competitor analysis, inventory management, the reorder plan, the listing build and the daily operations checklist.',
        response: { 200: Ref(SopLibraryListSchema) },
      },
    },
    async () => service.listLibrary(),
  );

  app.post(
    '/v1/sop-library/:key/install',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'installSopLibraryTemplate',
        tags: ['sops'],
        summary: 'Copy a starter template into the workspace as a new template (version 1)',
        description: 'The copy is the workspace\'s own: publish new versions of it freely. Installed under the library key unless `key` says otherwise; a key already taken is 409.',
        params: SopLibraryParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(SopLibraryInstallSchema),
        response: { 201: Ref(SopTemplateSchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.installFromLibrary(contextOf(request), request.params.key, request.body ?? {})),
  );
};

export default libraryRoutes;
