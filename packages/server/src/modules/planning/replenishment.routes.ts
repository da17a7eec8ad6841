import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  ProductPlanningSchema,
  ProductPlanningUpdateSchema,
  ProductReplenishmentListSchema,
  ProductReplenishmentSchema,
  Ref,
  ReplenishmentListQuerySchema,
  ReplenishmentQuerySchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as planning from './product-planning.service.ts';
import * as replenishment from './replenishment.service.ts';

const replenishmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/replenishment',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listReplenishment',
        tags: ['planning'],
        summary: 'Every active product, most urgent reorder first',
        description:
          'Ordered by days until the latest order date (overdue first, products without sales last). Each product is planned on `logistics_channel_id`, ' +
          'else on its default channel, else on the slowest active channel. Formulas: docs/diagnostics.md.',
        querystring: ReplenishmentListQuerySchema,
        response: { 200: Ref(ProductReplenishmentListSchema), ...problems(404) },
      },
    },
    async (request) => {
      const { limit, cursor, ...query } = request.query;
      return replenishment.listReplenishment(contextOf(request), query, { limit, cursor });
    },
  );

  app.get(
    '/v1/products/:id/replenishment',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getProductReplenishment',
        tags: ['planning'],
        summary: "A product's sales velocity, stock, and reorder options per logistics channel",
        description: 'One option for `logistics_channel_id`, else one per active logistics channel of the workspace.',
        params: IdParamsSchema,
        querystring: ReplenishmentQuerySchema,
        response: { 200: Ref(ProductReplenishmentSchema), ...problems(404) },
      },
    },
    async (request) => replenishment.getReplenishment(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/products/:id/planning',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getProductPlanning',
        tags: ['planning'],
        summary: "A product's replenishment inputs (null: the default)",
        params: IdParamsSchema,
        response: { 200: Ref(ProductPlanningSchema), ...problems(404) },
      },
    },
    async (request) => planning.getPlanning(contextOf(request), request.params.id),
  );

  app.put(
    '/v1/products/:id/planning',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'putProductPlanning',
        tags: ['planning'],
        summary: "Set a product's replenishment inputs (every field; one left out goes back to its default)",
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ProductPlanningUpdateSchema),
        response: { 200: Ref(ProductPlanningSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => planning.putPlanning(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );
};

export default replenishmentRoutes;
