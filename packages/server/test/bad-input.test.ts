import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

/**
 * Bad input for each route family gets problem+json with a stable code, and the
 * database is exactly as it was before.
 */
t.test('bad input is refused with problem+json and changes nothing', async (t) => {
  const h = await createTestApp({ BODY_LIMIT_BYTES: 4096 });
  t.teardown(h.close);
  const member = await makeMember(h);
  const json = { 'content-type': 'application/json' };

  const cases: Array<{ name: string; status: number; code: string; req: Parameters<typeof h.request>[0] }> = [
    // members
    { name: 'member: wrong type', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { name: 42, email: 'a@b.co', role: 'operator' } } },
    { name: 'member: unknown field', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { name: 'A', email: 'a@b.co', role: 'operator', is_admin: true } } },
    { name: 'member: server-owned id', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { id: 'mem_X', name: 'A', email: 'a@b.co', role: 'operator' } } },
    { name: 'member: bad enum', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { name: 'A', email: 'a@b.co', role: 'king' } } },
    { name: 'member: bad email', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { name: 'A', email: 'not-an-email', role: 'operator' } } },
    { name: 'member: missing field', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', payload: { name: 'A' } } },
    { name: 'member: duplicate email', status: 409, code: 'conflict', req: { method: 'POST', url: '/v1/members', payload: { name: 'B', email: member.email.toUpperCase(), role: 'viewer' } } },
    { name: 'member: empty patch', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/members/${member.id}`, payload: {} } },
    { name: 'member: patch version field', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/members/${member.id}`, payload: { version: 9 } } },
    { name: 'member: malformed id', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/members/not an id' } },
    { name: 'member: bad If-Match', status: 400, code: 'validation_failed', req: { method: 'PATCH', url: `/v1/members/${member.id}`, payload: { name: 'X' }, headers: { 'if-match': 'yesterday' } } },
    { name: 'members: limit too large', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/members?limit=201' } },
    { name: 'members: limit zero', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/members?limit=0' } },
    { name: 'members: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/members?cursor=bm90IGEgY3Vyc29y' } },
    { name: 'members: unknown query parameter', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/members?colour=red' } },
    // API keys
    { name: 'api key: unknown scope', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/api-keys', payload: { name: 'k', scopes: ['root'] } } },
    { name: 'api key: no scopes', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/api-keys', payload: { name: 'k', scopes: [] } } },
    { name: 'api key: secret chosen by client', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/api-keys', payload: { name: 'k', scopes: ['admin'], secret: 'sk_mine' } } },
    { name: 'api key: foreign member', status: 422, code: 'validation_failed', req: { method: 'POST', url: '/v1/api-keys', payload: { name: 'k', scopes: ['sop:read'], member_id: 'mem_01NOSUCHMEMBER' } } },
    { name: 'api keys: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/api-keys?cursor=%5B%5D' } },
    // workspaces
    { name: 'workspace: empty name', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/workspaces', payload: { name: '' } } },
    { name: 'workspace: id given', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/workspaces', payload: { name: 'X', id: 'ws_1' } } },
    // audit
    { name: 'audit: bad time', status: 400, code: 'validation_failed', req: { method: 'GET', url: '/v1/audit-events?from=yesterday' } },
    { name: 'audit: bad cursor', status: 400, code: 'invalid_cursor', req: { method: 'GET', url: '/v1/audit-events?cursor=!!!' } },
    // transport-level
    { name: 'malformed JSON', status: 400, code: 'malformed_json', req: { method: 'POST', url: '/v1/members', headers: json, payload: '{"name": "A",' } },
    { name: 'JSON that is not an object', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', headers: json, payload: '[1,2]' } },
    { name: 'empty JSON body', status: 400, code: 'malformed_json', req: { method: 'POST', url: '/v1/members', headers: json, payload: '' } },
    { name: 'oversize body', status: 413, code: 'payload_too_large', req: { method: 'POST', url: '/v1/members', payload: { name: 'x'.repeat(10_000), email: 'a@b.co', role: 'operator' } } },
    { name: 'wrong content type', status: 415, code: 'unsupported_media_type', req: { method: 'POST', url: '/v1/members', headers: { 'content-type': 'text/plain' }, payload: 'name=A' } },
    { name: 'bad key', status: 401, code: 'unauthenticated', req: { method: 'POST', url: '/v1/members', key: 'sk_wrong', payload: { name: 'A', email: 'a@b.co', role: 'operator' } } },
    { name: 'no key', status: 401, code: 'unauthenticated', req: { method: 'GET', url: '/v1/members', key: null } },
    { name: 'malformed authorization', status: 401, code: 'unauthenticated', req: { method: 'GET', url: '/v1/members', key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } } },
    { name: 'unknown route', status: 404, code: 'route_not_found', req: { method: 'GET', url: '/v1/nothing-here' } },
    { name: 'wrong method', status: 405, code: 'method_not_allowed', req: { method: 'PUT', url: '/v1/members' } },
    { name: 'idempotency key too long', status: 400, code: 'validation_failed', req: { method: 'POST', url: '/v1/members', headers: { 'idempotency-key': 'k'.repeat(300) }, payload: { name: 'A', email: 'z@b.co', role: 'operator' } } },
  ];

  for (const c of cases) {
    const before = await databaseSnapshot(h);
    const res = await h.request(c.req);
    t.equal(res.statusCode, c.status, `${c.name}: status ${c.status}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`);
    const body = res.json();
    t.equal(body.code, c.code, `${c.name}: code ${c.code}`);
    t.equal(body.status, c.status, `${c.name}: status in body`);
    t.type(body.detail, 'string', `${c.name}: has a detail`);
    t.equal(body.request_id, res.headers['x-request-id'], `${c.name}: request id matches the header`);
    const after = await databaseSnapshot(h);
    t.same(after, before, `${c.name}: changed nothing`);
  }
});

t.test('validation errors name the offending field', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'POST', url: '/v1/members', payload: { name: 'A', email: 'a@b.co', role: 'operator', salary: 1 } });
  t.same(res.json().errors, [{ path: '/body/salary', message: 'is not a known field' }]);
  const missing = await h.request({ method: 'POST', url: '/v1/members', payload: { name: 'A', role: 'operator' } });
  t.same(missing.json().errors, [{ path: '/body/email', message: 'is required' }]);
});

t.test('405 lists the allowed methods', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const res = await h.request({ method: 'PUT', url: '/v1/api-keys' });
  t.equal(res.statusCode, 405);
  t.match(res.headers.allow, /GET/);
  t.match(res.headers.allow, /POST/);
});
