import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { anchors, dimension, makeApplication, makeInterviewer, makeRole, score } from './helpers/hiring-factories.ts';

t.test('a role keeps every rubric version; scorecards keep the version they were made on', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h, { name: 'Operator EU', dimensions: [dimension('thinking', 3), dimension('patience', 1, 3)] });
  t.equal(role.rubric.version, 1);
  t.same(role.rubric.dimensions.map((d) => [d.key, d.weight, d.knock_out]), [
    ['thinking', 3, null],
    ['patience', 1, { minimum: 3 }],
  ]);

  const interviewer = await makeInterviewer(h);
  const application = await makeApplication(h, role.id);
  const card = await score(h, application.id, interviewer.id, { thinking: 4, patience: 3 });
  t.equal(card.rubric_version, 1);

  const changed = await h.request({
    method: 'PATCH',
    url: `/v1/roles/${role.id}`,
    headers: { 'if-match': `"${role.version}"` },
    payload: { dimensions: [dimension('thinking', 3), dimension('listing_craft', 2)] },
  });
  t.equal(changed.statusCode, 200);
  t.equal(changed.json().rubric.version, 2, 'new dimensions publish version 2');
  t.same(changed.json().rubric.dimensions.map((d: { key: string }) => d.key), ['thinking', 'listing_craft']);

  const old = await h.request({ method: 'GET', url: `/v1/roles/${role.id}?rubric_version=1` });
  t.equal(old.statusCode, 200);
  t.same(old.json().rubric.dimensions.map((d: { key: string }) => d.key), ['thinking', 'patience'], 'version 1 stays readable');
  t.equal((await h.request({ method: 'GET', url: `/v1/roles/${role.id}?rubric_version=9` })).statusCode, 404);

  const kept = await h.request({ method: 'GET', url: `/v1/scorecards/${card.id}` });
  t.equal(kept.json().rubric_version, 1, 'the scorecard still refers to version 1');
  const patched = await h.request({
    method: 'PATCH',
    url: `/v1/scorecards/${card.id}`,
    headers: { 'if-match': `"${card.version}"` },
    payload: { scores: [{ dimension_key: 'patience', score: 4, evidence: null }] },
  });
  t.equal(patched.statusCode, 200, 'editing validates against version 1, where patience exists');
  t.equal(patched.json().rubric_version, 1);

  const renamed = await h.request({ method: 'PATCH', url: `/v1/roles/${role.id}`, payload: { name: 'Operator EU and UK' } });
  t.equal(renamed.json().rubric.version, 2, 'a rename does not publish a rubric version');
  const same = await h.request({ method: 'PATCH', url: `/v1/roles/${role.id}`, payload: { dimensions: changed.json().rubric.dimensions } });
  t.equal(same.json().rubric.version, 2, 'the same dimensions again do not publish a version');

  const stale = await h.request({ method: 'PATCH', url: `/v1/roles/${role.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'X' } });
  t.equal(stale.statusCode, 412);
});

t.test('a rubric needs unique keys and one anchor per score', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const dup = await h.request({ method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [dimension('a', 1), dimension('a', 2)] } });
  t.equal(dup.statusCode, 422);
  t.same(dup.json().errors, [{ path: '/body/dimensions/1/key', message: 'duplicate dimension key a' }]);
  const levels = anchors('x');
  levels[4] = { score: 4, anchor: 'again 4' };
  const badLevels = await h.request({ method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [{ ...dimension('a', 1), levels }] } });
  t.equal(badLevels.statusCode, 422);
  t.equal(badLevels.json().errors[0].path, '/body/dimensions/0/levels');
  const noWeight = await h.request({ method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [{ ...dimension('a', 1), weight: 0 }] } });
  t.equal(noWeight.statusCode, 400, 'a weight must be positive');
  const knockOut = await h.request({ method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [dimension('a', 1, 6)] } });
  t.equal(knockOut.statusCode, 400, 'a knock-out minimum is a score 2-5');
});

t.test('the rubric library has the two starter rubrics and the work-sample rubric; install copies one into a role', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const library = await h.request({ method: 'GET', url: '/v1/rubric-library' });
  t.equal(library.statusCode, 200);
  const byKey = Object.fromEntries(library.json().data.map((e: { key: string }) => [e.key, e]));
  t.same(Object.keys(byKey).sort(), ['junior_operator', 'senior_operator', 'work_sample']);

  const senior = byKey.senior_operator;
  t.same(
    senior.dimensions.map((d: { key: string }) => d.key),
    ['keyword_research', 'competitor_strategy', 'listing_craft', 'amazon_logic', 'problem_decomposition', 'team_building'],
    'senior: thinking dimensions',
  );
  t.equal(senior.dimensions.reduce((a: number, d: { weight: number }) => a + d.weight, 0), 100, 'weights read as percentages');
  for (const d of [...senior.dimensions, ...byKey.junior_operator.dimensions, ...byKey.work_sample.dimensions]) {
    t.equal(d.levels.length, 5, `${d.key} has five anchors`);
    t.equal(new Set(d.levels.map((l: { anchor: string }) => l.anchor)).size, 5, `${d.key} anchors differ`);
  }
  const junior = byKey.junior_operator;
  const patience = junior.dimensions.find((d: { key: string }) => d.key === 'patience');
  t.same(patience.knock_out, { minimum: 3 }, 'junior: patience is a knock-out');
  t.same(junior.dimensions.filter((d: { knock_out: unknown }) => d.knock_out).map((d: { key: string }) => d.key), ['patience'], 'and the only one');
  t.same(
    byKey.work_sample.dimensions.map((d: { key: string }) => d.key),
    ['product_attributes', 'competitor_analysis', 'market_positioning', 'resource_fit', 'tactics'],
  );

  const installed = await h.request({ method: 'POST', url: '/v1/rubric-library/junior_operator/install', payload: { name: 'Junior operator 2026' } });
  t.equal(installed.statusCode, 201);
  const role = installed.json();
  t.equal(role.name, 'Junior operator 2026');
  t.equal(role.level, 'junior');
  t.equal(role.library_key, 'junior_operator');
  t.same(role.rubric.dimensions, junior.dimensions, 'the role has the template rubric');

  const questions = await h.request({ method: 'GET', url: `/v1/questions?role_id=${role.id}` });
  t.equal(questions.json().data.length, junior.question_count, 'starter questions come with it');
  const patienceQuestion = questions.json().data.find((q: { dimension_key: string }) => q.dimension_key === 'patience');
  t.ok(patienceQuestion.strong_signals.length > 0 && patienceQuestion.weak_signals.length > 0, 'with strong and weak signals');

  const noBody = await h.request({ method: 'POST', url: '/v1/rubric-library/senior_operator/install', payload: {} });
  t.equal(noBody.statusCode, 201);
  t.equal(noBody.json().name, senior.name, 'the template name by default');
  t.equal((await h.request({ method: 'POST', url: '/v1/rubric-library/work_sample/install', payload: {} })).statusCode, 422, 'the work-sample rubric is not a role');
  t.equal((await h.request({ method: 'POST', url: '/v1/rubric-library/nothing_here/install', payload: {} })).statusCode, 404);

  const other = await h.createWorkspace('Company B');
  const elsewhere = await h.request({ method: 'POST', url: '/v1/rubric-library/senior_operator/install', payload: {}, key: other.key });
  t.equal(elsewhere.statusCode, 201, 'the library is the same for every workspace');
  const listed = await h.request({ method: 'GET', url: '/v1/roles' });
  t.notOk(listed.body.includes(elsewhere.json().id), "installing in B makes a role in B only");
  t.equal(listed.json().data.length, 2);
});

t.test('questions: tagged by dimension and role, filtered, changed and deleted', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h);
  const payload = { text: 'How do you research keywords?', dimension_key: 'thinking', role_id: role.id, strong_signals: ['a system'], weak_signals: ['one tool'], tags: ['keywords'] };
  const created = await h.request({ method: 'POST', url: '/v1/questions', payload });
  t.equal(created.statusCode, 201);
  const q = created.json();
  t.match(q, { object: 'question', dimension_key: 'thinking', role_id: role.id, tags: ['keywords'] });

  const unknown = await h.request({ method: 'POST', url: '/v1/questions', payload: { ...payload, dimension_key: 'charisma' } });
  t.equal(unknown.statusCode, 422, "a dimension the role's rubric lacks is refused");
  t.equal(unknown.json().errors[0].path, '/body/dimension_key');
  const shared = await h.request({ method: 'POST', url: '/v1/questions', payload: { ...payload, role_id: null, dimension_key: 'charisma', tags: [] } });
  t.equal(shared.statusCode, 201, 'a question for every role may name any dimension');

  t.equal((await h.request({ method: 'GET', url: '/v1/questions?tag=keywords' })).json().data.length, 1);
  t.equal((await h.request({ method: 'GET', url: '/v1/questions?dimension_key=charisma' })).json().data.length, 1);
  t.equal((await h.request({ method: 'GET', url: `/v1/questions?role_id=${role.id}` })).json().data.length, 1);

  const patched = await h.request({ method: 'PATCH', url: `/v1/questions/${q.id}`, headers: { 'if-match': `"${q.version}"` }, payload: { strong_signals: ['a system', 'tiers'] } });
  t.equal(patched.statusCode, 200);
  t.same(patched.json().strong_signals, ['a system', 'tiers']);
  t.equal(patched.json().version, 2);
  const badMove = await h.request({ method: 'PATCH', url: `/v1/questions/${q.id}`, payload: { dimension_key: 'charisma' } });
  t.equal(badMove.statusCode, 422, 'moving it to a dimension the role lacks is refused');

  const stale = await h.request({ method: 'DELETE', url: `/v1/questions/${q.id}`, headers: { 'if-match': '"1"' } });
  t.equal(stale.statusCode, 412);
  const deleted = await h.request({ method: 'DELETE', url: `/v1/questions/${q.id}` });
  t.same(deleted.json(), { id: q.id, object: 'question', deleted: true });
  t.equal((await h.request({ method: 'GET', url: `/v1/questions/${q.id}` })).statusCode, 404);
});
