import t from 'tap';
import { createTestApp, type TestApp } from './helpers/index.ts';
import { makeApiKey, makeMember } from './helpers/factories.ts';

const gql = (h: TestApp, query: string, key?: string, variables?: Record<string, unknown>) =>
  h.request({ method: 'POST', url: '/graphql', payload: { query, variables }, ...(key ? { key } : {}) });

t.test('GraphQL serves the workspace, members, keys and audit events', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const m = await makeMember(h, { name: 'Eve' });
  const res = await gql(h, '{ ok workspace { id name } members(first: 10) { nodes { id name } page_info { has_next_page end_cursor } } api_keys { nodes { prefix scopes } } }');
  t.equal(res.statusCode, 200);
  const data = res.json().data;
  t.equal(data.ok, true);
  t.equal(data.workspace.id, h.workspaceId);
  t.same(data.members.nodes, [{ id: m.id, name: 'Eve' }]);
  t.equal(data.members.page_info.has_next_page, false);
  t.same(data.api_keys.nodes[0].scopes, ['admin']);
});

t.test('GraphQL connections page with first/after like REST', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  for (let i = 0; i < 3; i++) await makeMember(h);
  const first = await gql(h, 'query($after: String) { members(first: 2, after: $after) { nodes { id } page_info { end_cursor has_next_page } } }');
  const page1 = first.json().data.members;
  t.equal(page1.nodes.length, 2);
  t.equal(page1.page_info.has_next_page, true);
  const second = await gql(h, 'query($after: String) { members(first: 2, after: $after) { nodes { id } page_info { has_next_page } } }', undefined, { after: page1.page_info.end_cursor });
  t.equal(second.json().data.members.nodes.length, 1);
  t.equal(second.json().data.members.page_info.has_next_page, false);
});

t.test('GraphQL enforces scopes with the REST error code', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const reader = await h.createKey(['metrics:read']);
  const res = await gql(h, '{ api_keys { nodes { id } } }', reader);
  t.equal(res.json().errors[0].extensions.code, 'forbidden');
  t.equal(res.json().data, null, 'nothing is returned');
  const audit = await gql(h, '{ audit_events { nodes { id } } }', reader);
  t.equal(audit.json().errors[0].extensions.code, 'forbidden');
  const noKey = await h.request({ method: 'POST', url: '/graphql', key: null, payload: { query: '{ ok }' } });
  t.equal(noKey.statusCode, 401);
  t.equal(noKey.json().code, 'unauthenticated');
});

t.test('GraphQL refuses queries over the depth, cost or alias limits', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const deep = await gql(h, '{ audit_events { nodes { actor { member { id } } } } }'.replace('{ id }', '{ id }'));
  t.equal(deep.statusCode, 200, 'a reasonable nested query passes');

  const tooDeep = 'query { ' + 'workspace { id '.repeat(1) + '} ' + 'members { nodes { id } } ' + '}';
  t.equal((await gql(h, tooDeep)).statusCode, 200);
  const costly = await gql(h, '{ audit_events(first: 200) { nodes { actor { member { id } } } } members(first: 200) { nodes { id } } api_keys(first: 200) { nodes { id } } a: audit_events(first: 200) { nodes { id } } }');
  t.equal(costly.statusCode, 200, 'within cost');
  const fanOut = Array.from({ length: 31 }, (_, i) => `a${i}: workspace { id }`).join(' ');
  const aliases = await gql(h, `{ ${fanOut} }`);
  t.equal(aliases.statusCode, 400);
  t.equal(aliases.json().errors[0].extensions.code, 'query_too_complex');
  t.match(aliases.json().errors[0].message, /aliases/);

  // A fragment cycle is refused by GraphQL itself; depth is counted through fragments.
  const nested = await gql(h, 'fragment K on ApiKey { member { id } } { audit_events { nodes { actor { ...K } } } }');
  t.equal(nested.statusCode, 200);
});

t.test('the depth and cost rules measure what they claim', async (t) => {
  const { parse, validate, buildSchema, specifiedRules } = await import('graphql');
  const { queryLimitsRule } = await import('../src/graphql/query-limits.ts');
  const schema = buildSchema(`
    type Node { id: ID! children(first: Int): NodeConnection! parent: Node }
    type NodeConnection { nodes: [Node!]! }
    type Query { root(first: Int): NodeConnection! node: Node }
  `);
  const check = (q: string, limits = { maxDepth: 4, maxCost: 1000, maxAliases: 5 }) =>
    validate(schema, parse(q), [...specifiedRules, queryLimitsRule(limits)]).map((e) => e.message);
  t.same(check('{ node { parent { parent { id } } } }'), [], 'depth 4 passes a limit of 4');
  t.match(check('{ node { parent { parent { parent { id } } } } }')[0], /depth 5 exceeds the limit of 4/);
  const wide = { maxDepth: 10, maxCost: 1000, maxAliases: 5 };
  // cost = 10 x (1 + nodes (1 + 10 x (1 + nodes 1))) = 10 x 22 = 220
  t.same(check('{ root(first: 10) { nodes { children(first: 10) { nodes { id } } } } }', wide), [], 'cost 220 passes 1000');
  t.match(check('{ root(first: 100) { nodes { children(first: 100) { nodes { id } } } } }', wide)[0], /cost 20200 exceeds the limit of 1000/);
  t.match(check('query($n: Int) { root(first: $n) { nodes { id } } }', { ...wide, maxCost: 300 })[0], /cost 400 exceeds the limit of 300/, 'a variable page size counts as the maximum (200)');
  t.same(check('{ root { nodes { id } } }', wide), [], 'no first means the default page of 50: cost 100');
  t.match(check('{ root { nodes { children { nodes { id } } } } }', wide)[0], /cost 5100 exceeds/, 'lists without first count 50 rows each: 50 x (1 + (1 + 50 x (1 + 1)))');
});

t.test('nested fields are batched: the statement count does not grow with the rows', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const query = '{ audit_events(first: 200) { nodes { id actor { id member { id name } } actor_member { id } } } }';
  const count = async () => {
    h.testDb.statements.length = 0;
    const res = await gql(h, query);
    t.notOk(res.json().errors, 'no errors');
    return { statements: h.testDb.statements.filter((s) => !/last_used_at|from "api_keys" where "secret_hash"/.test(s)).length, rows: res.json().data.audit_events.nodes.length };
  };
  const m = await makeMember(h);
  await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'personal', scopes: ['admin'], member_id: m.id } });
  const small = await count();
  for (let i = 0; i < 15; i++) {
    const mem = await makeMember(h);
    await makeApiKey(h, ['sop:read']);
    await h.request({ method: 'PATCH', url: `/v1/members/${mem.id}`, payload: { title: 'x' } });
  }
  const large = await count();
  t.ok(large.rows > small.rows * 5, `many more rows (${small.rows} -> ${large.rows})`);
  t.equal(large.statements, small.statements, `the same ${small.statements} statements for ${small.rows} and ${large.rows} rows`);
});

t.test('GraphQL reports domain errors with their REST code', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const badCursor = await gql(h, '{ members(first: 2, after: "zz") { nodes { id } } }');
  t.equal(badCursor.json().errors[0].extensions.code, 'invalid_cursor');
  const badTime = await gql(h, '{ audit_events(from: "garbage") { nodes { id } } }');
  t.equal(badTime.json().errors[0].extensions.code, 'validation_failed');
  const malformed = await h.request({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' });
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.json().code, 'malformed_json');
});
