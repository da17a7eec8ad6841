import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { ProblemError, createClient } from '../src/index.ts';

const server = await startTestServer();
t.teardown(server.close);
const client = createClient({ baseUrl: server.url, apiKey: server.adminKey });

async function rejection(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected the call to reject with a ProblemError');
}

t.test('the lifecycle SOP through the SDK: install, run for a product, move steps, read progress', async (t) => {
  const people: Record<string, string> = {};
  for (const role of ['operator', 'manager', 'purchasing', 'copywriter', 'designer', 'logistics', 'customer_service', 'finance']) {
    const member = await client.POST('/v1/members', { body: { name: `SDK ${role}`, email: `sdk-${role}@example.com`, role: role === 'manager' ? 'manager' : 'operator' } });
    people[role] = member.id;
  }
  const library = await client.GET('/v1/sop-library');
  t.ok(library.data.some((x) => x.key === 'product_lifecycle'));

  const template = await client.POST('/v1/sop-library/{key}/install', { params: { path: { key: 'product_lifecycle' } }, body: {} });
  t.equal(template.key, 'product_lifecycle');

  // Started long ago, so every unfinished step is overdue by now.
  const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  const run = await client.POST('/v1/sop-runs', {
    body: { template_id: template.id, subject: { type: 'product', id: 'B0SDKTEST1' }, start_date: longAgo, assignees: { roles: people } },
  });
  t.equal(run.steps.length, template.steps.length);
  t.equal(run.steps[0]!.assignee_id, people.operator);

  const blocked = await rejection(
    client.PATCH('/v1/sop-runs/{id}/steps/{step_key}', { params: { path: { id: run.id, step_key: 'selection_decision' } }, body: { action: 'start' } }),
  );
  t.equal(blocked.status, 409);
  t.equal(blocked.code, 'dependencies_unfinished');
  t.same(blocked.problem.blocking, ['market_research']);

  const moved = await client.PATCH('/v1/sop-runs/{id}/steps/{step_key}', {
    params: { path: { id: run.id, step_key: 'market_research' } },
    body: {
      action: 'complete',
      data: {
        marketplace: 'US',
        main_keyword: 'bamboo cutting board',
        main_keyword_search_volume: 48000,
        top10_median_reviews: 950,
        target_price: 29.99,
        estimated_margin_pct: 24,
        capital_required: 25000,
        research_doc: 'https://docs.example.com/research/board',
      },
    },
  });
  t.equal(moved.steps[0]!.status, 'done');
  t.equal(moved.progress.done, 1);

  const invalid = await rejection(
    client.PATCH('/v1/sop-runs/{id}/steps/{step_key}', {
      params: { path: { id: run.id, step_key: 'selection_decision' } },
      body: { action: 'complete', data: { decision: 'maybe' } },
    }),
  );
  t.equal(invalid.status, 422);
  t.same(invalid.errors, [{ path: '/body/data/decision', message: 'must be one of: go, no_go, more_data' }]);

  const read = await client.GET('/v1/sop-runs/{id}', { params: { path: { id: run.id } } });
  t.same(read.progress, { total: 12, todo: 11, in_progress: 0, blocked: 0, done: 1, skipped: 0, ratio: 0.0833 });
  const overdue = [];
  for await (const step of client.paginate('/v1/sop-run-steps', { params: { query: { overdue: true, limit: 5 } } })) overdue.push(step);
  t.equal(overdue.length, 11, 'paginate follows the pages of overdue steps: every unfinished step');
  t.ok(overdue.every((s) => s.overdue && s.run_id === run.id));
  t.same(read.overdue_steps, overdue.map((s) => s.key).sort((a, b) => read.overdue_steps.indexOf(a) - read.overdue_steps.indexOf(b)));
});
