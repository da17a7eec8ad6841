import t from 'tap';
import { SCOPES } from '@sellerops/schemas';
import { makeApplication, makeCandidate, makeInterviewer, makeRole, score } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';
import type { TestApp } from './helpers/app.ts';

const NON_HIRING_SCOPES = SCOPES.filter((s) => !s.startsWith('hiring:') && s !== 'admin');

/** An existing object for every id parameter a hiring route takes. */
async function existingIds(h: TestApp): Promise<Record<string, string>> {
  const role = await makeRole(h);
  const interviewer = await makeInterviewer(h);
  const application = await makeApplication(h, role.id);
  const scorecard = await score(h, application.id, interviewer.id, { thinking: 3 });
  const question = (await h.request({ method: 'POST', url: '/v1/questions', payload: { text: 'Q?', dimension_key: 'thinking', strong_signals: ['s'], weak_signals: ['w'] } })).json();
  const framework = (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } })).json();
  const candidate = await makeCandidate(h);
  const map = (await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidate.id, format: 'markdown', text: '- ACoS' } })).json();
  return {
    '/v1/roles/': role.id,
    '/v1/questions/': question.id,
    '/v1/candidates/': candidate.id,
    '/v1/applications/': application.id,
    '/v1/scorecards/': scorecard.id,
    '/v1/knowledge-frameworks/': framework.id,
    '/v1/knowledge-maps/': map.id,
    '/v1/rubric-library/': 'senior_operator',
  };
}

function fill(url: string, ids: Record<string, string> | null): string {
  return url.replace(/^(\/v1\/[a-z-]+\/):(id|key)/, (_, prefix: string, name: string) => {
    if (ids === null) return `${prefix}${name === 'key' ? 'no_such_template' : 'zzz_01NOSUCHOBJECT'}`;
    const id = ids[prefix];
    if (!id) throw new Error(`no fixture id for ${url}`);
    return `${prefix}${id}`;
  });
}

const without = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });

t.test('every hiring route refuses a key without hiring scopes, the same way for existing and missing objects', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const ids = await existingIds(h);
  const outsider = await h.createKey(NON_HIRING_SCOPES);
  const reader = await h.createKey(['hiring:read']);
  const writer = await h.createKey(['hiring:write']);

  const routes = h.app.routeTable.filter((r) => typeof r.config.scope === 'string' && (r.config.scope as string).startsWith('hiring:') && r.method !== 'HEAD');
  t.ok(routes.length >= 30, `hiring routes are found (${routes.length})`);
  t.ok(routes.every((r) => r.url.startsWith('/v1/')), 'all under /v1');

  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    const send = (key: string, url: string) =>
      h.request({ method: route.method as 'GET', url, key, ...(route.method === 'POST' || route.method === 'PATCH' ? { payload: { name: 'probe' } } : {}) });
    const existing = await send(outsider, fill(route.url, ids));
    const missing = await send(outsider, fill(route.url, null));
    t.equal(existing.statusCode, 403, `${name}: 403 without hiring scopes`);
    t.equal(existing.json().code, 'forbidden', `${name}: forbidden`);
    t.same(without(existing.json()), without(missing.json()), `${name}: an existing and a missing object get the same answer`);
    t.same(Object.keys(existing.headers).filter((k) => k === 'etag' || k === 'content-range'), [], `${name}: no ETag or count leaks`);

    const wrongKind = route.config.scope === 'hiring:read' ? writer : reader;
    const crossed = await send(wrongKind, fill(route.url, ids));
    t.equal(crossed.statusCode, 403, `${name}: ${route.config.scope} is needed, the other hiring scope is not enough`);
  }

  const allowed = await h.request({ method: 'GET', url: '/v1/candidates', key: reader });
  t.equal(allowed.statusCode, 200, 'hiring:read reads');
  t.equal(allowed.json().data.length, 2);
  const admin = await h.request({ method: 'GET', url: `/v1/applications/${ids['/v1/applications/']}/summary` });
  t.equal(admin.statusCode, 200, 'admin implies the hiring scopes');
});

t.test('every hiring GraphQL field refuses a key without hiring scopes', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const ids = await existingIds(h);
  const outsider = await h.createKey(NON_HIRING_SCOPES);
  const reader = await h.createKey(['hiring:read']);
  const queries = {
    roles: '{ roles { nodes { id name } page_info { has_next_page } } }',
    role: `{ role(id: "${ids['/v1/roles/']}") { id name } }`,
    missingRole: '{ role(id: "role_01NOSUCH") { id name } }',
    applications: '{ applications { nodes { id } } }',
    application: `{ application(id: "${ids['/v1/applications/']}") { id summary { weighted_score } } }`,
    missingApplication: '{ application(id: "appl_01NOSUCH") { id } }',
  };
  const answers: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(queries)) {
    const res = await h.request({ method: 'POST', url: '/graphql', key: outsider, payload: { query } });
    const body = res.json();
    t.equal(body.errors?.[0]?.extensions?.code, 'forbidden', `${name}: forbidden`);
    t.ok(body.data === null || Object.values(body.data).every((v) => v === null), `${name}: no data at all`);
    answers[name] = body.errors.map((e: { message: string }) => e.message);
  }
  t.same(answers.role, answers.missingRole, 'an existing and a missing role look the same');
  t.same(answers.application, answers.missingApplication, 'an existing and a missing application look the same');

  const fine = await h.request({ method: 'POST', url: '/graphql', key: reader, payload: { query: queries.role } });
  t.equal(fine.json().data.role.id, ids['/v1/roles/'], 'hiring:read reads');
  const schema = await h.request({ method: 'POST', url: '/graphql', key: reader, payload: { query: '{ __type(name: "Member") { fields { name } } }' } });
  t.notOk(
    schema.json().data.__type.fields.some((f: { name: string }) => /scorecard|application|candidate/i.test(f.name)),
    'no path from non-hiring types (members) into hiring data',
  );
});
