import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FACT_BATCH_MODES, FACT_FAMILIES, FactBatchResultSchema, FactBatchSchema, MAX_FACT_ROWS, Ref, StringEnum } from '@sellerops/schemas';
import { Type } from '@sinclair/typebox';
import type { FastifySchemaCompiler } from 'fastify';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, problems } from '../../lib/route-schema.ts';
import { compileBodyValidator, validatorCompiler } from '../../lib/validator.ts';
import { postFacts } from './facts.service.ts';

/**
 * The envelope of a batch, checked by the route. The rows are checked one by one by
 * the service, so that mode skip_invalid can write the good ones and report the others.
 */
const FactBatchEnvelope = Type.Object(
  {
    family: StringEnum(FACT_FAMILIES),
    mode: Type.Optional(StringEnum(FACT_BATCH_MODES)),
    rows: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_FACT_ROWS }),
  },
  { additionalProperties: false },
);
const envelopeValidator = compileBodyValidator(FactBatchEnvelope);
const checkEnvelopeOnly: FastifySchemaCompiler<unknown> = (route) =>
  (route.httpPart === 'body' ? envelopeValidator : validatorCompiler(route)) as ReturnType<FastifySchemaCompiler<unknown>>;

/** 10,000 rows of the widest family, with long search terms, fit in this. */
const FACT_BATCH_BODY_LIMIT = 32 * 1024 * 1024;

const factRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/metrics/facts',
    {
      config: { scope: 'metrics:write' },
      bodyLimit: Math.max(app.initialConfig.bodyLimit ?? 0, FACT_BATCH_BODY_LIMIT),
      validatorCompiler: checkEnvelopeOnly,
      schema: {
        operationId: 'postMetricFacts',
        tags: ['metrics'],
        summary: 'Upsert a batch of daily facts of one family (up to 10,000 rows)',
        description:
          'Each row names its product by `product_id`, or by `marketplace` with `asin` and/or `sku`; a traffic_sales or ads row that names no product is a fact of the seller account ' +
          '(`seller_account_id`, optional) on `marketplace`. Rows are upserted on their natural key (subject, date and the family\'s dimensions); a measure left out keeps its stored value, ' +
          'and posting the same batch twice changes nothing. Mode `all_or_nothing` (the default) refuses the whole batch with 422 and the reasons of each bad row; ' +
          '`skip_invalid` writes the good rows and lists the others under `rejected`. ' +
          'The alert rules the family can change are evaluated for the products of the batch, in the same transaction.',
        headers: IdempotencyHeaders,
        body: Ref(FactBatchSchema),
        response: { 200: Ref(FactBatchResultSchema), ...problems(422) },
      },
    },
    async (request) => {
      const body = request.body;
      return postFacts(contextOf(request), { family: body.family, rows: body.rows, mode: body.mode ?? 'all_or_nothing' });
    },
  );
};

export default factRoutes;
