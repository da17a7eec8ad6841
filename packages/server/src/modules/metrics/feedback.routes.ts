import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CustomerFeedbackBatchResultSchema,
  CustomerFeedbackBatchSchema,
  CustomerFeedbackListSchema,
  CustomerFeedbackQuerySchema,
  IdParamsSchema,
  Ref,
} from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './feedback.service.ts';

/** A product's reviews and voice-of-the-customer complaints, word for word. */
const feedbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/products/:id/customer-feedback',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listProductCustomerFeedback',
        tags: ['metrics'],
        summary: "A product's reviews and complaints, newest first",
        description: '`negative=true` gives reviews of 1 to 3 stars and every complaint.',
        params: IdParamsSchema,
        querystring: CustomerFeedbackQuerySchema,
        response: { 200: Ref(CustomerFeedbackListSchema), ...problems(404, 422) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.listFeedback(contextOf(request), request.params.id, filter, { limit, cursor });
    },
  );

  app.post(
    '/v1/products/:id/customer-feedback',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'postProductCustomerFeedback',
        tags: ['metrics'],
        summary: 'Add or update reviews and complaints of a product',
        description:
          'Up to 1,000 items, upserted on (source, external_id), all or nothing. A review needs its rating; a complaint has a category and no rating. ' +
          'Posting the same items again changes nothing.',
        params: IdParamsSchema,
        headers: IdempotencyHeaders,
        body: Ref(CustomerFeedbackBatchSchema),
        response: { 200: Ref(CustomerFeedbackBatchResultSchema), ...problems(404, 422) },
      },
    },
    async (request) => service.postFeedback(contextOf(request), request.params.id, request.body),
  );
};

export default feedbackRoutes;
