import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { ProblemError, SDK_VERSION, createClient } from '../src/index.ts';
import { recordingFetch } from './helpers/recording-fetch.ts';

const server = await startTestServer();
t.teardown(server.close);

const client = createClient({ baseUrl: server.url, apiKey: server.adminKey });

async function rejection(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected the call to reject with a ProblemError');
}

t.test('GET /v1/workspace answers the workspace of the key', async (t) => {
  const workspace = await client.GET('/v1/workspace');
  t.equal(workspace.id, server.workspaceId);
  t.equal(workspace.object, 'workspace');
  t.equal(workspace.name, 'default');
});

t.test('paginate follows next_cursor across pages and yields every member once', async (t) => {
  const created: string[] = [];
  for (let i = 0; i < 5; i++) {
    const member = await client.POST('/v1/members', { body: { name: `Page member ${i}`, email: `page${i}@example.com`, role: 'operator' } });
    t.equal(member.object, 'member');
    created.push(member.id);
  }

  const recorder = recordingFetch();
  const paging = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: recorder.fetch });
  const seen: string[] = [];
  for await (const member of paging.paginate('/v1/members', { params: { query: { limit: 2, role: 'operator' } } })) {
    seen.push(member.id);
  }

  t.same([...seen].sort(), [...created].sort(), 'every created member, each once');
  t.equal(recorder.sent.length, 3, 'three pages of at most 2');
  t.same(
    recorder.sent.map((r) => r.url.searchParams.get('limit')),
    ['2', '2', '2'],
    'the caller query is kept on every page',
  );
  t.same(recorder.sent.map((r) => r.url.searchParams.get('role')), ['operator', 'operator', 'operator']);
  t.equal(recorder.sent[0]!.url.searchParams.get('cursor'), null, 'the first page has no cursor');
  t.ok(recorder.sent[1]!.url.searchParams.get('cursor'), 'the next pages send the cursor they were given');
  t.not(recorder.sent[1]!.url.searchParams.get('cursor'), recorder.sent[2]!.url.searchParams.get('cursor'));
});

t.test('paginate stops early when the loop breaks', async (t) => {
  const recorder = recordingFetch();
  const paging = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: recorder.fetch });
  for await (const member of paging.paginate('/v1/members', { params: { query: { limit: 1 } } })) {
    t.equal(member.object, 'member');
    break;
  }
  t.equal(recorder.sent.length, 1, 'no page is fetched that nobody reads');
});

t.test('a missing object is a ProblemError with code not_found', async (t) => {
  const error = await rejection(client.GET('/v1/members/{id}', { params: { path: { id: 'mem_doesnotexist' } } }));
  t.equal(error.status, 404);
  t.equal(error.code, 'not_found');
  t.match(error.requestId, /^req_/);
  t.equal(error.problem.request_id, error.requestId);
  t.match(error.message, /not_found/);
  t.same(error.errors, []);
});

t.test('an invalid body is a ProblemError with code validation_failed and field errors', async (t) => {
  const error = await rejection(client.POST('/v1/members', { body: { name: 'Bad email', email: 'not-an-email', role: 'viewer' } }));
  t.equal(error.status, 400);
  t.equal(error.code, 'validation_failed');
  t.ok(
    error.errors.some((e) => e.path === '/body/email'),
    'the field error names the email',
  );
});

t.test('paths, parameters and bodies are typed', async (t) => {
  // The type errors below are the point: each call is also refused by the server.
  // @ts-expect-error an unknown path does not compile
  const unknownPath = await rejection(client.GET('/v1/no-such-route'));
  t.equal(unknownPath.code, 'route_not_found');

  // @ts-expect-error a role outside the enum does not compile
  const badRole = await rejection(client.POST('/v1/members', { body: { name: 'Typed', email: 'typed@example.com', role: 'king' } }));
  t.equal(badRole.code, 'validation_failed');
});

t.test('an unknown API key is a ProblemError with code unauthenticated', async (t) => {
  const stranger = createClient({ baseUrl: server.url, apiKey: 'sk_not_a_real_key' });
  const error = await rejection(stranger.GET('/v1/workspace'));
  t.equal(error.status, 401);
  t.equal(error.code, 'unauthenticated');
});

t.test('the raw client answers { data, error, response } with the same authentication', async (t) => {
  const ok = await client.raw.GET('/v1/workspace');
  t.equal(ok.response.status, 200);
  t.equal(ok.response.headers.get('etag'), '"1"');
  t.equal(ok.data?.id, server.workspaceId);

  const missing = await client.raw.GET('/v1/api-keys/{id}', { params: { path: { id: 'key_doesnotexist' } } });
  t.equal(missing.response.status, 404);
  t.equal(missing.error?.code, 'not_found');
});

t.test('every request carries the key and a User-Agent naming the application and the SDK', async (t) => {
  const recorder = recordingFetch();
  const named = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: recorder.fetch, userAgent: 'price-sync/2.1' });
  await named.GET('/v1/workspace');
  t.equal(recorder.sent[0]!.headers.get('authorization'), `Bearer ${server.adminKey}`);
  t.equal(recorder.sent[0]!.headers.get('user-agent'), `price-sync/2.1 sellerops-sdk/${SDK_VERSION}`);
});

t.test('DELETE with If-Match revokes a key and a stale version is refused', async (t) => {
  const key = await client.POST('/v1/api-keys', { body: { name: 'short lived', scopes: ['sop:read'] } });
  const stale = await rejection(
    client.DELETE('/v1/api-keys/{id}', { params: { path: { id: key.id }, header: { 'if-match': `"${key.version + 1}"` } } }),
  );
  t.equal(stale.status, 412);
  t.equal(stale.code, 'version_conflict');

  const revoked = await client.DELETE('/v1/api-keys/{id}', { params: { path: { id: key.id }, header: { 'if-match': `"${key.version}"` } } });
  t.equal(revoked.id, key.id);
  t.type(revoked.revoked_at, 'string');
});
