import Fastify from 'fastify';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';

/**
 * The cost of our full read path (rate limit, API-key lookup, workspace query,
 * response schema, headers) over what any Fastify service pays to answer JSON.
 */
export default defineCase({
  title: 'GET /v1/workspace (API-key auth + database read) vs a bare Fastify route returning the same JSON',
  unit: 'req/s',
  target: 0.5,
  async serve({ database }) {
    const { app: ours, url: oursUrl, headers } = await startOurs(database);

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
