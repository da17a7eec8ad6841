import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  KeywordRankHistorySchema,
  KeywordRanksQuerySchema,
  MeasureListSchema,
  MoversQuerySchema,
  MoversSchema,
  Ref,
  SeriesQuerySchema,
  SeriesSchema,
} from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { problems } from '../../lib/route-schema.ts';
import { getKeywordRanks } from './history.service.ts';
import { listMeasures } from './measures.ts';
import { getMovers, getSeries } from './series.service.ts';

const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/metrics/measures',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listMeasures',
        tags: ['metrics'],
        summary: 'Every base and derived measure, with its unit, formula and description',
        response: { 200: Ref(MeasureListSchema) },
      },
    },
    async () => ({ object: 'list' as const, data: listMeasures(), next_cursor: null }),
  );

  app.get(
    '/v1/metrics/series',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getMetricSeries',
        tags: ['metrics'],
        summary: 'Measures by period (day, ISO week, month) and group, optionally compared with the previous period or year',
        description:
          'Derived measures are computed from the summed parts of each period and group (a week\'s conversion is its units over its sessions). ' +
          'A ratio over an empty denominator, and money over mixed currencies, is null. group_by product, parent_asin and product_line leave account-level facts out; ' +
          'none, marketplace and seller_account include them. The first and last periods may be partial: `start` and `end` say which days they cover.',
        querystring: SeriesQuerySchema,
        response: { 200: Ref(SeriesSchema) },
      },
    },
    async (request) => getSeries(contextOf(request), request.query),
  );

  app.get(
    '/v1/metrics/movers',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getMetricMovers',
        tags: ['metrics'],
        summary: 'Products ranked by the change of a measure between a period and the previous period or year',
        querystring: MoversQuerySchema,
        response: { 200: Ref(MoversSchema) },
      },
    },
    async (request) => getMovers(contextOf(request), request.query),
  );

  app.get(
    '/v1/products/:id/keywords/ranks',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getKeywordRanks',
        tags: ['metrics'],
        summary: "Daily organic and sponsored ranks of a product's keywords",
        params: IdParamsSchema,
        querystring: KeywordRanksQuerySchema,
        response: { 200: Ref(KeywordRankHistorySchema), ...problems(404) },
      },
    },
    async (request) => getKeywordRanks(contextOf(request), request.params.id, request.query),
  );
};

export default seriesRoutes;
