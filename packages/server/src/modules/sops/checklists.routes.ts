import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChecklistCompletionQuerySchema,
  ChecklistCompletionSchema,
  ChecklistCreateSchema,
  ChecklistListQuerySchema,
  ChecklistListSchema,
  ChecklistSchema,
  ChecklistTaskListQuerySchema,
  ChecklistTaskListSchema,
  ChecklistTaskSchema,
  ChecklistTaskUpdateSchema,
  ChecklistUpdateSchema,
  IdParamsSchema,
  Ref,
} from '@sellerops/schemas';
import { expectedVersion } from '../../lib/concurrency.ts';
import { contextOf } from '../../lib/context.ts';
import { IdempotencyHeaders, IfMatchHeaders, problems } from '../../lib/route-schema.ts';
import * as service from './checklists.service.ts';

const checklistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/checklists',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listChecklists',
        tags: ['checklists'],
        summary: 'List recurring checklists, newest first',
        querystring: ChecklistListQuerySchema,
        response: { 200: Ref(ChecklistListSchema) },
      },
    },
    async (request) => {
      const { assignee_id, cadence, active_on, subject_id } = request.query;
      return service.listChecklists(contextOf(request), { assignee_id, cadence, active_on, subject_id }, request.query);
    },
  );

  app.post(
    '/v1/checklists',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'createChecklist',
        tags: ['checklists'],
        summary: 'Create a recurring checklist: daily, weekly on a weekday, or monthly on a day',
        headers: IdempotencyHeaders,
        body: Ref(ChecklistCreateSchema),
        response: { 201: Ref(ChecklistSchema), ...problems(422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createChecklist(contextOf(request), request.body)),
  );

  app.get(
    '/v1/checklists/completion',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getChecklistCompletion',
        tags: ['checklists'],
        summary: 'Completion of the occurrences due in a period, by assignee, checklist or day',
        description:
          'Counts every occurrence the schedules make due in [from, to] (at most 366 days), whether or not its task was ever opened. ' +
          '`missed`: not done and due before today; `pending`: not done, due today or later; `on_time`: done on or before the due date (UTC). ' +
          '`on_time_rate` = on_time / (done + missed), null when nothing was due.',
        querystring: ChecklistCompletionQuerySchema,
        response: { 200: Ref(ChecklistCompletionSchema), ...problems(422) },
      },
    },
    async (request) => service.completionReport(contextOf(request), request.query),
  );

  app.get(
    '/v1/checklists/:id',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getChecklist',
        tags: ['checklists'],
        summary: 'One recurring checklist',
        params: IdParamsSchema,
        response: { 200: Ref(ChecklistSchema), ...problems(404) },
      },
    },
    async (request) => service.getChecklist(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/checklists/:id',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'updateChecklist',
        tags: ['checklists'],
        summary: 'Change a checklist: title, description, assignee, subject, record field, end date',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ChecklistUpdateSchema),
        response: { 200: Ref(ChecklistSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateChecklist(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.get(
    '/v1/checklist-tasks',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'listChecklistTasks',
        tags: ['checklists'],
        summary: "The tasks of a period: a day's daily tasks, its week's weekly tasks, its month's monthly tasks",
        description: 'Occurrences are created on first read, exactly once however many requests ask at the same time.',
        querystring: ChecklistTaskListQuerySchema,
        response: { 200: Ref(ChecklistTaskListSchema), ...problems(422) },
      },
    },
    async (request) => {
      const { date, assignee_id, checklist_id } = request.query;
      return service.listTasks(contextOf(request), { date, assignee_id, checklist_id }, request.query);
    },
  );

  app.get(
    '/v1/checklist-tasks/:id',
    {
      config: { scope: 'sop:read' },
      schema: {
        operationId: 'getChecklistTask',
        tags: ['checklists'],
        summary: 'One checklist task',
        params: IdParamsSchema,
        response: { 200: Ref(ChecklistTaskSchema), ...problems(404) },
      },
    },
    async (request) => service.getTask(contextOf(request), request.params.id),
  );

  app.patch(
    '/v1/checklist-tasks/:id',
    {
      config: { scope: 'sop:write' },
      schema: {
        operationId: 'updateChecklistTask',
        tags: ['checklists'],
        summary: 'Complete a task with a note and the recorded value, or reopen it',
        description: 'The value is checked against the checklist\'s record field (type, options, required).',
        params: IdParamsSchema,
        headers: IfMatchHeaders,
        body: Ref(ChecklistTaskUpdateSchema),
        response: { 200: Ref(ChecklistTaskSchema), ...problems(404, 412, 422) },
      },
    },
    async (request) => service.updateTask(contextOf(request), request.params.id, request.body, expectedVersion(request)),
  );
};

export default checklistRoutes;
