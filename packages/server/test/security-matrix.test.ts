import t from 'tap';
import { SCOPES } from '@sellerops/schemas';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/**
 * The security matrix, after the OWASP API Security Top 10 (2023). Every check walks
 * the route table, so a route added later is covered without anyone remembering to.
 * Object-level authorization (API1) is test/tenancy.test.ts; the rest is here.
 * docs/reliability.md maps each OWASP item to its test.
 */

// Walks every route several times over: more than the default file timeout on a busy machine.
t.setTimeout(900_000);

const NO_SUCH_ID = 'zzz_01NOSUCHOBJECT0000000000';
const SERVER_OWNED_FIELDS = ['id', 'workspace_id', 'version', 'created_at', 'updated_at', 'created_by', 'archived_at'];

type Route = TestApp['app']['routeTable'][number];

function v1Routes(h: TestApp): Route[] {
  return h.app.routeTable.filter((r) => r.url.startsWith('/v1') && r.method !== 'HEAD');
}

/** The route's URL with every parameter filled with an id that exists nowhere. */
function fakeUrl(route: Route): string {
  return route.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => (name === 'version' ? '1' : NO_SUCH_ID));
}

function probe(h: TestApp, route: Route, key: string | null, extra: { headers?: Record<string, string> } = {}) {
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
  return h.request({ method: route.method as 'GET', url: fakeUrl(route), key, ...(hasBody ? { payload: {} } : {}), ...extra });
}

t.test('API2 broken authentication: every /v1 route refuses a bad credential with 401 unauthenticated', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const revoked = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'to revoke', scopes: ['admin'] } });
  t.equal((await h.request({ method: 'DELETE', url: `/v1/api-keys/${revoked.json().id}` })).statusCode, 200, 'a key is revoked');
  const revokedSecret = revoked.json().secret as string;
  const forged = `${h.adminKey.slice(0, -4)}AAAA`;
  const credentials: Array<[string, Record<string, string>]> = [
    ['no credential', {}],
    ['another scheme', { authorization: `Basic ${Buffer.from(`x:${h.adminKey}`).toString('base64')}` }],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['a forged key with a real prefix', { authorization: `Bearer ${forged}` }],
    ['a revoked key', { authorization: `Bearer ${revokedSecret}` }],
    ['a key as a query parameter', {}],
  ];
  for (const route of v1Routes(h)) {
    if (route.config.public) continue;
    for (const [name, headers] of credentials) {
      const res = await h.request({
        method: route.method as 'GET',
        url: name === 'a key as a query parameter' ? `${fakeUrl(route)}?api_key=${h.adminKey}` : fakeUrl(route),
        key: null,
        headers,
      });
      if (res.statusCode !== 401 || res.json().code !== 'unauthenticated') {
        t.fail(`${route.method} ${route.url} with ${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
  }
  t.pass(`${v1Routes(h).length} routes x ${credentials.length} bad credentials checked`);
  const gql = await h.request({ method: 'POST', url: '/graphql', key: revokedSecret, payload: { query: '{ workspace { id } }' } });
  t.equal(gql.statusCode, 401, 'GraphQL refuses a revoked key the same way');
});

t.test('API5 function-level authorization: each scope x each route', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const scopes = SCOPES.filter((s) => s !== 'admin');
  const keys = new Map<string, string>();
  for (const scope of scopes) keys.set(scope, await h.createKey([scope]));

  let checked = 0;
  for (const route of v1Routes(h)) {
    const required = route.config.scope as string | undefined;
    if (!required || required === 'authenticated') continue;
    for (const scope of scopes) {
      const res = await probe(h, route, keys.get(scope)!);
      checked++;
      const allowed = scope === required;
      if (allowed && (res.statusCode === 403 || res.statusCode === 401)) t.fail(`${route.method} ${route.url}: ${scope} is refused (${res.statusCode})`);
      if (!allowed && (res.statusCode !== 403 || res.json().code !== 'forbidden')) {
        t.fail(`${route.method} ${route.url} needs ${required}, but a ${scope} key got ${res.statusCode}`);
      }
    }
  }
  t.ok(checked > 300, `${checked} scope x route pairs checked`);

  // Routes open to any valid key are the few that only describe the caller.
  const anyKey = v1Routes(h).filter((r) => r.config.scope === 'authenticated').map((r) => `${r.method} ${r.url}`);
  t.same(anyKey.sort(), ['GET /v1/api-keys/current', 'GET /v1/members', 'GET /v1/members/:id', 'GET /v1/workspace'], 'the routes any key may call are exactly these');
});

t.test('API3 property-level authorization: server-owned fields cannot be written, and change nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  await h.request({ method: 'GET', url: '/v1/workspace' }); // records the key's last use before the snapshot
  const before = await databaseSnapshot(h);
  let checked = 0;
  for (const route of v1Routes(h)) {
    if (route.method !== 'POST' && route.method !== 'PATCH' && route.method !== 'PUT') continue;
    const body = route.schema.body;
    if (!body || (body.type !== undefined && body.type !== 'object')) continue;
    const declared = new Set(Object.keys(body.properties ?? {}));
    for (const field of SERVER_OWNED_FIELDS) {
      if (declared.has(field)) continue;
      const res = await h.request({ method: route.method as 'POST', url: fakeUrl(route), payload: { [field]: 'ws_01SERVEROWNED' } });
      checked++;
      // 404 is as good: the object does not exist, so nothing could be written either; a
      // route that takes a form (imports) refuses any JSON body with 415.
      const refusals = (route.schema as { consumes?: string[] }).consumes?.includes('multipart/form-data') ? [415] : [400, 404, 422];
      if (!refusals.includes(res.statusCode)) t.fail(`${route.method} ${route.url} accepted ${field}: ${res.statusCode}`);
      if (res.statusCode === 400 && res.json().code !== 'validation_failed') t.fail(`${route.method} ${route.url} ${field}: ${res.json().code}`);
    }
    t.same(await databaseSnapshot(h), before, `${route.method} ${route.url} with server-owned fields changes nothing`);
  }
  t.ok(checked > 50, `${checked} route x field pairs checked`);
});

t.test('API3 excessive data exposure: no response carries a key secret or hash after creation', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const created = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'exposure', scopes: ['admin'] } });
  const secret = created.json().secret as string;
  const hashes = await h.testDb.database.rawQuery<{ secret_hash: string }>('select secret_hash from api_keys');
  const forbidden = [secret, h.adminKey, ...hashes.map((r) => r.secret_hash), 'secret_hash'];
  let read = 0;
  for (const route of v1Routes(h).filter((r) => r.method === 'GET')) {
    const url = route.url.includes(':') ? (route.url === '/v1/api-keys/:id' ? `/v1/api-keys/${created.json().id}` : null) : route.url;
    if (!url) continue;
    const res = await h.request({ method: 'GET', url, key: secret });
    read++;
    for (const needle of forbidden) if (res.body.includes(needle)) t.fail(`GET ${url} exposes a secret or its hash`);
  }
  const gql = await h.request({ method: 'POST', url: '/graphql', key: secret, payload: { query: '{ apiKeys { nodes { id prefix } } }' } });
  for (const needle of forbidden) t.notOk(gql.body.includes(needle), 'GraphQL exposes no secret');
  t.ok(read > 10, `${read} list and read routes checked`);
});

t.test('API4 resource consumption: body size, page size, GraphQL depth, cost, aliases and batching are bounded', async (t) => {
  const h = await createTestApp({ BODY_LIMIT_BYTES: 64 * 1024 });
  t.teardown(h.close);
  const huge = await h.request({ method: 'POST', url: '/v1/members', payload: { name: 'x'.repeat(100 * 1024), email: 'a@b.co', role: 'operator' } });
  t.equal(huge.statusCode, 413, 'a body over the limit is 413');
  t.equal(huge.json().code, 'payload_too_large');

  let lists = 0;
  for (const route of v1Routes(h).filter((r) => r.method === 'GET' && r.schema.querystring?.properties?.limit)) {
    const res = await h.request({ method: 'GET', url: `${fakeUrl(route)}?limit=100000` });
    lists++;
    if (res.statusCode !== 400 || res.json().code !== 'validation_failed') t.fail(`GET ${route.url}?limit=100000 answered ${res.statusCode}`);
  }
  t.ok(lists >= 15, `${lists} list routes cap their page size`);

  const deep = `{ workspace { ${'members { nodes { '.repeat(8)}id${' } }'.repeat(8)} } }`;
  const depth = await h.request({ method: 'POST', url: '/graphql', payload: { query: deep } });
  t.equal(depth.statusCode, 400, 'too deep a GraphQL query is refused');
  const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: workspace { id }`).join(' ');
  const aliased = await h.request({ method: 'POST', url: '/graphql', payload: { query: `{ ${aliases} }` } });
  t.equal(aliased.statusCode, 400, 'too many aliases are refused');
  t.equal(aliased.json().errors[0].extensions.code, 'query_too_complex');
  const batched = await h.request({ method: 'POST', url: '/graphql', payload: [{ query: '{ workspace { id } }' }, { query: '{ workspace { id } }' }] });
  t.equal(batched.statusCode, 400, 'batched GraphQL queries are refused (one query per request, so limits hold per request)');
  const longQuery = await h.request({ method: 'GET', url: `/v1/members?name=${'x'.repeat(20_000)}` });
  t.ok(longQuery.statusCode === 400 || longQuery.statusCode === 414, 'an oversized query string is refused');
});

t.test('API8 security misconfiguration: headers on every kind of response, no stack traces', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const responses = {
    'a read': await h.request({ method: 'GET', url: '/v1/workspace' }),
    'a 401': await h.request({ method: 'GET', url: '/v1/workspace', key: null }),
    'a 404': await h.request({ method: 'GET', url: '/v1/nothing-here' }),
    'a 400': await h.request({ method: 'GET', url: '/v1/members?limit=0' }),
    GraphQL: await h.request({ method: 'POST', url: '/graphql', payload: { query: '{ workspace { id } }' } }),
    'the OpenAPI document': await h.request({ method: 'GET', url: '/openapi.json', key: null }),
    health: await h.request({ method: 'GET', url: '/health', key: null }),
  };
  for (const [name, res] of Object.entries(responses)) {
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${name}: nosniff`);
    t.ok(res.headers['referrer-policy'], `${name}: referrer policy`);
    t.notOk(res.headers['x-powered-by'], `${name}: no x-powered-by`);
    t.notOk(/at .+\.ts:\d+/.test(res.body), `${name}: no stack trace`);
  }
  t.ok(responses['a read'].headers['cache-control'], 'API reads say how they may be cached');
});

t.test('API8 introspection policy: the schema is open to any valid key (BI tools need it), never to anonymous callers', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const query = '{ __schema { queryType { name } } }';
  const anonymous = await h.request({ method: 'POST', url: '/graphql', key: null, payload: { query } });
  t.equal(anonymous.statusCode, 401, 'anonymous introspection is refused');
  const reader = await h.createKey(['sop:read']);
  const allowed = await h.request({ method: 'POST', url: '/graphql', key: reader, payload: { query } });
  t.equal(allowed.statusCode, 200);
  t.equal(allowed.json().data.__schema.queryType.name, 'Query');
});

t.test('API9 inventory: every /v1 route is in the OpenAPI document, and nothing undocumented answers', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const document = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  for (const route of v1Routes(h)) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    t.ok(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is documented`);
  }
  const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const registered = new Set(h.app.routeTable.map((r) => `${r.method} ${r.url.replace(/:([A-Za-z_]+)/g, '{$1}')}`));
  for (const op of documented) t.ok(registered.has(op), `${op} in the document is served`);
});
