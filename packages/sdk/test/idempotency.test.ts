import t from 'tap';
import { startTestServer } from '@sellerops/server/testing';
import { createClient } from '../src/index.ts';
import { recordingFetch, type SentRequest } from './helpers/recording-fetch.ts';

const server = await startTestServer();
t.teardown(server.close);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

t.test('every POST gets its own Idempotency-Key; a GET gets none', async (t) => {
  const recorder = recordingFetch();
  const client = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: recorder.fetch });
  await client.POST('/v1/members', { body: { name: 'First', email: 'first@example.com', role: 'viewer' } });
  await client.POST('/v1/members', { body: { name: 'Second', email: 'second@example.com', role: 'viewer' } });
  await client.GET('/v1/members');

  const [first, second, list] = recorder.sent;
  t.match(first!.headers.get('idempotency-key'), UUID);
  t.match(second!.headers.get('idempotency-key'), UUID);
  t.not(first!.headers.get('idempotency-key'), second!.headers.get('idempotency-key'));
  t.equal(list!.headers.get('idempotency-key'), null);
});

t.test("the caller's Idempotency-Key is sent instead, and the server replays the first answer", async (t) => {
  const recorder = recordingFetch();
  const client = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: recorder.fetch });
  const init = {
    body: { name: 'Replayed', email: 'replayed@example.com', role: 'viewer' as const },
    params: { header: { 'idempotency-key': 'import-2026-11-27-row-7' } },
  };
  const first = await client.POST('/v1/members', init);
  const again = await client.POST('/v1/members', init);

  t.same(
    recorder.sent.map((r) => r.headers.get('idempotency-key')),
    ['import-2026-11-27-row-7', 'import-2026-11-27-row-7'],
  );
  t.equal(again.id, first.id, 'the second call got the stored answer');
});

t.test('a POST whose answer is lost on the network is retried with the same key and creates once', async (t) => {
  const attempts: SentRequest[] = [];
  // The first attempt reaches the server (the member is created) but its answer never
  // arrives; the client must retry, and the retry must not create a second member.
  const losingFetch = async (request: Request): Promise<Response> => {
    attempts.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: await request.clone().text() });
    const response = await globalThis.fetch(request);
    if (attempts.length === 1) {
      await response.body?.cancel();
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    }
    return response;
  };
  const client = createClient({ baseUrl: server.url, apiKey: server.adminKey, fetch: losingFetch, backoff: { baseDelayMs: 10 } });

  const member = await client.POST('/v1/members', { body: { name: 'Once', email: 'once@example.com', role: 'operator' } });

  t.equal(attempts.length, 2, 'one retry after the network failure');
  t.match(attempts[0]!.headers.get('idempotency-key'), UUID);
  t.equal(attempts[1]!.headers.get('idempotency-key'), attempts[0]!.headers.get('idempotency-key'), 'the retry reuses the key');
  t.equal(attempts[1]!.body, attempts[0]!.body, 'the retry sends the same body');

  const matching = await client.GET('/v1/members', { params: { query: { q: 'once@example.com' } } });
  t.equal(matching.data.length, 1, 'exactly one member was created');
  t.equal(matching.data[0]!.id, member.id, 'the retry answered with the member the first attempt created');
});
