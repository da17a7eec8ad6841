import Fastify from 'fastify';
import { buildApp } from '../../src/app.ts';
import { bootstrap } from '../../src/modules/workspace/workspace.service.ts';
import { defineCase } from '../lib/case.ts';

/**
 * The cost of our full read path (rate limit, API-key lookup, workspace query,
 * response schema, headers) over what any Fastify service pays to answer JSON.
 */
export default defineCase({
  title: 'GET /v1/workspace (API-key auth + database read) vs a bare Fastify route returning the same JSON',
  unit: 'req/s',
  target: 0.5,
  async serve({ database }) {
    const created = await bootstrap(database.db);
    if (!created) throw new Error('bootstrap did not run on a fresh database');
    const headers = { authorization: `Bearer ${created.api_key.secret}` };

    const ours = await buildApp({
      database,
      closeDatabase: false,
      logger: false,
      // The limit guards production from one noisy key; here that key is the benchmark.
      config: { RATE_LIMIT_PER_MINUTE: 10_000_000 },
    });
    const oursUrl = await ours.listen({ port: 0, host: '127.0.0.1' });

    // The baseline answers with exactly the body ours sends, fetched once through ours.
    const response = await fetch(`${oursUrl}/v1/workspace`, { headers });
    if (response.status !== 200) throw new Error(`GET /v1/workspace answered ${response.status}: ${await response.text()}`);
    const workspace: unknown = await response.json();

    const baseline = Fastify({ logger: false });
    baseline.get('/v1/workspace', async () => workspace);
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    return {
      // Both sides get the same request, authorization header included.
      ours: { url: `${oursUrl}/v1/workspace`, headers },
      baseline: { url: `${baselineUrl}/v1/workspace`, headers },
      async close() {
        await Promise.all([ours.close(), baseline.close()]);
      },
    };
  },
});
