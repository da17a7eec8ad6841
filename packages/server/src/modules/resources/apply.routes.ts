import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InventorySchema, Ref, ResourceApplyResultSchema, ResourceApplySchema, ResourceExportQuerySchema } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './apply.service.ts';
import { rejectSecrets } from './reject-secrets.ts';
import { acceptYaml, sendAs } from './yaml-body.ts';

/** A response in JSON or, with `Accept: application/yaml`, YAML. */
const jsonOrYaml = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'application/yaml': { schema } },
});

const applyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  acceptYaml(app);
  app.addHook('preValidation', rejectSecrets);

  // Registered before /v1/resources/:id, which it must not be taken for.
  app.get(
    '/v1/resources/export',
    {
      config: { scope: 'resources:read' },
      schema: {
        operationId: 'exportResources',
        tags: ['resources'],
        summary: 'The inventory as a document that apply accepts (JSON, or YAML with Accept: application/yaml)',
        description: 'Every resource in key order with its outgoing relations by key; empty fields are left out. `kind` and `tag` export a part.',
        querystring: ResourceExportQuerySchema,
        response: { 200: jsonOrYaml(Ref(InventorySchema), 'The inventory'), ...problems(422) },
      },
    },
    async (request, reply) => sendAs(request, reply, await service.exportInventory(contextOf(request), request.query)),
  );

  app.post(
    '/v1/resources/apply',
    {
      config: { scope: 'resources:write' },
      schema: {
        operationId: 'applyResources',
        tags: ['resources'],
        summary: 'Apply an inventory document: create, update and (with prune) archive, all or nothing',
        description:
          'Matches by key. `dry_run: true` answers the plan (create, update with the field diff, unchanged, archive) and changes nothing. ' +
          '`prune: true` archives the resources the `selector` (kind, tag) covers that the document does not list. ' +
          'Any invalid item rejects the whole document with one error per problem. Send JSON, or YAML with Content-Type: application/yaml.',
        consumes: ['application/json', 'application/yaml'],
        headers: IdempotencyHeaders,
        body: Ref(ResourceApplySchema),
        response: { 200: jsonOrYaml(Ref(ResourceApplyResultSchema), 'The plan, and whether it was carried out'), ...problems(422) },
      },
    },
    async (request, reply) => sendAs(request, reply, await service.applyInventory(contextOf(request), request.body)),
  );
};

export default applyRoutes;
