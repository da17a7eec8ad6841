import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ref, TurnoverPlanInputSchema, TurnoverPlanSchema } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { problems } from '../../lib/route-schema.ts';
import * as turnover from './turnover.service.ts';

const planningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/planning/turnover',
    {
      // A computation that writes nothing: it reads like a GET (metrics:read) and needs
      // neither a write transaction nor Idempotency-Key (repeating it is already safe).
      config: { scope: 'metrics:read', transaction: false },
      schema: {
        operationId: 'planTurnover',
        tags: ['planning'],
        summary: 'Compare logistics channels by cash cycle, turns, capital, margin and return on capital',
        description:
          'Writes nothing. Channels are registry logistics channels (by id; another workspace\'s id is 404) or inline. ' +
          'Every amount must be in the currency of unit_cost. Formulas: docs/diagnostics.md.',
        body: Ref(TurnoverPlanInputSchema),
        response: { 200: Ref(TurnoverPlanSchema), ...problems(404, 422) },
      },
    },
    async (request) => turnover.planTurnover(contextOf(request), request.body),
  );
};

export default planningRoutes;
