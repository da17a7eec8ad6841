import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeApiKey, makeMember } from './helpers/factories.ts';
import { databaseSnapshot } from './helpers/snapshot.ts';

t.test('GET of one object carries ETag; PATCH with a stale If-Match is 412 and changes nothing', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const m = await makeMember(h);
  const got = await h.request({ method: 'GET', url: `/v1/members/${m.id}` });
  t.equal(got.headers.etag, '"1"');

  const patched = await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, headers: { 'if-match': '"1"' }, payload: { title: 'EU lead' } });
  t.equal(patched.statusCode, 200);
  t.equal(patched.json().version, 2);
  t.equal(patched.headers.etag, '"2"');

  const before = await databaseSnapshot(h);
  const stale = await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, headers: { 'if-match': '"1"' }, payload: { title: 'lost update' } });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'version_conflict');
  t.equal(stale.headers.etag, '"2"', 'the current version is named');
  t.same(await databaseSnapshot(h), before, 'nothing changed');

  const weak = await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, headers: { 'if-match': 'W/"2"' }, payload: { title: 'ok' } });
  t.equal(weak.statusCode, 200, 'a weak ETag is accepted');
  const none = await h.request({ method: 'PATCH', url: `/v1/members/${m.id}`, payload: { title: 'no precondition' } });
  t.equal(none.statusCode, 200, 'If-Match is optional');
  t.equal(none.json().version, 4);
});

t.test('DELETE honours If-Match', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const m = await makeMember(h);
  const k = await makeApiKey(h);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/members/${m.id}`, headers: { 'if-match': '"7"' } })).statusCode, 412);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/api-keys/${k.id}`, headers: { 'if-match': '"7"' } })).statusCode, 412);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/members/${m.id}`, headers: { 'if-match': '"1"' } })).statusCode, 200);
  t.equal((await h.request({ method: 'DELETE', url: `/v1/api-keys/${k.id}`, headers: { 'if-match': '"1"' } })).statusCode, 200);
});
