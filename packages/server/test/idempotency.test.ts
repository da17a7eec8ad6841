import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

const member = (email: string) => ({ name: 'Ann', email, role: 'operator' });

t.test('POST with Idempotency-Key: a repeat replays the first response and creates nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const headers = { 'idempotency-key': 'create-ann-1' };
  const first = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('ann@example.com') });
  t.equal(first.statusCode, 201);
  t.notOk(first.headers['idempotent-replayed'], 'the first response is not a replay');
  const before = await databaseSnapshot(h);

  const second = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('ann@example.com') });
  t.equal(second.statusCode, 201, 'same status');
  t.equal(second.body, first.body, 'same body, byte for byte');
  t.equal(second.headers['idempotent-replayed'], 'true');
  t.equal(second.headers.etag, first.headers.etag, 'same ETag');
  t.same(await databaseSnapshot(h), before, 'the replay changed nothing');

  const list = await h.request({ method: 'GET', url: '/v1/members' });
  t.equal(list.json().data.length, 1, 'one member exists');
});

t.test('the same key with a different body is 409 idempotency_conflict', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const headers = { 'idempotency-key': 'k-2' };
  t.equal((await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('a@example.com') })).statusCode, 201);
  const before = await databaseSnapshot(h);
  const res = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('b@example.com') });
  t.equal(res.statusCode, 409);
  t.equal(res.json().code, 'idempotency_conflict');
  t.same(await databaseSnapshot(h), before, 'nothing changed');
});

t.test('keys are scoped per route and per workspace', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const other = await h.createWorkspace('B');
  const headers = { 'idempotency-key': 'shared-key' };
  const a = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('a@example.com') });
  const b = await h.request({ method: 'POST', url: '/v1/members', headers, key: other.key, payload: member('a@example.com') });
  t.equal(a.statusCode, 201);
  t.equal(b.statusCode, 201);
  t.not(a.json().id, b.json().id, 'workspace B got its own member, not a replay of A');
  const k = await h.request({ method: 'POST', url: '/v1/api-keys', headers, payload: { name: 'x', scopes: ['sop:read'] } });
  t.equal(k.statusCode, 201, 'the same key on another route is a new request');
});

t.test('a failed request stores nothing, so the key can be retried with a fixed body', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const headers = { 'idempotency-key': 'retry-me' };
  await h.request({ method: 'POST', url: '/v1/members', payload: member('taken@example.com') });
  const failed = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('taken@example.com') });
  t.equal(failed.statusCode, 409, 'duplicate email fails');
  const fixed = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('free@example.com') });
  t.equal(fixed.statusCode, 201, 'the same key now executes the corrected request');
});

t.test('concurrent requests with one key execute once', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const headers = { 'idempotency-key': 'race' };
  const responses = await Promise.all(
    Array.from({ length: 8 }, () => h.request({ method: 'POST', url: '/v1/members', headers, payload: member('race@example.com') })),
  );
  const ok = responses.filter((r) => r.statusCode === 201);
  t.equal(ok.length, 8, 'every request is answered with the one result');
  t.equal(new Set(ok.map((r) => r.json().id)).size, 1, 'all carry the same member');
  t.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 7, 'seven were replays');
  const list = await h.request({ method: 'GET', url: '/v1/members' });
  t.equal(list.json().data.length, 1, 'exactly one member was created');
});

t.test('an expired key executes again', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const headers = { 'idempotency-key': 'old' };
  const first = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('old@example.com') });
  t.equal(first.statusCode, 201);
  await h.app.db.updateTable('idempotency_keys').set({ created_at: new Date(Date.now() - 25 * 3600_000) }).execute();
  const again = await h.request({ method: 'POST', url: '/v1/members', headers, payload: member('new@example.com') });
  t.equal(again.statusCode, 201);
  t.not(again.json().id, first.json().id, 'a new member was created');
});
