import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, ProductCreateSchema, ProductListQuerySchema, ProductListSchema, ProductSchema, ProductUpdateSchema, Ref } from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './products.service.ts';

const productRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/products',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listProducts',
        tags: ['metrics'],
        summary: 'List the product catalog',
        querystring: ProductListQuerySchema,
        response: { 200: Ref(ProductListSchema) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.listProducts(contextOf(request), filter, { limit, cursor });
    },
  );

  app.post(
    '/v1/products',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'createProduct',
        tags: ['metrics'],
        summary: 'Add a product to the catalog',
        description: 'A product is unique per workspace by (marketplace, asin, sku): a second one is 409. GB is stored as UK.',
        headers: IdempotencyHeaders,
        body: Ref(ProductCreateSchema),
        response: { 201: Ref(ProductSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createProduct(contextOf(request), request.body)),
  );

  app.get(
    '/v1/products/:id',
    {
      config: { scope: 'metrics:read' },
      schema: { operationId: 'getProduct', tags: ['metrics'], summary: 'One product', params: IdParamsSchema, response: { 200: Ref(ProductSchema), ...problems(404) } },
    },
    async (request) => service.getProduct(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/products/:id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'updateProduct',
        tags: ['metrics'],
        summary: 'Change a product (not its marketplace, ASIN or SKU)',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ProductUpdateSchema),
        response: { 200: Ref(ProductSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateProduct(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );
};

export default productRoutes;
