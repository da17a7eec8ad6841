import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParamsSchema, ImportCreateSchema, ImportListQuerySchema, ImportListSchema, ImportSchema, Ref, type ReportType } from '@sellerops/schemas';
import { contextOf } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { validatorCompiler } from '../../lib/validator.ts';
import * as service from './imports.service.ts';
import { receiveUpload } from './upload.ts';

export interface ImportRoutesOptions {
  /** Largest file an import takes. */
  maxFileBytes: number;
}

/** The form's fields as text arrive; checked (and coerced: "true" -> true) like a query string. */
const { file: _file, ...fieldProperties } = ImportCreateSchema.properties;
const checkFields = validatorCompiler({ schema: Type.Object(fieldProperties, { additionalProperties: false }), httpPart: 'querystring', method: 'POST', url: '/v1/imports' }) as unknown as ((value: unknown) => boolean) & { errors?: unknown[] };

/** A long import keeps the socket quiet while it works: allow it this long. */
const IMPORT_SOCKET_TIMEOUT_MS = 60 * 60_000;

/** `date`, or a one-day `period`: facts are daily. */
function dayOf(fields: { date?: string | undefined; period?: string | undefined }): string | undefined {
  if (fields.period === undefined) return fields.date;
  const [from, to] = fields.period.split(/\.\.|\//) as [string, string];
  if (fields.date !== undefined && (fields.date !== from || fields.date !== to)) {
    throw new InvalidInput('Send date or period, not both.', [{ path: '/body/period', message: 'conflicts with date' }]);
  }
  if (from !== to) {
    throw new InvalidInput(`The period ${from} to ${to} is longer than a day: facts are daily, so import one report per day (or a by-date report).`, [
      { path: '/body/period', message: 'must be one day' },
    ]);
  }
  return from;
}

const importRoutes: FastifyPluginAsyncTypebox<ImportRoutesOptions> = async (app, options) => {
  // Encapsulated here: only this plugin's routes read multipart bodies.
  await app.register(multipart);

  app.post(
    '/v1/imports',
    {
      // The import runs its own transaction around the whole file (see imports.service.ts).
      config: { scope: 'metrics:write', transaction: false },
      schema: {
        operationId: 'createImport',
        tags: ['imports'],
        summary: "Import one of Amazon's report files",
        description:
          'multipart/form-data with the report in a part named `file` (CSV, TSV, XLSX or JSON) and optional fields `type` (detected from the header when absent), ' +
          '`marketplace` (required except for a Sales and Traffic JSON, which names its own), `seller_account_id`, `date` (or a one-day `period`) for reports without a date column, ' +
          'and `all_or_nothing`. The import runs within the request: the file is streamed to disk, read in batches of 5,000 rows and written set-based, and the answer is the finished import ' +
          'with its counts and per-row errors. A file that cannot be read, or an all-or-nothing import with a rejected row, changes nothing. Importing the same file twice changes nothing the second time. ' +
          'Idempotency-Key is not used here: a repeated import is harmless by construction.',
        consumes: ['multipart/form-data'],
        body: Ref(ImportCreateSchema),
        response: { 201: Ref(ImportSchema), ...problems(422) },
      },
      // The body is a stream the handler reads; its fields are checked there.
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    },
    async (request, reply) => {
      request.raw.socket?.setTimeout?.(IMPORT_SOCKET_TIMEOUT_MS);
      const upload = await receiveUpload(request, options.maxFileBytes);
      try {
        const fields = { ...upload.fields } as Record<string, unknown>;
        if (!checkFields(fields)) {
          throw Object.assign(new Error('invalid fields'), { validation: checkFields.errors, validationContext: 'body' });
        }
        const f = fields as { type?: ReportType; marketplace?: string; seller_account_id?: string; date?: string; period?: string; all_or_nothing?: boolean };
        const result = await service.runImport(contextOf(request), upload.file, {
          type: f.type,
          marketplace: f.marketplace,
          seller_account_id: f.seller_account_id,
          date: dayOf(f),
          all_or_nothing: f.all_or_nothing ?? false,
          filename: upload.filename,
        });
        return reply.code(201).header('location', `/v1/imports/${result.id}`).send(result);
      } finally {
        await upload.file.remove();
      }
    },
  );

  app.get(
    '/v1/imports/:id',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'getImport',
        tags: ['imports'],
        summary: 'One import: its status, rows read, accepted, rejected and skipped, and per-row errors',
        params: IdParamsSchema,
        response: { 200: Ref(ImportSchema), ...problems(404) },
      },
    },
    async (request) => service.getImport(contextOf(request), request.params.id),
  );

  app.get(
    '/v1/imports',
    {
      config: { scope: 'metrics:read' },
      schema: {
        operationId: 'listImports',
        tags: ['imports'],
        summary: 'Imports of this workspace, newest first',
        querystring: ImportListQuerySchema,
        response: { 200: Ref(ImportListSchema) },
      },
    },
    async (request) => {
      const { type, status, marketplace, limit, cursor } = request.query;
      return service.listImports(contextOf(request), { type, status, marketplace: marketplace === 'GB' ? 'UK' : marketplace }, { limit, cursor });
    },
  );
};

export default importRoutes;
