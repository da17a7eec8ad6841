import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParamsSchema,
  Ref,
  SopRunCreateSchema,
  SopRunListQuerySchema,
  SopRunListSchema,
  SopRunSchema,
  SopRunStepListQuerySchema,
  SopRunStepListSchema,
  SopRunStepParamsSchema,
  SopRunStepUpdateSchema,
  SopRunUpdateSchema,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './runs.service.ts';

const runRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/sop-runs',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listSopRuns',
        tags: ['sops'],
        summary: 'List runs with their steps, newest first',
        description: 'Filter by status, template, assignee (runs where the member holds a step), subject, and `overdue=true` for active runs with an overdue step.',
        querystring: SopRunListQuerySchema,
        response: { 200: Ref(SopRunListSchema) },
      },
    },
    async (request) => {
      const { status, template_id, assignee_id, subject_type, subject_id, overdue } = request.query;
      return service.listRuns(contextOf(request), { status, template_id, assignee_id, subject_type, subject_id, overdue }, request.query);
    },
  );

  app.post(
    '/v1/sop-runs',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'startSopRun',
        tags: ['sops'],
        summary: 'Start a run of a template version on a subject',
        description:
          'The run is pinned to the version it starts on (the latest unless `template_version` says otherwise). ' +
          'Every step gets exactly one assignee: the member named in `assignees.steps` for it, else the member named in `assignees.roles` for its default role; a step left without one is 422. ' +
          'Due dates are planned from `start_date` through the steps\' offsets.',
        headers: IdempotencyHeaders,
        body: Ref(SopRunCreateSchema),
        response: { 201: Ref(SopRunSchema), ...problems(422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.startRun(contextOf(request), request.body)),
  );

  app.get(
    '/v1/sop-runs/:id',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getSopRun',
        tags: ['sops'],
        summary: 'One run: steps, assignees, progress, overdue and blocked steps',
        params: IdParamsSchema,
        response: { 200: Ref(SopRunSchema), ...problems(404) },
      },
    },
    async (request) => service.getRun(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/sop-runs/:id',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'cancelSopRun',
        tags: ['sops'],
        summary: 'Cancel a run, with the reason',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(SopRunUpdateSchema),
        response: { 200: Ref(SopRunSchema), ...problems(404, 409, 412) },
      },
    },
    async (request) => service.cancelRun(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.patch(
    '/v1/sop-runs/:id/steps/:step_key',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'updateSopRunStep',
        tags: ['sops'],
        summary: 'Move a step: start, block, unblock, complete, skip, reassign, or add a note',
        description:
          '`block` and `skip` need a `reason`; `complete` records `data`, checked against the step\'s fields (required fields enforced, types checked); `reassign` needs `assignee_id`. ' +
          'A step cannot start or complete while a step it depends on is neither done nor skipped: 409 `dependencies_unfinished` with the blocking step keys in `blocking`. ' +
          'The run completes when every step is done or skipped. Answers the whole run; `If-Match` takes the run\'s ETag.',
        params: SopRunStepParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(SopRunStepUpdateSchema),
        response: { 200: Ref(SopRunSchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request) => service.updateStep(contextOf(request), request.params.id, request.params.step_key, request.body, expectedVersion(request)),
  );

  app.get(
    '/v1/sop-run-steps',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listSopRunSteps',
        tags: ['sops'],
        summary: 'Steps of active runs across the workspace, soonest due first',
        description: 'What is on whose desk: filter by assignee and status; `overdue=true` lists unfinished steps due before today (UTC) with the member who holds each.',
        querystring: SopRunStepListQuerySchema,
        response: { 200: Ref(SopRunStepListSchema) },
      },
    },
    async (request) => {
      const { assignee_id, status, overdue, due_before } = request.query;
      return service.listSteps(contextOf(request), { assignee_id, status, overdue, due_before }, request.query);
    },
  );
};

export default runRoutes;
