import t from 'tap';
import { makeApplication, makeInterviewer, makeRole, moveTo, score } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const WORK_SAMPLE_KEYS = ['product_attributes', 'competitor_analysis', 'market_positioning', 'resource_fit', 'tactics'];

/** Bad hiring input gets problem+json with a stable code, and the database is exactly as it was. */
t.test('bad hiring input is refused and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const role = await makeRole(h);
  const interviewer = await makeInterviewer(h);
  const fresh = await makeInterviewer(h);
  const application = await makeApplication(h, role.id);
  const card = await score(h, application.id, interviewer.id, { thinking: 3 });
  const rejected = await makeApplication(h, role.id);
  await moveTo(h, rejected.id, 'withdrawn');
  const framework = (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } })).json();
  const candidateId = application.candidate_id;
  const scorecard = (scores: unknown, extra: Record<string, unknown> = {}) => ({
    method: 'POST' as const,
    url: `/v1/applications/${application.id}/scorecards`,
    payload: { interviewer_id: interviewer.id, stage: 'interview', recommendation: 'yes', scores, ...extra },
  });
  const map = (format: string, text: string) => ({ method: 'POST' as const, url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidateId, format, text } });
  const sample = (scores: unknown, extra: Record<string, unknown> = {}) => ({
    method: 'POST' as const,
    url: `/v1/applications/${application.id}/work-samples`,
    payload: { assignment: 'Plan', submission_text: 'My plan', scores, ...extra },
  });
  const s = (key: string, value: number) => ({ dimension_key: key, score: value, evidence: null });

  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0] }> = [
    { name: 'score above 5', status: 400, code: 'validation_failed', req: { ...scorecard([s('thinking', 6)]), url: `/v1/applications/${application.id}/scorecards` } },
    { name: 'score below 1', status: 400, code: 'validation_failed', req: scorecard([s('thinking', 0)]) },
    { name: 'score not an integer', status: 400, code: 'validation_failed', req: scorecard([s('thinking', 3.5)]) },
    { name: 'score as a string', status: 400, code: 'validation_failed', req: scorecard([{ dimension_key: 'thinking', score: '4', evidence: null }]) },
    { name: 'unknown dimension', status: 422, code: 'validation_failed', req: { ...scorecard([s('charisma', 4)]), payload: { interviewer_id: fresh.id, stage: 'screen', recommendation: 'yes', scores: [s('charisma', 4)] } } },
    { name: 'same dimension twice', status: 422, code: 'validation_failed', req: { ...scorecard([]), payload: { interviewer_id: fresh.id, stage: 'screen', recommendation: 'yes', scores: [s('learning', 4), s('learning', 2)] } } },
    { name: 'no scores', status: 400, code: 'validation_failed', req: scorecard([]) },
    { name: 'unknown recommendation', status: 400, code: 'validation_failed', req: scorecard([s('thinking', 3)], { recommendation: 'maybe' }) },
    { name: 'duplicate scorecard', status: 409, code: 'conflict', req: { ...scorecard([s('thinking', 4)]), payload: { interviewer_id: interviewer.id, stage: 'screen', recommendation: 'no', scores: [s('thinking', 4)] } } },
    { name: 'scorecard for a stage not reached', status: 409, code: 'conflict', req: scorecard([s('thinking', 4)]) },
    { name: 'scorecard edit out of range', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/scorecards/${card.id}`, headers: { 'if-match': '"1"' }, payload: { scores: [s('thinking', 9)] } } },
    { name: 'scorecard edit without If-Match', status: 428, code: 'precondition_required', req: { method: 'PATCH', url: `/v1/scorecards/${card.id}`, payload: { recommendation: 'no' } } },
    { name: 'illegal stage transition', status: 409, code: 'conflict', req: { method: 'PATCH', url: `/v1/applications/${application.id}`, payload: { stage: 'hired' } } },
    { name: 'transition out of a final stage', status: 409, code: 'conflict', req: { method: 'PATCH', url: `/v1/applications/${rejected.id}`, payload: { stage: 'interview' } } },
    { name: 'unknown stage', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/applications/${application.id}`, payload: { stage: 'offer' } } },
    { name: 'rejection without a reason', status: 422, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/applications/${application.id}`, payload: { stage: 'rejected' } } },
    { name: 'application for an unknown role', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/applications', payload: { candidate_id: candidateId, role_id: 'role_01NOSUCH' } } },
    { name: 'panel with a stranger', status: 422, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/applications/${application.id}`, payload: { panel: [{ interviewer_id: 'mem_01NOSUCH', stage: 'screen' }] } } },
    { name: 'role without dimensions', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [] } } },
    { name: 'role with four anchors', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [{ key: 'a', name: 'A', weight: 1, levels: [1, 2, 3, 4].map((n) => ({ score: n, anchor: 'x' })) }] } } },
    { name: 'role with a server-owned field', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/roles/${role.id}`, payload: { rubric: { version: 9 } } } },
    { name: 'candidate with a bad email', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/candidates', payload: { name: 'A', email: 'nope' } } },
    { name: 'candidate search by name is not offered', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/candidates?q=Alice' } },
    { name: 'work sample missing a dimension', status: 422, code: 'validation_failed', req: sample(WORK_SAMPLE_KEYS.slice(0, 4).map((k) => s(k, 3)).concat([s('product_attributes', 2)])) },
    { name: 'work sample score out of range', status: 400, code: 'validation_failed', req: sample(WORK_SAMPLE_KEYS.map((k) => s(k, 7))) },
    { name: 'work sample without a submission', status: 422, code: 'validation_failed', req: sample(WORK_SAMPLE_KEYS.map((k) => s(k, 3)), { submission_text: undefined }) },
    { name: 'malformed outline: prose line', status: 422, code: 'validation_failed', req: map('markdown', '# Ads\nI ran ads for two years') },
    { name: 'malformed outline: skipped level', status: 422, code: 'validation_failed', req: map('markdown', '# Ads\n### Bids') },
    { name: 'malformed outline: ragged indent', status: 422, code: 'validation_failed', req: map('markdown', '- a\n  - b\n     - c') },
    { name: 'malformed OPML: unclosed tag', status: 422, code: 'validation_failed', req: map('opml', '<opml><body><outline text="Ads"></body></opml>') },
    { name: 'malformed OPML: not OPML', status: 422, code: 'validation_failed', req: map('opml', '<html><body>hi</body></html>') },
    { name: 'malformed OPML: entity declarations', status: 422, code: 'validation_failed', req: map('opml', '<!DOCTYPE opml [<!ENTITY x "y">]><opml><body><outline text="&x;"/></body></opml>') },
    { name: 'knowledge map tree too deep', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidateId, format: 'json', tree: Array.from({ length: 14 }).reduce((child: object) => ({ title: 'level', children: [child] }), { title: 'leaf' }) } } },
    { name: 'knowledge map with an unknown format', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidateId, format: 'xmind', text: 'x' } } },
    { name: 'knowledge map node without a title', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidateId, format: 'json', tree: { title: 'root', children: [{ name: 'x' }] } } } },
    { name: 'question with an unknown dimension', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/questions', payload: { text: 'Q', dimension_key: 'charisma', role_id: role.id, strong_signals: ['s'], weak_signals: ['w'] } } },
    { name: 'question without signals', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/questions', payload: { text: 'Q', dimension_key: 'thinking', strong_signals: [], weak_signals: ['w'] } } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    t.equal(res.json().code, c.code, `${c.name}: code ${c.code}`);
    t.same(await databaseSnapshot(h), before, `${c.name}: changed nothing`);
  }
});

t.test('refusals name the field and, for outlines, the line', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const framework = (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } })).json();
  const member = (await h.request({ method: 'POST', url: '/v1/members', payload: { name: 'M', email: 'm@example.com', role: 'operator' } })).json();
  const res = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, member_id: member.id, format: 'markdown', text: '# Ads\n- ACoS\nsome prose' } });
  t.same(res.json().errors, [{ path: '/body/text', message: 'line 3: is neither a heading nor a list item' }]);
  const range = await h.request({ method: 'POST', url: '/v1/roles', payload: { name: 'R', level: 'junior', dimensions: [{ key: 'a', name: 'A', weight: 1, levels: [1, 2, 3, 4, 6].map((n) => ({ score: n, anchor: 'x' })) }] } });
  t.equal(range.statusCode, 400);
  t.match(range.json().errors[0].path, /\/body\/dimensions\/0\/levels\/4\/score/);
});
