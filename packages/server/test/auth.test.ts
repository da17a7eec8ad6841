import t from 'tap';
import { SCOPES } from '@sellerops/schemas';
import { hashSecret } from '../src/lib/secrets.ts';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';

t.test('keys: shown once, stored hashed, listed without secret, revocable', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const created = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'BI tool', scopes: ['metrics:read'] } });
  t.equal(created.statusCode, 201);
  const key = created.json();
  t.match(key.secret, /^sk_[0-9A-Za-z]{40}$/);
  t.equal(key.prefix, key.secret.slice(0, 10));

  const row = await h.app.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
  t.equal(row.secret_hash, hashSecret(key.secret), 'only the hash is stored');
  t.notOk(JSON.stringify(row).includes(key.secret), 'the secret is nowhere in the row');

  const list = await h.request({ method: 'GET', url: '/v1/api-keys' });
  t.notOk(list.body.includes(key.secret), 'the list never shows the secret');
  t.notOk(list.body.includes(row.secret_hash), 'nor the hash');
  t.notOk('secret' in list.json().data[0], 'no secret field');
  const one = await h.request({ method: 'GET', url: `/v1/api-keys/${key.id}` });
  t.notOk('secret' in one.json());

  const used = await h.request({ method: 'GET', url: '/v1/workspace', key: key.secret });
  t.equal(used.statusCode, 200, 'the key works');
  const afterUse = await h.request({ method: 'GET', url: `/v1/api-keys/${key.id}` });
  t.type(afterUse.json().last_used_at, 'string', 'last_used_at is recorded');

  const revoked = await h.request({ method: 'DELETE', url: `/v1/api-keys/${key.id}` });
  t.equal(revoked.statusCode, 200);
  t.type(revoked.json().revoked_at, 'string');
  const refused = await h.request({ method: 'GET', url: '/v1/workspace', key: key.secret });
  t.equal(refused.statusCode, 401);
  t.equal(refused.json().code, 'unauthenticated');
  t.equal(refused.headers['www-authenticate'], 'Bearer');
  const activeOnly = await h.request({ method: 'GET', url: '/v1/api-keys?revoked=false' });
  t.notOk(activeOnly.json().data.some((k: { id: string }) => k.id === key.id), 'filter revoked=false hides it');
});

t.test('scopes: each key reaches only what its scopes allow; admin implies every scope', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const reader = await h.createKey(['sop:read', 'metrics:read']);
  const adminRoutes = h.app.routeTable.filter((r) => r.config.scope === 'admin' && r.method !== 'HEAD');
  t.ok(adminRoutes.length >= 5);
  for (const route of adminRoutes) {
    const res = await h.request({ method: route.method as 'GET', url: route.url.replace(':id', 'mem_01X'), key: reader, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
    t.equal(res.statusCode, 403, `${route.method} ${route.url} needs admin`);
    t.equal(res.json().code, 'forbidden');
  }
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace', key: reader })).statusCode, 200, 'any key reads its workspace');
  t.equal((await h.request({ method: 'GET', url: '/v1/members', key: reader })).statusCode, 200, 'any key reads members');
  const all = await h.createKey([...SCOPES]);
  t.equal((await h.request({ method: 'GET', url: '/v1/api-keys', key: all })).statusCode, 200);
});

t.test('every /v1 route declares its access; none is public by accident', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  for (const route of h.app.routeTable.filter((r) => r.url.startsWith('/v1'))) {
    t.ok(route.config.scope, `${route.method} ${route.url} requires a scope`);
    if (route.method === 'HEAD') continue;
    const res = await h.request({ method: route.method as 'GET', url: route.url.replace(':id', 'mem_01X'), key: null });
    t.equal(res.statusCode, 401, `${route.method} ${route.url} refuses a request without a key`);
  }
  t.throws(() => h.app.get('/v1/unguarded', async () => ({})), 'registering a /v1 route without access config fails');
});

t.test('any key reads itself at /v1/api-keys/current', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const reader = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'reader', scopes: ['sop:read'] } });
  const res = await h.request({ method: 'GET', url: '/v1/api-keys/current', key: reader.json().secret });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { id: reader.json().id, name: 'reader', scopes: ['sop:read'] });
  t.notOk('secret' in res.json());
});

t.test('the last active admin key cannot be revoked', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const keys = await h.request({ method: 'GET', url: '/v1/api-keys' });
  const adminId = keys.json().data[0].id;
  const res = await h.request({ method: 'DELETE', url: `/v1/api-keys/${adminId}` });
  t.equal(res.statusCode, 409);
  t.equal(res.json().code, 'conflict');
  const second = await h.createKey(['admin']);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/api-keys/${adminId}`, key: second })).statusCode, 200, 'with another admin key it can');
});

t.test('deactivating a member revokes their keys', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const m = await makeMember(h);
  const res = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'personal', scopes: ['sop:write'], member_id: m.id } });
  const secret = res.json().secret;
  t.equal(res.json().member_id, m.id);
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace', key: secret })).statusCode, 200);
  const removed = await h.request({ method: 'DELETE', url: `/v1/members/${m.id}` });
  t.equal(removed.statusCode, 200);
  t.equal(removed.json().active, false, 'kept, inactive');
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace', key: secret })).statusCode, 401, 'their key no longer works');
  const again = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'x', scopes: ['sop:read'], member_id: m.id } });
  t.equal(again.statusCode, 422, 'no new key for an inactive member');
});

t.test('a key revoked by another copy of the service stops working within the cache TTL', async (t) => {
  const h = await createTestApp({ AUTH_CACHE_TTL_MS: 300 });
  t.teardown(h.close);
  const key = await h.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'elsewhere', scopes: ['sop:read'] } });
  const secret = key.json().secret;
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace', key: secret })).statusCode, 200, 'cached as valid');
  // Another process revokes it: straight in the database, this process is not told.
  await h.app.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', key.json().id).execute();
  await new Promise((r) => setTimeout(r, 400));
  t.equal((await h.request({ method: 'GET', url: '/v1/workspace', key: secret })).statusCode, 401, 'refused once the TTL has passed');
});
