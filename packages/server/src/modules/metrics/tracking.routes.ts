import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CompetitorCreateSchema,
  CompetitorListSchema,
  CompetitorSchema,
  DeletedSchema,
  IdParamsSchema,
  KeywordCreateSchema,
  KeywordListSchema,
  KeywordSchema,
  PageQuerySchema,
  ProductItemParamsSchema,
  Ref,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './tracking.service.ts';

/** A product's tracked keywords and competitor ASINs. */
const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/products/:id/keywords',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listProductKeywords',
        tags: ['metrics'],
        summary: "A product's tracked keywords",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: Ref(KeywordListSchema), ...problems(404) },
      },
    },
    async (request) => service.listKeywords(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/v1/products/:id/keywords',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'addProductKeyword',
        tags: ['metrics'],
        summary: 'Track a keyword for a product',
        description: 'Keywords are stored trimmed, single-spaced and in lower case; tracking one twice is 409.',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(KeywordCreateSchema),
        response: { 201: Ref(KeywordSchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.addKeyword(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/products/:id/keywords/:item_id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'deleteProductKeyword',
        tags: ['metrics'],
        summary: 'Stop tracking a keyword (its rank history stays)',
        params: ProductItemParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(DeletedSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.deleteKeyword(contextOf(request), request.params.id, request.params.item_id, expectedVersion(request)),
  );

  app.get(
    '/v1/products/:id/competitors',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listProductCompetitors',
        tags: ['metrics'],
        summary: "A product's tracked competitor ASINs",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: Ref(CompetitorListSchema), ...problems(404) },
      },
    },
    async (request) => service.listCompetitors(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/v1/products/:id/competitors',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'addProductCompetitor',
        tags: ['metrics'],
        summary: 'Track a competitor ASIN for a product, with its tier (A-D)',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(CompetitorCreateSchema),
        response: { 201: Ref(CompetitorSchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.addCompetitor(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/products/:id/competitors/:item_id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'deleteProductCompetitor',
        tags: ['metrics'],
        summary: 'Stop tracking a competitor (its snapshots stay)',
        params: ProductItemParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(DeletedSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.deleteCompetitor(contextOf(request), request.params.id, request.params.item_id, expectedVersion(request)),
  );
};

export default trackingRoutes;
