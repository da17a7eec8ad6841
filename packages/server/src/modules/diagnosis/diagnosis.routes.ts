import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DiagnosisQuerySchema, DiagnosisSchema, IdParamsSchema, ProductDiagnosisQuerySchema, Ref } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { problems } from '../../lib/route-schema.ts';
import { diagnoseGroup, diagnoseProduct } from './diagnosis.service.ts';

const DESCRIPTION =
  'Splits the change in units ordered (and sales) between the period and the compared period into a traffic part and a conversion part that add up to it exactly ' +
  '(symmetric midpoint split, see `decomposition.method`), traces traffic to tracked keywords and ads and conversion to price against competitors, buy box, ' +
  'reviews and stock-outs, and ranks the causes by their estimated effect on units. Causes whose data is missing are listed under `unknown`, never guessed. ' +
  'Give `period` (2026-W47 or 2026-11) or `from` and `to` (at most 366 days).';

const diagnosisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/products/:id/diagnosis',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getProductDiagnosis',
        tags: ['diagnostics'],
        summary: "Why a product's orders changed: traffic and conversion parts, ranked causes",
        description: DESCRIPTION,
        params: IdParamsSchema,
        querystring: ProductDiagnosisQuerySchema,
        response: { 200: Ref(DiagnosisSchema), ...problems(404) },
      },
    },
    async (request) => diagnoseProduct(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/diagnosis',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getGroupDiagnosis',
        tags: ['diagnostics'],
        summary: "Why the orders of a parent ASIN's children, a product line or the whole catalog changed",
        description: `${DESCRIPTION} Give \`parent_asin\` or \`product_line\`, or neither for every product of the workspace; \`marketplace\` narrows to one marketplace.`,
        querystring: DiagnosisQuerySchema,
        response: { 200: Ref(DiagnosisSchema), ...problems(404) },
      },
    },
    async (request) => diagnoseGroup(contextOf(request), request.query),
  );
};

export default diagnosisRoutes;
