import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { makeRun, makeTemplate, moveStep, startRun, type SopRunBody } from './helpers/sop-factories.ts';
import { addDays, todayUtc } from '../src/modules/sops/dates.ts';

async function team(h: TestApp) {
  const [operator, copywriter, designer] = await Promise.all([makeMember(h), makeMember(h), makeMember(h)]);
  return { operator: operator.id, copywriter: copywriter.id, designer: designer.id };
}

const stepOf = (run: SopRunBody, key: string) => run.steps.find((s) => s.key === key)!;

t.test('POST /v1/sop-runs gives every step one assignee and plans due dates through the graph', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const special = await makeMember(h);
  const template = await makeTemplate(h);
  const res = await h.request({
    method: 'POST',
    url: '/v1/sop-runs',
    payload: {
      template_id: template.id,
      subject: { type: 'product', id: 'B0TESTASIN' },
      start_date: '2026-03-02',
      assignees: { roles: people, steps: { launch: special.id } },
    },
  });
  t.equal(res.statusCode, 201);
  const run = res.json() as SopRunBody & Record<string, unknown>;
  t.match(run, { object: 'sop_run', status: 'active', template_version: 1, template_key: template.key, start_date: '2026-03-02', subject: { type: 'product', id: 'B0TESTASIN' }, title: 'Diamond: product B0TESTASIN' });
  t.same(
    run.steps.map((s) => [s.key, s.assignee_id, s.due_date, s.status]),
    [
      ['research', people.operator, '2026-03-04', 'todo'],
      ['copy', people.copywriter, '2026-03-07', 'todo'],
      ['images', people.designer, '2026-03-09', 'todo'],
      // After the later of its two predecessors, and to the member named for the step rather than the role.
      ['launch', special.id, '2026-03-10', 'todo'],
    ],
  );
  t.equal(run.due_date, '2026-03-10');
  t.same(stepOf(run, 'launch').waiting_on, ['copy', 'images']);
  t.same(run.progress, { total: 4, todo: 4, in_progress: 0, blocked: 0, done: 0, skipped: 0, ratio: 0 });
  t.same(run.overdue_steps, ['research', 'copy', 'images', 'launch'], 'a run started in the past is overdue at once');

  const got = await h.request({ method: 'GET', url: `/v1/sop-runs/${run.id}` });
  t.equal(got.headers.etag, '"1"');
  t.same(got.json(), run);
});

t.test('steps move through start, block, unblock, complete and skip; the run completes at the end', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const { run } = await makeRun(h, people);

  const early = await moveStep(h, run.id, 'copy', { action: 'start' });
  t.equal(early.statusCode, 409, 'a step cannot start before its dependency');
  t.equal(early.json().code, 'dependencies_unfinished');
  t.same(early.json().blocking, ['research']);
  const earlyLaunch = await moveStep(h, run.id, 'launch', { action: 'complete' });
  t.same(earlyLaunch.json().blocking, ['copy', 'images'], 'every unfinished dependency is named');

  let res = await moveStep(h, run.id, 'research', { action: 'start', note: 'Pulled the keyword tool export' });
  t.equal(res.statusCode, 200);
  t.equal(stepOf(res.json(), 'research').status, 'in_progress');
  t.equal(res.json().version, 2, 'the run version rises with each step change');
  t.match(stepOf(res.json(), 'research').notes, [{ text: 'Pulled the keyword tool export', api_key_id: /^key_/ }]);

  res = await moveStep(h, run.id, 'research', { action: 'block', reason: 'Waiting for the supplier quote' });
  t.match(stepOf(res.json(), 'research'), { status: 'blocked', block_reason: 'Waiting for the supplier quote' });
  t.same(res.json().blocked_steps, ['research']);
  t.equal(res.json().progress.blocked, 1);

  t.equal((await moveStep(h, run.id, 'research', { action: 'complete' })).json().code, 'invalid_transition', 'a blocked step must be unblocked first');
  res = await moveStep(h, run.id, 'research', { action: 'unblock' });
  t.match(stepOf(res.json(), 'research'), { status: 'in_progress', block_reason: null }, 'unblock returns a started step to in progress');
  res = await moveStep(h, run.id, 'research', { action: 'complete' });
  t.equal(stepOf(res.json(), 'research').status, 'done');
  t.same(stepOf(res.json(), 'copy').waiting_on, []);

  res = await moveStep(h, run.id, 'copy', { action: 'complete', data: { title: 'Bamboo cutting board, set of 3', bullets: 5, tone: 'plain', doc: 'https://docs.example.com/copy', live_on: '2026-04-01' } });
  t.equal(res.statusCode, 200, 'complete straight from todo');
  t.same(stepOf(res.json(), 'copy').data, { title: 'Bamboo cutting board, set of 3', bullets: 5, tone: 'plain', doc: 'https://docs.example.com/copy', live_on: '2026-04-01' });

  res = await moveStep(h, run.id, 'images', { action: 'skip', reason: 'Reusing the images of the parent ASIN' });
  t.match(stepOf(res.json(), 'images'), { status: 'skipped', skip_reason: 'Reusing the images of the parent ASIN' });
  t.same(res.json().progress, { total: 4, todo: 1, in_progress: 0, blocked: 0, done: 2, skipped: 1, ratio: 0.75 });
  t.equal(res.json().status, 'active');

  res = await moveStep(h, run.id, 'launch', { action: 'complete' });
  t.equal(res.json().status, 'completed', 'the last finished step completes the run');
  t.ok(res.json().completed_at);
  t.equal(res.json().progress.ratio, 1);

  const after = await moveStep(h, run.id, 'launch', { note: 'too late' });
  t.equal(after.statusCode, 409, 'a completed run no longer changes');

  const audit = (await h.request({ method: 'GET', url: `/v1/audit-events?object_id=${run.id}&limit=50` })).json();
  const actions = audit.data.map((e: { action: string }) => e.action).reverse();
  t.same(
    actions.slice(0, 7),
    ['sop_run.started', 'sop_run.step_start', 'sop_run.step_block', 'sop_run.step_unblock', 'sop_run.step_complete', 'sop_run.step_complete', 'sop_run.step_skip'],
    'every move is in the audit log, in order',
  );
  // The last move and the completion it caused share a request (and often a millisecond of their ids).
  t.same(actions.slice(7).sort(), ['sop_run.completed', 'sop_run.step_complete']);
});

t.test('reassigning, notes, and the invalid moves', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const newcomer = await makeMember(h);
  const { run } = await makeRun(h, people);

  let res = await moveStep(h, run.id, 'copy', { action: 'reassign', assignee_id: newcomer.id, note: 'Takes over the EU line' });
  t.equal(res.statusCode, 200);
  t.equal(stepOf(res.json(), 'copy').assignee_id, newcomer.id);
  res = await moveStep(h, run.id, 'copy', { note: 'Draft in the shared folder' });
  t.same(stepOf(res.json(), 'copy').notes.map((n: { text: string }) => n.text), ['Takes over the EU line', 'Draft in the shared folder'], 'notes accumulate');

  t.equal((await moveStep(h, run.id, 'research', { action: 'unblock' })).json().code, 'invalid_transition');
  t.equal((await moveStep(h, run.id, 'nope', { action: 'start' })).statusCode, 404, 'an unknown step key is 404');
  await moveStep(h, run.id, 'research', { action: 'start' });
  t.equal((await moveStep(h, run.id, 'research', { action: 'start' })).json().code, 'invalid_transition', 'cannot start twice');
  await moveStep(h, run.id, 'research', { action: 'complete' });
  t.equal((await moveStep(h, run.id, 'research', { action: 'skip', reason: 'x' })).json().code, 'invalid_transition', 'a done step cannot be skipped');
  t.equal((await moveStep(h, run.id, 'research', { action: 'reassign', assignee_id: newcomer.id })).json().code, 'invalid_transition', 'a done step keeps who did it');
});

t.test('a run keeps its template version after a new one is published', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const manager = await makeMember(h, { role: 'manager' });
  const template = await makeTemplate(h, { key: 'pinned' });
  const old = await startRun(h, { template_id: template.id, assignees: { roles: people } });

  const v2Steps = [
    { key: 'research', title: 'Research v2', default_role: 'operator', fields: [{ key: 'volume', label: 'Search volume', type: 'number', required: true }] },
    { key: 'copy', title: 'Copy v2', default_role: 'copywriter', depends_on: ['research'] },
    { key: 'signoff', title: 'Sign-off', default_role: 'manager', depends_on: ['copy'] },
  ];
  const published = await h.request({ method: 'POST', url: `/v1/sop-templates/${template.id}/versions`, payload: { steps: v2Steps } });
  t.equal(published.statusCode, 201);

  const reread = (await h.request({ method: 'GET', url: `/v1/sop-runs/${old.id}` })).json();
  t.equal(reread.template_version, 1);
  t.same(reread.steps.map((s: { key: string; title: string }) => [s.key, s.title]), [['research', 'Research'], ['copy', 'Write copy'], ['images', 'Images'], ['launch', 'Launch']]);
  // Version 1's research step records nothing; version 2's would require `volume`.
  const done = await moveStep(h, old.id, 'research', { action: 'complete' });
  t.equal(done.statusCode, 200, 'the old run validates against its own version');

  const fresh = await startRun(h, { template_id: template.id, assignees: { roles: { ...people, manager: manager.id } } });
  t.equal(fresh.template_version, 2, 'new runs take the latest version');
  t.same(fresh.steps.map((s) => s.key), ['research', 'copy', 'signoff']);
  const missing = await moveStep(h, fresh.id, 'research', { action: 'complete' });
  t.equal(missing.statusCode, 422, 'the new run validates against version 2');

  const explicit = await startRun(h, { template_id: template.id, template_version: 1, assignees: { roles: people } });
  t.equal(explicit.template_version, 1, 'an older version can still be run on purpose');
});

t.test('cancelling a run needs a reason and stops it', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const { run } = await makeRun(h, await team(h));
  const noReason = await h.request({ method: 'PATCH', url: `/v1/sop-runs/${run.id}`, payload: { status: 'cancelled' } });
  t.equal(noReason.statusCode, 400);
  const res = await h.request({ method: 'PATCH', url: `/v1/sop-runs/${run.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'cancelled', reason: 'Product dropped after sampling' } });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { status: 'cancelled', cancel_reason: 'Product dropped after sampling', version: 2, overdue_steps: [] });
  t.ok(res.json().cancelled_at);
  t.equal((await h.request({ method: 'PATCH', url: `/v1/sop-runs/${run.id}`, payload: { status: 'cancelled', reason: 'again' } })).statusCode, 409);
  t.equal((await moveStep(h, run.id, 'research', { action: 'start' })).statusCode, 409, 'a cancelled run no longer moves');
});

t.test('runs list with filters: status, template, assignee, subject, overdue', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const other = await makeMember(h);
  const today = todayUtc();
  const past = await makeRun(h, people, { start_date: addDays(today, -30), subject: { type: 'product', id: 'P-1' } });
  const future = await makeRun(h, { ...people, designer: other.id }, { start_date: addDays(today, 1), subject: { type: 'seller_account', id: 'acct-eu' } });
  const cancelled = await makeRun(h, people, { start_date: addDays(today, -30) });
  await h.request({ method: 'PATCH', url: `/v1/sop-runs/${cancelled.run.id}`, payload: { status: 'cancelled', reason: 'duplicate' } });

  const ids = async (query: string) => (await h.request({ method: 'GET', url: `/v1/sop-runs${query}` })).json().data.map((r: { id: string }) => r.id);
  t.same(await ids(''), [cancelled.run.id, future.run.id, past.run.id], 'newest first');
  t.same(await ids('?overdue=true'), [past.run.id], 'only active runs with an overdue step');
  t.same(await ids('?overdue=false'), [cancelled.run.id, future.run.id]);
  t.same(await ids('?status=cancelled'), [cancelled.run.id]);
  t.same(await ids(`?template_id=${future.template.id}`), [future.run.id]);
  t.same(await ids(`?assignee_id=${other.id}`), [future.run.id]);
  t.same(await ids('?subject_type=product&subject_id=P-1'), [past.run.id]);
  const page = (await h.request({ method: 'GET', url: '/v1/sop-runs?limit=2' })).json();
  t.equal(page.data.length, 2);
  t.same(await ids(`?limit=2&cursor=${page.next_cursor}`), [past.run.id]);
  t.equal(page.data[0].steps.length, 4, 'listed runs carry their steps');
});

t.test('GET /v1/sop-run-steps lists overdue steps across runs with who holds them', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const people = await team(h);
  const today = todayUtc();
  const late = await makeRun(h, people, { start_date: addDays(today, -4) });
  await makeRun(h, people, { start_date: today });
  const lateCancelled = await makeRun(h, people, { start_date: addDays(today, -40) });
  await h.request({ method: 'PATCH', url: `/v1/sop-runs/${lateCancelled.run.id}`, payload: { status: 'cancelled', reason: 'stopped' } });
  await moveStep(h, late.run.id, 'research', { action: 'complete' });

  const res = await h.request({ method: 'GET', url: '/v1/sop-run-steps?overdue=true' });
  t.equal(res.statusCode, 200);
  // research (due -2) is done; copy is due -4+2+3 = +1, so only... none of the others are overdue yet
  const overdue = res.json().data;
  t.same(overdue, [], 'nothing overdue once research is done: copy is due tomorrow');

  const late2 = await makeRun(h, people, { start_date: addDays(today, -10) });
  const listed = (await h.request({ method: 'GET', url: '/v1/sop-run-steps?overdue=true' })).json().data;
  t.same(
    listed.map((s: { run_id: string; key: string; due_date: string; assignee_id: string }) => [s.run_id, s.key, s.due_date, s.assignee_id]),
    [
      [late2.run.id, 'research', addDays(today, -8), people.operator],
      [late2.run.id, 'copy', addDays(today, -5), people.copywriter],
      [late2.run.id, 'images', addDays(today, -3), people.designer],
      [late2.run.id, 'launch', addDays(today, -2), people.operator],
    ],
    'soonest due first, cancelled runs left out',
  );
  t.match(listed[0], { object: 'sop_run_step', overdue: true, waiting_on: [], run_title: 'Diamond' });
  t.same(listed[3].waiting_on, ['copy', 'images']);

  const mine = (await h.request({ method: 'GET', url: `/v1/sop-run-steps?assignee_id=${people.designer}` })).json().data;
  t.same(mine.map((s: { key: string }) => s.key), ['images', 'images', 'images'], "the designer's steps in every active run");
  const page = (await h.request({ method: 'GET', url: '/v1/sop-run-steps?overdue=true&limit=3' })).json();
  const next = (await h.request({ method: 'GET', url: `/v1/sop-run-steps?overdue=true&limit=3&cursor=${page.next_cursor}` })).json();
  t.same([...page.data, ...next.data].map((s: { key: string }) => s.key), ['research', 'copy', 'images', 'launch'], 'keyset pages over (due date, run, position)');
});
