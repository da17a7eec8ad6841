import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { makeRun, moveStep } from './helpers/sop-factories.ts';
import { addDays, todayUtc } from '../src/modules/sops/dates.ts';

const gql = (h: TestApp, query: string, key?: string, variables?: Record<string, unknown>) =>
  h.request({ method: 'POST', url: '/graphql', payload: { query, variables }, ...(key ? { key } : {}) });

async function team(h: TestApp) {
  const [operator, copywriter, designer] = await Promise.all([makeMember(h, { name: 'Olga' }), makeMember(h, { name: 'Carl' }), makeMember(h, { name: 'Dana' })]);
  return { operator: operator.id, copywriter: copywriter.id, designer: designer.id };
}

const RUNS_QUERY = `{
  sop_runs(first: 200) {
    nodes {
      id title status template_version
      template { id key latest_version }
      progress { done total ratio }
      overdue_steps
      steps { key status due_date overdue assignee { id name } }
    }
  }
}`;

t.test('GraphQL serves templates, runs with steps and assignees, checklists, completion and reviews', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const { template, run } = await makeRun(h, people, { start_date: addDays(todayUtc(), -20), subject: { type: 'product', id: 'B0GQL' } });
  await moveStep(h, run.id, 'research', { action: 'complete' });
  const checklist = (await h.request({ method: 'POST', url: '/v1/checklists', payload: { title: 'Orders', cadence: 'daily', assignee_id: people.operator } })).json();
  const review = (await h.request({ method: 'POST', url: '/v1/reviews', payload: { week: '2026-W47', problem: 'Orders fell', owner_id: people.operator } })).json();
  await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, payload: { body: 'Rank loss', author_id: people.designer } });

  const res = await gql(
    h,
    `query($run: ID!, $template: ID!, $review: ID!) {
      sop_templates(first: 5) { nodes { id key steps { key depends_on fields { key type required options } } } }
      sop_template(id: $template) { latest_version }
      sop_template_version(template_id: $template, number: 1) { number steps { key } }
      sop_run(id: $run) { subject { type id } progress { done total ratio } template { key } steps { key status assignee { name } } }
      sop_run_steps(overdue: true) { nodes { run_id key assignee { name } } }
      checklists { nodes { id title assignee { name } } }
      checklist_completion(group_by: "assignee") { totals { expected pending } groups { key label assignee { name } } }
      review(id: $review) { problem owner { name } analyses { body author { name } } }
      reviews(week: "2026-W47") { nodes { id } }
      missing: sop_run(id: "run_01NOSUCHRUN") { id }
    }`,
    undefined,
    { run: run.id, template: template.id, review: review.id },
  );
  t.equal(res.statusCode, 200, res.statusCode === 200 ? 'answered' : res.body);
  t.notOk(res.json().errors, 'no errors');
  const data = res.json().data;
  t.same(data.sop_templates.nodes.map((n: { id: string }) => n.id), [template.id]);
  t.same(data.sop_templates.nodes[0].steps[1].fields[3], { key: 'tone', type: 'choice', required: false, options: ['plain', 'playful'] });
  t.equal(data.sop_template.latest_version, 1);
  t.equal(data.sop_template_version.steps.length, 4);
  t.same(data.sop_run.subject, { type: 'product', id: 'B0GQL' });
  t.same(data.sop_run.progress, { done: 1, total: 4, ratio: 0.25 });
  t.equal(data.sop_run.template.key, template.key);
  t.same(data.sop_run.steps.map((s: { key: string; assignee: { name: string } }) => [s.key, s.assignee.name]), [['research', 'Olga'], ['copy', 'Carl'], ['images', 'Dana'], ['launch', 'Olga']]);
  t.same(data.sop_run_steps.nodes.map((s: { key: string; assignee: { name: string } }) => [s.key, s.assignee.name]), [['copy', 'Carl'], ['images', 'Dana'], ['launch', 'Olga']]);
  t.same(data.checklists.nodes, [{ id: checklist.id, title: 'Orders', assignee: { name: 'Olga' } }]);
  t.same(data.checklist_completion.totals, { expected: 1, pending: 1 });
  t.same(data.checklist_completion.groups, [{ key: people.operator, label: 'Olga', assignee: { name: 'Olga' } }]);
  t.same(data.review, { problem: 'Orders fell', owner: { name: 'Olga' }, analyses: [{ body: 'Rank loss', author: { name: 'Dana' } }] });
  t.same(data.reviews.nodes, [{ id: review.id }]);
  t.equal(data.missing, null, 'an unknown id is null');
});

t.test('GraphQL SOP queries need sop:read and stay in the workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const { run } = await makeRun(h, await team(h));
  const metrics = await h.createKey(['metrics:read']);
  const refused = await gql(h, '{ sop_runs { nodes { id } } }', metrics);
  t.equal(refused.json().errors[0].extensions.code, 'forbidden');
  const other = await h.createWorkspace('Company B');
  const foreign = await gql(h, `{ sop_run(id: "${run.id}") { id } sop_runs { nodes { id } } sop_run_steps { nodes { run_id } } }`, other.key);
  t.same(foreign.json().data, { sop_run: null, sop_runs: { nodes: [] }, sop_run_steps: { nodes: [] } });
  const badGroup = await gql(h, '{ checklist_completion(group_by: "colour") { totals { expected } } }');
  t.equal(badGroup.json().errors[0].extensions.code, 'validation_failed');
});

t.test('runs with steps, assignees and templates are batched: the statement count does not grow with the rows', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await gql(h, RUNS_QUERY);
    t.notOk(res.json().errors, 'no errors');
    const statements = h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length;
    const runs = res.json().data.sop_runs.nodes;
    return { statements, runs: runs.length, steps: runs.reduce((n: number, r: { steps: unknown[] }) => n + r.steps.length, 0) };
  };
  await makeRun(h, await team(h));
  await makeRun(h, await team(h));
  const small = await count();
  for (let i = 0; i < 10; i++) await makeRun(h, await team(h), { start_date: addDays(todayUtc(), -i) });
  const large = await count();
  t.equal(small.runs, 2);
  t.equal(large.runs, 12);
  t.equal(large.steps, 48, 'every step of every run, each with its assignee');
  t.equal(large.statements, small.statements, `the same ${small.statements} statements for ${small.runs} and ${large.runs} runs`);
  t.ok(small.statements <= 4, `runs, steps, templates, members: ${small.statements} statements`);
});

t.test('reviews with analyses and authors are batched too', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const query = '{ reviews(first: 200) { nodes { id owner { name } analyses { body author { name } } } } }';
  const makeReviews = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const owner = await makeMember(h);
      const review = (await h.request({ method: 'POST', url: '/v1/reviews', payload: { week: '2026-W40', problem: `p${i}`, owner_id: owner.id } })).json();
      await h.request({ method: 'POST', url: `/v1/reviews/${review.id}/analyses`, payload: { body: 'a', author_id: owner.id } });
    }
  };
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await gql(h, query);
    t.notOk(res.json().errors);
    return h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length;
  };
  await makeReviews(1);
  const small = await count();
  await makeReviews(8);
  t.equal(await count(), small, `${small} statements for 1 review and for 9`);
});
