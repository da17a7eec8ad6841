import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AlertEvaluateSchema,
  AlertEvaluationSchema,
  AlertRuleCreateSchema,
  AlertRuleListQuerySchema,
  AlertRuleListSchema,
  AlertRuleSchema,
  AlertRuleUpdateSchema,
  DeletedSchema,
  IdParamsSchema,
  Ref,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import { evaluateOnDemand } from './evaluate.service.ts';
import * as service from './rules.service.ts';

const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/alert-rules',
    {
      config: { scope: 'metrics:read' },
      schema: { operationId: 'listAlertRules', tags: ['alerts'], summary: 'List alert rules, newest first', querystring: AlertRuleListQuerySchema, response: { 200: Ref(AlertRuleListSchema) } },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return service.listRules(contextOf(request), filter, { limit, cursor });
    },
  );

  app.post(
    '/v1/alert-rules',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'createAlertRule',
        tags: ['alerts'],
        summary: 'Create an alert rule',
        description:
          'The threshold means something different for each type (see docs/alerts.md). Scope `products` needs `product_ids`, scope `product_line` needs `product_line`. ' +
          'An unknown product or SOP template, or a threshold out of the type\'s range, is 400 validation_failed naming the field. The rule is evaluated when facts arrive and on POST /v1/alert-rules/evaluate.',
        headers: IdempotencyHeaders,
        body: Ref(AlertRuleCreateSchema),
        response: { 201: Ref(AlertRuleSchema) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createRule(contextOf(request), request.body)),
  );

  app.post(
    '/v1/alert-rules/evaluate',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'evaluateAlertRules',
        tags: ['alerts'],
        summary: 'Evaluate alert rules now',
        description:
          'Evaluates every enabled rule (or `rule_ids`) over every active product in their scopes (or `product_ids`): raises new alerts, updates open ones, resolves those whose condition cleared, ' +
          'and starts the SOP runs of new alerts. Windows end at `as_of`, or at each product\'s latest fact date. Evaluating twice over the same facts changes nothing the second time.',
        headers: IdempotencyHeaders,
        body: Ref(AlertEvaluateSchema),
        response: { 200: Ref(AlertEvaluationSchema) },
      },
    },
    async (request) => evaluateOnDemand(contextOf(request), request.body),
  );

  app.get(
    '/v1/alert-rules/:id',
    {
      config: { scope: 'metrics:read' },
      schema: { operationId: 'getAlertRule', tags: ['alerts'], summary: 'One alert rule', params: IdParamsSchema, response: { 200: Ref(AlertRuleSchema), ...problems(404) } },
    },
    async (request) => service.getRule(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/alert-rules/:id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'updateAlertRule',
        tags: ['alerts'],
        summary: 'Change an alert rule (not its type)',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(AlertRuleUpdateSchema),
        response: { 200: Ref(AlertRuleSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.updateRule(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/v1/alert-rules/:id',
    {
      config: { scope: 'metrics:write' },
      schema: {
        operationId: 'deleteAlertRule',
        tags: ['alerts'],
        summary: 'Delete an alert rule (its alerts stay; open ones are resolved)',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        response: { 200: Ref(DeletedSchema), ...problems(404, 412) },
      },
    },
    async (request) => service.deleteRule(contextOf(request), request.params.id, expectedVersion(request)),
  );
};

export default ruleRoutes;
