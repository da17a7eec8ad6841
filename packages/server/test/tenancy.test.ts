import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeApiKey, makeMember } from './helpers/factories.ts';
import { DIAMOND_STEPS, makeRun, makeTemplate } from './helpers/sop-factories.ts';
import { makeApplication, makeCandidate, makeInterviewer, makeRole, score } from './helpers/hiring-factories.ts';
import { fixture, importForm } from './helpers/imports.ts';
import { makeProduct } from './helpers/metrics-factories.ts';
import { makeResource, relate } from './helpers/resource-factories.ts';
import { makeRule } from './helpers/alert-factories.ts';

/**
 * For every route that takes an object id, a key of workspace B must get 404 for
 * workspace A's object, exactly as for an id that does not exist, and A's object must
 * be unchanged. The route table drives it: a new route with an id parameter fails this
 * test until it has a fixture below, so nobody has to remember to add tenancy tests.
 */
type Fixture = (h: TestApp) => Promise<{
  params: Record<string, string>;
  payload?: unknown;
  /** Params of the "unknown id" request that are not ids and must stay valid (e.g. a version number). */
  missing?: Record<string, string>;
  /** Where to read A's object to see it unchanged, when the route itself has no GET (a sub-resource). */
  read?: string;
}>;

async function sopTeam(h: TestApp) {
  const [operator, copywriter, designer] = await Promise.all([makeMember(h), makeMember(h), makeMember(h)]);
  return { operator: operator.id, copywriter: copywriter.id, designer: designer.id };
}

async function makeChecklistTask(h: TestApp) {
  const member = await makeMember(h);
  const checklist = await h.request({ method: 'POST', url: '/v1/checklists', payload: { title: 'Orders', cadence: 'daily', assignee_id: member.id } });
  const tasks = await h.request({ method: 'GET', url: `/v1/checklist-tasks?checklist_id=${checklist.json().id}` });
  return { checklistId: checklist.json().id as string, taskId: tasks.json().data[0].id as string };
}

async function makeRelatedAccount(h: TestApp) {
  const account = await makeResource(h, 'seller_account');
  const profile = await makeResource(h, 'browser_profile');
  const relation = await relate(h, account, 'uses', profile);
  return { account, profile, relation };
}

/** An open alert: a buy box rule and a week of facts under it. */
async function makeAlert(h: TestApp) {
  const product = await makeProduct(h);
  const rule = await makeRule(h, { type: 'buy_box_below', threshold: 90, scope: 'products', product_ids: [product.id] });
  await h.request({ method: 'POST', url: '/v1/metrics/facts', payload: { family: 'traffic_sales', rows: [{ date: '2026-03-02', product_id: product.id, buy_box_percentage: 40 }] } });
  const alerts = await h.request({ method: 'GET', url: `/v1/alerts?rule_id=${rule.id}` });
  return alerts.json().data[0].id as string;
}

async function makeReview(h: TestApp) {
  const res = await h.request({ method: 'POST', url: '/v1/reviews', payload: { week: '2026-W47', problem: 'Orders fell' } });
  return res.json().id as string;
}

const FIXTURES: Record<string, Fixture> = {
  '/v1/imports/:id': async (h) => ({ params: { id: (await h.request({ method: 'POST', url: '/v1/imports', ...importForm(fixture('sp-search-term-us.csv'), { marketplace: 'US' }) })).json().id } }),
  '/v1/products/:id': async (h) => ({ params: { id: (await makeProduct(h)).id }, payload: { title: 'Taken over' } }),
  '/v1/products/:id/customer-feedback': async (h) => ({
    params: { id: (await makeProduct(h)).id },
    payload: { items: [{ source: 'review', external_id: 'R-TAKEN', date: '2026-11-02', rating: 1, text: 'Written by another company' }] },
  }),
  '/v1/products/:id/replenishment': async (h) => ({ params: { id: (await makeProduct(h)).id } }),
  '/v1/products/:id/planning': async (h) => ({ params: { id: (await makeProduct(h)).id }, payload: { production_days: 12 } }),
  '/v1/products/:id/keywords/ranks': async (h) => ({ params: { id: (await makeProduct(h)).id } }),
  '/v1/products/:id/diagnosis': async (h) => ({ params: { id: (await makeProduct(h)).id } }),
  '/v1/products/:id/keywords': async (h) => ({ params: { id: (await makeProduct(h)).id }, payload: { keyword: 'taken over' } }),
  '/v1/products/:id/keywords/:item_id': async (h) => {
    const product = await makeProduct(h);
    const keyword = await h.request({ method: 'POST', url: `/v1/products/${product.id}/keywords`, payload: { keyword: 'desk lamp' } });
    return { params: { id: product.id, item_id: keyword.json().id }, read: `/v1/products/${product.id}/keywords` };
  },
  '/v1/products/:id/competitors': async (h) => ({ params: { id: (await makeProduct(h)).id }, payload: { asin: 'B0TAKENOVR', tier: 'A' } }),
  '/v1/products/:id/competitors/:item_id': async (h) => {
    const product = await makeProduct(h);
    const competitor = await h.request({ method: 'POST', url: `/v1/products/${product.id}/competitors`, payload: { asin: 'B0RIVAL001', tier: 'B' } });
    return { params: { id: product.id, item_id: competitor.json().id }, read: `/v1/products/${product.id}/competitors` };
  },
  '/v1/members/:id': async (h) => ({ params: { id: (await makeMember(h)).id }, payload: { name: 'Taken over' } }),
  '/v1/api-keys/:id': async (h) => ({ params: { id: (await makeApiKey(h)).id } }),
  '/v1/sop-templates/:id': async (h) => ({ params: { id: (await makeTemplate(h)).id } }),
  '/v1/sop-templates/:id/versions': async (h) => ({ params: { id: (await makeTemplate(h)).id }, payload: { steps: DIAMOND_STEPS } }),
  '/v1/sop-templates/:id/versions/:version': async (h) => ({ params: { id: (await makeTemplate(h)).id, version: '1' }, missing: { version: '1' } }),
  '/v1/sop-runs/:id': async (h) => ({ params: { id: (await makeRun(h, await sopTeam(h))).run.id }, payload: { status: 'cancelled', reason: 'Taken over' } }),
  '/v1/sop-runs/:id/steps/:step_key': async (h) => {
    const { run } = await makeRun(h, await sopTeam(h));
    return { params: { id: run.id, step_key: 'research' }, payload: { action: 'start' }, missing: { step_key: 'research' }, read: `/v1/sop-runs/${run.id}` };
  },
  '/v1/checklists/:id': async (h) => ({ params: { id: (await makeChecklistTask(h)).checklistId }, payload: { title: 'Taken over' } }),
  '/v1/checklist-tasks/:id': async (h) => ({ params: { id: (await makeChecklistTask(h)).taskId }, payload: { status: 'done' } }),
  '/v1/reviews/:id': async (h) => ({ params: { id: await makeReview(h) }, payload: { problem: 'Taken over' } }),
  '/v1/reviews/:id/analyses': async (h) => {
    const author = await makeMember(h);
    const id = await makeReview(h);
    return { params: { id }, payload: { body: 'Taken over', author_id: author.id }, read: `/v1/reviews/${id}` };
  },
  '/v1/roles/:id': async (h) => ({ params: { id: (await makeRole(h)).id }, payload: { name: 'Taken over' } }),
  '/v1/roles/:id/ranking': async (h) => ({ params: { id: (await makeRole(h)).id } }),
  '/v1/questions/:id': async (h) => {
    const res = await h.request({ method: 'POST', url: '/v1/questions', payload: { text: 'Q?', dimension_key: 'thinking', strong_signals: ['s'], weak_signals: ['w'] } });
    return { params: { id: res.json().id }, payload: { text: 'Taken over' } };
  },
  '/v1/candidates/:id': async (h) => ({ params: { id: (await makeCandidate(h)).id }, payload: { name: 'Taken over' } }),
  '/v1/applications/:id': async (h) => ({ params: { id: (await makeApplication(h, (await makeRole(h)).id)).id }, payload: { stage: 'withdrawn' } }),
  '/v1/applications/:id/summary': async (h) => ({ params: { id: (await makeApplication(h, (await makeRole(h)).id)).id } }),
  '/v1/applications/:id/scorecards': async (h) => {
    const application = await makeApplication(h, (await makeRole(h)).id);
    const interviewer = await makeInterviewer(h);
    return { params: { id: application.id }, payload: { interviewer_id: interviewer.id, stage: 'screen', recommendation: 'yes', scores: [{ dimension_key: 'thinking', score: 3, evidence: null }] } };
  },
  '/v1/scorecards/:id': async (h) => {
    const application = await makeApplication(h, (await makeRole(h)).id);
    const card = await score(h, application.id, (await makeInterviewer(h)).id, { thinking: 3 });
    return { params: { id: card.id }, payload: { recommendation: 'strong_no' } };
  },
  '/v1/applications/:id/work-samples': async (h) => ({
    params: { id: (await makeApplication(h, (await makeRole(h)).id)).id },
    payload: {
      assignment: 'Plan for our lamp',
      submission_text: 'A plan',
      scores: ['product_attributes', 'competitor_analysis', 'market_positioning', 'resource_fit', 'tactics'].map((k) => ({ dimension_key: k, score: 3, evidence: null })),
    },
  }),
  '/v1/knowledge-frameworks/:id': async (h) => ({ params: { id: (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } })).json().id } }),
  '/v1/knowledge-maps/:id': async (h) => {
    const framework = (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } })).json();
    const map = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: (await makeCandidate(h)).id, format: 'markdown', text: '- ACoS' } });
    return { params: { id: map.json().id } };
  },
  '/v1/alert-rules/:id': async (h) => ({ params: { id: (await makeRule(h, { type: 'acos_above', threshold: 0.4 })).id }, payload: { name: 'Taken over' } }),
  '/v1/alerts/:id': async (h) => ({ params: { id: await makeAlert(h) }, payload: { status: 'acknowledged', note: 'Taken over' } }),
  '/v1/resources/:id': async (h) => ({ params: { id: (await makeResource(h, 'tool')).id }, payload: { name: 'Taken over' } }),
  '/v1/resources/:id/history': async (h) => ({ params: { id: (await makeResource(h, 'tool')).id } }),
  '/v1/resources/:id/associations': async (h) => ({ params: { id: (await makeRelatedAccount(h)).account.id } }),
  '/v1/resources/:id/relations': async (h) => {
    const { account, profile } = await makeRelatedAccount(h);
    const other = await makeResource(h, 'phone_number');
    return { params: { id: account.id }, payload: { type: 'verified_with', to_id: other.id }, read: `/v1/resources/${profile.id}/relations` };
  },
  '/v1/resources/:id/relations/:relation_id': async (h) => {
    const { account, relation } = await makeRelatedAccount(h);
    return { params: { id: account.id, relation_id: relation.id }, read: `/v1/resources/${account.id}/relations` };
  },
};

/**
 * Routes whose path parameter names no object of a workspace but an entry of a
 * library shared by every workspace (SOP templates, rubrics). Installing copies the
 * entry into the caller's own workspace; the SOP library test below and
 * hiring-roles.test.ts check that the copy stays there.
 */
const SHARED_CATALOG_ROUTES = new Set(['/v1/sop-library/:key/install', '/v1/rubric-library/:key/install']);

const fill = (url: string, params: Record<string, string>) => url.replace(/:([a-z_]+)/g, (_, name: string) => params[name] ?? `missing_${name}`);

t.test('every route with an object id answers 404 to another workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');

  const idRoutes = h.app.routeTable.filter((r) => r.url.startsWith('/v1') && r.url.includes(':') && r.method !== 'HEAD' && !SHARED_CATALOG_ROUTES.has(r.url));
  t.ok(idRoutes.length >= 5, 'the route table lists the id routes');

  for (const route of idRoutes) {
    const fixture = FIXTURES[route.url];
    if (!fixture) {
      t.fail(`${route.method} ${route.url} has no tenancy fixture: add one to test/tenancy.test.ts`);
      continue;
    }
    const { params, payload, missing: keep, read } = await fixture(h);
    const url = fill(route.url, params);
    const before = await h.request({ method: 'GET', url: read ?? url });

    const res = await h.request({
      method: route.method as 'GET',
      url,
      key: other.key,
      ...(route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT' ? { payload: payload ?? {} } : {}),
    });
    t.equal(res.statusCode, 404, `${route.method} ${route.url} from another workspace is 404`);
    t.equal(res.json().code, 'not_found', `${route.method} ${route.url} says not_found`);

    const missing = await h.request({ method: route.method as 'GET', url: fill(route.url, { ...Object.fromEntries(Object.keys(params).map((k) => [k, 'zzz_01NOSUCHOBJECT'])), ...keep }), key: other.key, ...(payload ? { payload } : {}) });
    t.equal(missing.statusCode, 404, `${route.method} ${route.url} with an unknown id is also 404`);
    t.same(
      { status: res.statusCode, code: res.json().code, title: res.json().title },
      { status: missing.statusCode, code: missing.json().code, title: missing.json().title },
      'a foreign id and a missing id look the same',
    );

    const after = await h.request({ method: 'GET', url: read ?? url });
    t.equal(after.body, before.body, `${route.method} ${route.url} left workspace A's object unchanged`);
  }
});

t.test('installing from the starter library creates the template in the caller workspace only', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const before = (await h.request({ method: 'GET', url: '/v1/sop-templates' })).body;
  const res = await h.request({ method: 'POST', url: '/v1/sop-library/product_lifecycle/install', key: other.key, payload: {} });
  t.equal(res.statusCode, 201);
  t.equal((await h.request({ method: 'GET', url: `/v1/sop-templates/${res.json().id}` })).statusCode, 404, "A cannot read B's copy");
  t.equal((await h.request({ method: 'GET', url: '/v1/sop-templates' })).body, before, "A's templates are unchanged");
  t.equal((await h.request({ method: 'POST', url: '/v1/sop-library/product_lifecycle/install', payload: {} })).statusCode, 201, "B's copy does not take A's key");
});

t.test('every list route shows only the caller workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const member = await makeMember(h);
  const key = await makeApiKey(h);
  const { template, run } = await makeRun(h, await sopTeam(h));
  const { checklistId, taskId } = await makeChecklistTask(h);
  const reviewId = await makeReview(h);
  const { account, profile } = await makeRelatedAccount(h);
  const { account: twin } = await makeRelatedAccount(h);
  await relate(h, twin, 'uses', profile);
  const renewing = await makeResource(h, 'tool', { renews_on: new Date().toISOString().slice(0, 10) });

  const listRoutes = h.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/v1') && !r.url.includes(':'));
  t.ok(listRoutes.length >= 4, 'the route table lists the collection routes');
  for (const route of listRoutes) {
    const res = await h.request({ method: 'GET', url: route.url, key: other.key });
    t.equal(res.statusCode, 200, `${route.url} answers workspace B`);
    for (const id of [h.workspaceId, member.id, key.id, template.id, run.id, checklistId, taskId, reviewId, account.id, profile.id, renewing.id]) {
      t.notOk(res.body.includes(id), `${route.url} does not reveal ${id.split('_')[0]} of workspace A`);
    }
  }
});

t.test('GraphQL shows only the caller workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('Company B');
  const member = await makeMember(h);
  const res = await h.request({
    method: 'POST',
    url: '/graphql',
    key: other.key,
    payload: { query: '{ workspace { id } members { nodes { id } } api_keys { nodes { id member { id } } } audit_events { nodes { id object_id actor { id } } } }' },
  });
  t.equal(res.statusCode, 200);
  t.notOk(res.json().errors, 'no errors');
  t.notOk(res.body.includes(member.id), 'A member is invisible to B');
  t.notOk(res.body.includes(h.workspaceId), 'A workspace id is invisible to B');
  t.equal(res.json().data.workspace.id, other.workspaceId);
});
