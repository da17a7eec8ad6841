import { systemContext } from '../../src/lib/context.ts';
import { defineCase } from '../lib/case.ts';
import { startOurs } from '../lib/ours.ts';
import { RUNS, seedSopRuns } from '../lib/sop-runs-seed.ts';

const PAGE = 50;

/** The fields of a run and its steps that the REST list returns, asked for through GraphQL. */
const QUERY = `{ sop_runs(first: ${PAGE}, status: "active") { nodes {
  id template_id template_key template_version title start_date due_date status
  steps { key position title default_role depends_on assignee_id status due_date }
} } }`;

export default defineCase({
  title: `POST /graphql: ${PAGE} active runs with their steps (of ${RUNS.toLocaleString('en')}) vs GET /v1/sop-runs serving the same nested data through REST`,
  unit: 'req/s',
  target: 0.6,
  async serve({ database }) {
    const { app, url, headers, workspaceId } = await startOurs(database);
    await seedSopRuns(database.db, systemContext(database.db, workspaceId));
    const restPath = `/v1/sop-runs?status=active&limit=${PAGE}`;
    const graphql = { url: `${url}/graphql`, method: 'POST' as const, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) };

    // Both sides must serve the same runs and steps.
    const rest = (await (await fetch(`${url}${restPath}`, { headers })).json()) as { data: Array<{ id: string; steps: unknown[] }> };
    const gql = (await (await fetch(graphql.url, { method: 'POST', headers: graphql.headers, body: graphql.body })).json()) as {
      data?: { sop_runs: { nodes: Array<{ id: string; steps: unknown[] }> } };
      errors?: unknown[];
    };
    if (!gql.data) throw new Error(`GraphQL failed: ${JSON.stringify(gql.errors)}`);
    const shape = (runs: Array<{ id: string; steps: unknown[] }>) => runs.map((r) => `${r.id}:${r.steps.length}`).join(',');
    if (rest.data.length !== PAGE || shape(rest.data) !== shape(gql.data.sop_runs.nodes)) {
      throw new Error(`REST and GraphQL serve different runs (${rest.data.length} vs ${gql.data.sop_runs.nodes.length})`);
    }

    return {
      ours: graphql,
      baseline: { url: `${url}${restPath}`, headers },
      close: () => app.close(),
    };
  },
});
