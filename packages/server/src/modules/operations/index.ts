import fp from 'fastify-plugin';
import { Type } from '@sinclair/typebox';
import { isMigrated } from '../../db/migrate.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendProblem } from '../../plugins/problem-details.ts';

/** Liveness and readiness, for load balancers and orchestrators. */
export default fp(
  async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          operationId: 'health',
          tags: ['operations'],
          summary: 'The process is up',
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    // Once the schema is seen complete it stays complete for this process's code.
    let migrated = false;
    app.get(
      '/ready',
      {
        config: { public: true },
        schema: {
          operationId: 'ready',
          tags: ['operations'],
          summary: 'The database is reachable and every migration is applied',
          response: {
            200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), engine: Type.String() }),
            ...problems(503),
          },
        },
      },
      async (request, reply) => {
        try {
          await app.database.ping();
          migrated ||= await isMigrated(app.db);
        } catch (err) {
          request.log.warn({ err }, 'readiness check failed');
          reply.header('retry-after', '2');
          return sendProblem(request, reply, 503, 'service_unavailable', 'The database is not reachable.');
        }
        if (!migrated) {
          reply.header('retry-after', '2');
          return sendProblem(request, reply, 503, 'service_unavailable', 'Database migrations are pending.');
        }
        return { status: 'ready' as const, database: 'ok', engine: app.database.engine };
      },
    );
  },
  { name: 'operations-module', dependencies: ['db'] },
);
