import Fastify from 'fastify';
import { hashSecret } from '../../src/lib/secrets.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';

/**
 * Our overhead over the least a correct authenticated read needs: the baseline is a
 * bare Fastify route that checks the key and reads the workspace in one SQL statement
 * on the raw driver (no Kysely, no plugins, no schemas) and answers the same JSON.
 */
export default defineCase({
  title: 'GET /v1/workspace vs a bare Fastify route running the key check and the read as one SQL statement on the raw driver',
  unit: 'req/s',
  target: 0.7,
  async serve({ database }) {
    const { app: ours, url: oursUrl, headers } = await startOurs(database);

    const baseline = Fastify({ logger: false });
    baseline.get('/v1/workspace', async (request, reply) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      const rows = await database.rawQuery<{ id: string; name: string; slug: string; created_at: Date; updated_at: Date; version: number }>(
        `select w.id, w.name, w.slug, w.created_at, w.updated_at, w.version
           from api_keys k join workspaces w on w.id = k.workspace_id
          where k.secret_hash = $1 and k.revoked_at is null`,
        [hashSecret(token ?? '')],
      );
      const w = rows[0];
      if (!w) return reply.code(401).send({ code: 'unauthenticated' });
      return {
        id: w.id,
        object: 'workspace',
        created_at: w.created_at.toISOString(),
        updated_at: w.updated_at.toISOString(),
        version: w.version,
        name: w.name,
        slug: w.slug,
      };
    });
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    return {
      ours: { url: `${oursUrl}/v1/workspace`, headers },
      baseline: { url: `${baselineUrl}/v1/workspace`, headers },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
