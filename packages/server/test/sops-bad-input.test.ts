import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { DIAMOND_STEPS, makeRun, makeTemplate, moveStep } from './helpers/sop-factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/**
 * Bad input to the SOP routes is refused with problem+json and a stable code, and the
 * database is exactly as it was: no half-started run, no step moved, no audit event.
 */
t.test('bad SOP input is refused and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const [operator, copywriter, designer] = await Promise.all([makeMember(h), makeMember(h), makeMember(h)]);
  const people = { operator: operator.id, copywriter: copywriter.id, designer: designer.id };
  const inactive = await makeMember(h);
  await h.request({ method: 'DELETE', url: `/v1/members/${inactive.id}` });
  const other = await h.createWorkspace('Company B');
  const foreign = (await h.request({ method: 'POST', url: '/v1/members', key: other.key, payload: { name: 'Elsewhere', email: 'b@example.com', role: 'operator' } })).json();
  const template = await makeTemplate(h);
  const { run } = await makeRun(h, people);
  // research is in progress; copy waits on it; launch waits on copy and images.
  await moveStep(h, run.id, 'research', { action: 'start' });
  const runNow = (await h.request({ method: 'GET', url: `/v1/sop-runs/${run.id}` })).json();
  const checklist = (await h.request({ method: 'POST', url: '/v1/checklists', payload: { title: 'Orders', cadence: 'daily', assignee_id: operator.id, record: { key: 'orders', label: 'Orders', type: 'number', required: true } } })).json();
  const task = (await h.request({ method: 'GET', url: `/v1/checklist-tasks?checklist_id=${checklist.id}` })).json().data[0];
  const review = (await h.request({ method: 'POST', url: '/v1/reviews', payload: { week: '2026-W47', problem: 'Orders fell' } })).json();

  const newTemplate = (steps: Record<string, unknown>[]) => ({ method: 'POST' as const, url: '/v1/sop-templates', payload: { key: 'bad_one', name: 'Bad', category: 'x', purpose: 'y', steps } });
  const startRun = (assignees: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ method: 'POST' as const, url: '/v1/sop-runs', payload: { template_id: template.id, assignees, ...extra } });
  const step = (key: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) => ({ method: 'PATCH' as const, url: `/v1/sop-runs/${run.id}/steps/${key}`, payload, headers });

  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0]; errorPath?: string }> = [
    // templates
    { name: 'template: cyclic steps', status: 422, code: 'validation_failed', errorPath: '/body/steps/0/depends_on', req: newTemplate([{ key: 'a', title: 'A', default_role: 'operator', depends_on: ['b'] }, { key: 'b', title: 'B', default_role: 'operator', depends_on: ['a'] }]) },
    { name: 'template: unknown step key', status: 422, code: 'validation_failed', errorPath: '/body/steps/0/depends_on/0', req: newTemplate([{ key: 'a', title: 'A', default_role: 'operator', depends_on: ['ghost'] }]) },
    { name: 'template: no steps', status: 400, code: 'validation_failed', req: newTemplate([]) },
    { name: 'template: bad step key', status: 400, code: 'validation_failed', req: newTemplate([{ key: 'Has Spaces', title: 'A', default_role: 'operator' }]) },
    { name: 'template: unknown step property', status: 400, code: 'validation_failed', req: newTemplate([{ key: 'a', title: 'A', default_role: 'operator', owner: 'me' }]) },
    { name: 'template: choice without options', status: 422, code: 'validation_failed', errorPath: '/body/steps/0/fields/0/options', req: newTemplate([{ key: 'a', title: 'A', default_role: 'operator', fields: [{ key: 'c', label: 'C', type: 'choice', required: true }] }]) },
    { name: 'template: duplicate key', status: 409, code: 'conflict', req: { method: 'POST', url: '/v1/sop-templates', payload: { key: template.key, name: 'x', category: 'x', purpose: 'x', steps: DIAMOND_STEPS } } },
    { name: 'template: publish cyclic version', status: 422, code: 'validation_failed', req: { method: 'POST', url: `/v1/sop-templates/${template.id}/versions`, payload: { steps: [{ key: 'a', title: 'A', default_role: 'operator', depends_on: ['a'] }] } } },
    { name: 'template: publish with stale If-Match', status: 412, code: 'version_conflict', req: { method: 'POST', url: `/v1/sop-templates/${template.id}/versions`, headers: { 'if-match': '"9"' }, payload: { steps: DIAMOND_STEPS } } },
    // starting runs
    { name: 'run: unknown assignee', status: 422, code: 'validation_failed', errorPath: '/body/assignees/roles/designer', req: startRun({ roles: { ...people, designer: 'mem_01NOSUCHMEMBER' } }) },
    { name: 'run: assignee of another workspace', status: 422, code: 'validation_failed', errorPath: '/body/assignees/steps/copy', req: startRun({ roles: people, steps: { copy: foreign.id } }) },
    { name: 'run: inactive assignee', status: 422, code: 'validation_failed', errorPath: '/body/assignees/roles/operator', req: startRun({ roles: { ...people, operator: inactive.id } }) },
    { name: 'run: a step without assignee', status: 422, code: 'validation_failed', errorPath: '/body/assignees/steps/images', req: startRun({ roles: { operator: operator.id, copywriter: copywriter.id } }) },
    { name: 'run: unknown step key in assignees', status: 422, code: 'validation_failed', errorPath: '/body/assignees/steps/typo', req: startRun({ roles: people, steps: { typo: operator.id } }) },
    { name: 'run: unknown template', status: 422, code: 'validation_failed', errorPath: '/body/template_id', req: { method: 'POST', url: '/v1/sop-runs', payload: { template_id: 'sopt_01NOSUCHTEMPLATE', assignees: { roles: people } } } },
    { name: 'run: unknown version', status: 422, code: 'validation_failed', errorPath: '/body/template_version', req: startRun({ roles: people }, { template_version: 7 }) },
    { name: 'run: impossible start date', status: 400, code: 'validation_failed', req: startRun({ roles: people }, { start_date: '2026-02-30' }) },
    { name: 'run: bad subject type', status: 400, code: 'validation_failed', req: startRun({ roles: people }, { subject: { type: 'warehouse', id: 'x' } }) },
    // moving steps
    { name: 'step: start before its dependency', status: 409, code: 'dependencies_unfinished', req: step('copy', { action: 'start' }) },
    { name: 'step: complete before its dependencies', status: 409, code: 'dependencies_unfinished', req: step('launch', { action: 'complete' }) },
    { name: 'step: start twice', status: 409, code: 'invalid_transition', req: step('research', { action: 'start' }) },
    { name: 'step: unblock a step that is not blocked', status: 409, code: 'invalid_transition', req: step('research', { action: 'unblock' }) },
    { name: 'step: block without reason', status: 422, code: 'validation_failed', errorPath: '/body/reason', req: step('research', { action: 'block' }) },
    { name: 'step: skip without reason', status: 422, code: 'validation_failed', errorPath: '/body/reason', req: step('images', { action: 'skip' }) },
    { name: 'step: data without complete', status: 422, code: 'validation_failed', errorPath: '/body/data', req: step('research', { action: 'start', data: { x: 1 } }) },
    { name: 'step: reassign to an inactive member', status: 422, code: 'validation_failed', errorPath: '/body/assignee_id', req: step('images', { action: 'reassign', assignee_id: inactive.id }) },
    { name: 'step: reassign to a foreign member', status: 422, code: 'validation_failed', errorPath: '/body/assignee_id', req: step('images', { action: 'reassign', assignee_id: foreign.id }) },
    { name: 'step: unknown action', status: 400, code: 'validation_failed', req: step('research', { action: 'finish' }) },
    { name: 'step: empty body', status: 400, code: 'validation_failed', req: step('research', {}) },
    { name: 'step: stale If-Match', status: 412, code: 'version_conflict', req: step('research', { action: 'complete' }, { 'if-match': `"${runNow.version - 1}"` }) },
    { name: 'run: cancel with stale If-Match', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `/v1/sop-runs/${run.id}`, headers: { 'if-match': '"1"' }, payload: { status: 'cancelled', reason: 'x' } } },
    { name: 'run: set status completed by hand', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/sop-runs/${run.id}`, payload: { status: 'completed', reason: 'x' } } },
    // checklists and reviews
    { name: 'checklist: weekly without weekday', status: 422, code: 'validation_failed', errorPath: '/body/weekday', req: { method: 'POST', url: '/v1/checklists', payload: { title: 'x', cadence: 'weekly', assignee_id: operator.id } } },
    { name: 'checklist: inactive assignee', status: 422, code: 'validation_failed', errorPath: '/body/assignee_id', req: { method: 'POST', url: '/v1/checklists', payload: { title: 'x', cadence: 'daily', assignee_id: inactive.id } } },
    { name: 'checklist: stale If-Match', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `/v1/checklists/${checklist.id}`, headers: { 'if-match': '"5"' }, payload: { title: 'y' } } },
    { name: 'task: missing required value', status: 422, code: 'validation_failed', errorPath: '/body/value', req: { method: 'PATCH', url: `/v1/checklist-tasks/${task.id}`, payload: { status: 'done' } } },
    { name: 'task: value of the wrong type', status: 422, code: 'validation_failed', errorPath: '/body/value', req: { method: 'PATCH', url: `/v1/checklist-tasks/${task.id}`, payload: { status: 'done', value: 'twelve' } } },
    { name: 'task: stale If-Match', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `/v1/checklist-tasks/${task.id}`, headers: { 'if-match': '"3"' }, payload: { status: 'done', value: 1 } } },
    { name: 'tasks: impossible date', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/checklist-tasks?date=2026-02-30' } },
    { name: 'review: acted without an action', status: 422, code: 'validation_failed', errorPath: '/body/action', req: { method: 'PATCH', url: `/v1/reviews/${review.id}`, payload: { status: 'acted' } } },
    { name: 'review: stale If-Match', status: 412, code: 'version_conflict', req: { method: 'PATCH', url: `/v1/reviews/${review.id}`, headers: { 'if-match': '"4"' }, payload: { problem: 'x' } } },
    { name: 'review: analysis by an inactive member', status: 422, code: 'validation_failed', errorPath: '/body/author_id', req: { method: 'POST', url: `/v1/reviews/${review.id}/analyses`, payload: { body: 'x', author_id: inactive.id } } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.json().code, c.code, `${c.name}: code ${c.code}`);
    if (c.errorPath) t.ok(res.json().errors?.some((e: { path: string }) => e.path === c.errorPath), `${c.name}: names ${c.errorPath}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});

t.test('completing a step checks every field: required, type, options, dates and links', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const [operator, copywriter, designer] = await Promise.all([makeMember(h), makeMember(h), makeMember(h)]);
  const { run } = await makeRun(h, { operator: operator.id, copywriter: copywriter.id, designer: designer.id });
  await moveStep(h, run.id, 'research', { action: 'complete' });
  const before = await databaseSnapshot(h);
  const res = await moveStep(h, run.id, 'copy', {
    action: 'complete',
    data: { bullets: '5', live_on: '2026-13-01', tone: 'loud', doc: 'ftp://files.example.com/x', colour: 'red' },
  });
  t.equal(res.statusCode, 422);
  t.same(
    res.json().errors.sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)),
    [
      { path: '/body/data/bullets', message: 'must be a number' },
      { path: '/body/data/colour', message: 'is not a field of this step' },
      { path: '/body/data/doc', message: 'must be an http or https link' },
      { path: '/body/data/live_on', message: 'must be a date YYYY-MM-DD' },
      { path: '/body/data/title', message: 'is required (Title)' },
      { path: '/body/data/tone', message: 'must be one of: plain, playful' },
    ],
    'every problem at once, each at its field',
  );
  t.same(await databaseSnapshot(h), before, 'nothing changed');
  const ok = await moveStep(h, run.id, 'copy', { action: 'complete', data: { title: 'Board', bullets: 5, tone: null } });
  t.equal(ok.statusCode, 200, 'optional fields may be left out or null');
  t.same(ok.json().steps.find((s: { key: string }) => s.key === 'copy').data, { title: 'Board', bullets: 5 });
});
