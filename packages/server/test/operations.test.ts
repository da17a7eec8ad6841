import t from 'tap';
import { buildApp } from '../src/app.ts';
import { createTestApp } from './helpers/index.ts';
import { createTestDatabase } from './helpers/database.ts';
import { bootstrap } from '../src/modules/workspace/workspace.service.ts';

t.test('/health and /ready answer without a key', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const health = await h.request({ method: 'GET', url: '/health', key: null });
  t.equal(health.statusCode, 200);
  t.same(health.json(), { status: 'ok' });
  const ready = await h.request({ method: 'GET', url: '/ready', key: null });
  t.equal(ready.statusCode, 200);
  t.equal(ready.json().status, 'ready');
});

t.test('/ready is 503 when the database is gone', async (t) => {
  const testDb = await createTestDatabase();
  // No load shedding here: on a busy machine the guard could answer first, with 503 overloaded.
  const app = await buildApp({ database: testDb.database, logger: false, closeDatabase: false, config: { MAX_EVENT_LOOP_DELAY_MS: 0 } });
  t.teardown(async () => {
    await app.close();
  });
  t.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
  await testDb.drop();
  const res = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(res.statusCode, 503);
  t.equal(res.json().code, 'service_unavailable');
  t.ok(res.headers['retry-after']);
});

t.test('request ids: generated, or taken from a well-formed x-request-id', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const generated = await h.request({ method: 'GET', url: '/v1/workspace' });
  t.match(generated.headers['x-request-id'], /^req_[0-9a-f]{24}$/);
  const given = await h.request({ method: 'GET', url: '/v1/workspace', headers: { 'x-request-id': 'upstream-123' } });
  t.equal(given.headers['x-request-id'], 'upstream-123');
  const hostile = await h.request({ method: 'GET', url: '/v1/workspace', headers: { 'x-request-id': 'bad id <script>' } });
  t.match(hostile.headers['x-request-id'], /^req_/, 'a malformed id is replaced');
});

t.test('security headers on API responses', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'GET', url: '/v1/workspace' });
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['x-frame-options'], 'DENY');
  t.equal(res.headers['cache-control'], 'no-store');
  t.match(res.headers['content-security-policy'], /default-src 'none'/);
});

t.test('rate limit: 429 problem with Retry-After, per key', async (t) => {
  const h = await createTestApp({ RATE_LIMIT_PER_MINUTE: 3 });
  t.teardown(h.close);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await h.request({ method: 'GET', url: '/v1/workspace' })).statusCode);
  t.same(statuses, [200, 200, 200, 429]);
  const limited = await h.request({ method: 'GET', url: '/v1/workspace' });
  t.equal(limited.json().code, 'rate_limited');
  t.match(limited.headers['content-type'], /problem\+json/);
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After in seconds');
  t.equal((await h.request({ method: 'GET', url: '/health', key: null })).statusCode, 200, 'health is never limited');
});

t.test('an unexpected fault is a generic 500: no stack, no SQL, and nothing changes', async (t) => {
  const testDb = await createTestDatabase();
  const created = await bootstrap(testDb.database.db);
  const app = await buildApp({ database: testDb.database, logger: false, closeDatabase: false });
  app.post('/v1/explode', { config: { scope: 'authenticated' } }, async (request) => {
    await request.db.insertInto('members').values({ workspace_id: request.auth.workspaceId, id: 'mem_boom', name: 'x', email: 'x@x.io', role: 'operator' }).execute();
    throw new Error('select secret from vault where password = hunter2');
  });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    await testDb.drop();
  });
  const res = await app.inject({ method: 'POST', url: '/v1/explode', headers: { authorization: `Bearer ${created!.api_key.secret}` }, payload: {} });
  t.equal(res.statusCode, 500);
  t.equal(res.json().code, 'internal_error');
  t.notMatch(res.body, /hunter2|select|vault|at .*\.ts/, 'nothing of the cause leaks');
  const row = await testDb.database.db.selectFrom('members').select('id').where('id', '=', 'mem_boom').executeTakeFirst();
  t.equal(row, undefined, 'the write inside the failed request was rolled back');
});

t.test('GraphQL syntax errors keep the GraphQL shape with a code', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'POST', url: '/graphql', payload: { query: '{ workspace { ' } });
  t.equal(res.statusCode, 400);
  t.equal(res.json().errors[0].extensions.code, 'validation_failed');
  const unknown = await h.request({ method: 'POST', url: '/graphql', payload: { query: '{ nope }' } });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().errors[0].message, /nope/);
});

t.test('the OpenAPI document names every operation and its problems', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const doc = (await h.request({ method: 'GET', url: '/openapi.json', key: null })).json();
  t.equal(doc.openapi, '3.1.0');
  t.ok(doc.components.schemas.Problem, 'Problem is a named component');
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[]; responses: Record<string, unknown> }>>)) {
    for (const [method, op] of Object.entries(item)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`);
      t.notOk(ids.has(op.operationId!), `${op.operationId} is unique`);
      ids.add(op.operationId!);
      t.ok(op.tags?.length, `${method} ${path} has a tag`);
      if (path.startsWith('/v1')) t.ok(op.responses['401'] && op.responses['500'], `${method} ${path} documents its problems`);
    }
  }
  const docs = await h.request({ method: 'GET', url: '/docs/', key: null });
  t.equal(docs.statusCode, 200);
  t.match(docs.body, /swagger/i, '/docs serves the API explorer');
});

t.test('load shedding: a blocked event loop answers 503 overloaded with Retry-After', async (t) => {
  const h = await createTestApp({ MAX_EVENT_LOOP_DELAY_MS: 150 });
  t.teardown(h.close);
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace' })).statusCode, 200);
  // Keep the loop busy across a sampling period, as an overloaded process would be.
  const until = Date.now() + 1500;
  while (Date.now() < until) {
    const spin = Date.now() + 400;
    while (Date.now() < spin);
    await new Promise((r) => setImmediate(r));
  }
  const shed = await h.request({ method: 'GET', url: '/v1/workspace' });
  t.equal(shed.statusCode, 503);
  t.equal(shed.json().code, 'overloaded');
  t.match(shed.headers['content-type'], /problem\+json/);
  t.ok(Number(shed.headers['retry-after']) > 0);
  await new Promise((r) => setTimeout(r, 2200));
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace' })).statusCode, 200, 'served again once the pressure is gone');
});
