import t, { type Test } from 'tap';
import { ProblemError, createClient } from '../src/index.ts';
import { WORKSPACE, problem, startStubServer, type StubAnswer } from './helpers/stub-server.ts';

async function stubbed(t: Test, answers: StubAnswer[]) {
  const stub = await startStubServer(answers);
  t.teardown(stub.close);
  return stub;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

const gap = (requests: Array<{ at: number }>, i: number) => requests[i]!.at - requests[i - 1]!.at;

t.test('a 429 is retried after Retry-After seconds', async (t) => {
  const stub = await stubbed(t, [{ ...problem(429, 'rate_limited'), headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } }, { status: 200, body: WORKSPACE }]);
  const client = createClient({ baseUrl: stub.url, apiKey: 'sk_test' });

  const workspace = await client.GET('/v1/workspace');

  t.equal(workspace.id, WORKSPACE.id);
  t.equal(stub.requests.length, 2);
  t.ok(gap(stub.requests, 1) >= 950, `waited ${gap(stub.requests, 1)} ms for Retry-After: 1`);
});

t.test('a 503 is retried after a Retry-After given as an HTTP date', async (t) => {
  const retryAt = new Date(Date.now() + 2000).toUTCString();
  const stub = await stubbed(t, [{ ...problem(503, 'overloaded'), headers: { 'content-type': 'application/problem+json', 'retry-after': retryAt } }, { status: 200, body: WORKSPACE }]);
  const client = createClient({ baseUrl: stub.url, apiKey: 'sk_test' });

  await client.GET('/v1/workspace');

  t.equal(stub.requests.length, 2);
  // An HTTP date has whole seconds, so "now + 2 s" truncated is at least 1 s away.
  t.ok(gap(stub.requests, 1) >= 900, `waited ${gap(stub.requests, 1)} ms for ${retryAt}`);
});

t.test('a retried POST sends the same Idempotency-Key and body every time', async (t) => {
  const stub = await stubbed(t, [
    { ...problem(503, 'service_unavailable'), headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } },
    { ...problem(429, 'rate_limited'), headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } },
    { status: 201, body: { ...WORKSPACE, object: 'member' } },
  ]);
  const client = createClient({ baseUrl: stub.url, apiKey: 'sk_test' });

  await client.POST('/v1/members', { body: { name: 'Ada', email: 'ada@example.com', role: 'owner' } });

  t.equal(stub.requests.length, 3);
  const keys = stub.requests.map((r) => r.headers['idempotency-key']);
  t.type(keys[0], 'string');
  t.same(keys, [keys[0], keys[0], keys[0]]);
  t.same(
    stub.requests.map((r) => JSON.parse(r.body)),
    Array(3).fill({ name: 'Ada', email: 'ada@example.com', role: 'owner' }),
  );
});

t.test('retries stop after maxRetries and the last problem is thrown', async (t) => {
  const stub = await stubbed(t, [{ ...problem(429, 'rate_limited'), headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } }]);
  const client = createClient({ baseUrl: stub.url, apiKey: 'sk_test', maxRetries: 2 });

  const error = await rejection(client.GET('/v1/workspace'));

  t.equal(stub.requests.length, 3, 'the first attempt and two retries');
  t.ok(error instanceof ProblemError);
  t.equal((error as ProblemError).status, 429);
  t.equal((error as ProblemError).code, 'rate_limited');
  t.equal((error as ProblemError).retryAfterMs, 0);
  t.equal((error as ProblemError).requestId, 'req_rate_limited');
});

t.test('a negative or fractional maxRetries is refused when the client is created', async (t) => {
  t.throws(() => createClient({ baseUrl: 'http://127.0.0.1:3000', maxRetries: -1 }), RangeError);
  t.throws(() => createClient({ baseUrl: 'http://127.0.0.1:3000', maxRetries: 1.5 }), RangeError);
});

t.test('maxRetries 0 sends once', async (t) => {
  const stub = await stubbed(t, [problem(503, 'overloaded'), { status: 200, body: WORKSPACE }]);
  const client = createClient({ baseUrl: stub.url, maxRetries: 0 });
  const error = await rejection(client.GET('/v1/workspace'));
  t.equal(stub.requests.length, 1);
  t.equal((error as ProblemError).code, 'overloaded');
});

for (const [status, code] of [
  [400, 'validation_failed'],
  [409, 'conflict'],
  [500, 'internal_error'],
] as const) {
  t.test(`a ${status} is never retried`, async (t) => {
    const stub = await stubbed(t, [problem(status, code), { status: 200, body: WORKSPACE }]);
    const client = createClient({ baseUrl: stub.url, apiKey: 'sk_test' });

    const error = await rejection(client.GET('/v1/workspace'));

    t.equal(stub.requests.length, 1);
    t.ok(error instanceof ProblemError);
    t.equal((error as ProblemError).status, status);
    t.equal((error as ProblemError).code, code);
  });
}

t.test('a Retry-After longer than maxRetryAfterMs is not waited for', async (t) => {
  const stub = await stubbed(t, [{ ...problem(429, 'rate_limited'), headers: { 'content-type': 'application/problem+json', 'retry-after': '120' } }, { status: 200, body: WORKSPACE }]);
  const client = createClient({ baseUrl: stub.url, maxRetryAfterMs: 30_000 });
  const started = Date.now();

  const error = await rejection(client.GET('/v1/workspace'));

  t.equal(stub.requests.length, 1);
  t.ok(Date.now() - started < 1000, 'rejected at once');
  t.equal((error as ProblemError).retryAfterMs, 120_000, 'the wait asked for is on the error');
});

t.test('network failures are retried with backoff', async (t) => {
  const stub = await stubbed(t, [{ status: 200, body: WORKSPACE }]);
  let attempts = 0;
  const flakyFetch = async (request: Request) => {
    attempts++;
    if (attempts <= 2) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }) });
    return globalThis.fetch(request);
  };
  const client = createClient({ baseUrl: stub.url, fetch: flakyFetch, backoff: { baseDelayMs: 10 } });

  const workspace = await client.GET('/v1/workspace');

  t.equal(workspace.id, WORKSPACE.id);
  t.equal(attempts, 3);
  t.equal(stub.requests.length, 1, 'only the third attempt reached the server');
});

t.test('a network failure on the last attempt rejects with that failure', async (t) => {
  let attempts = 0;
  const deadFetch = async () => {
    attempts++;
    throw new TypeError('fetch failed');
  };
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', fetch: deadFetch, maxRetries: 1, backoff: { baseDelayMs: 10 } });

  const error = await rejection(client.GET('/v1/workspace'));

  t.equal(attempts, 2);
  t.ok(error instanceof TypeError);
  t.equal((error as Error).message, 'fetch failed');
});

t.test('aborting stops a retry wait at once', async (t) => {
  const stub = await stubbed(t, [{ ...problem(503, 'overloaded'), headers: { 'content-type': 'application/problem+json', 'retry-after': '10' } }, { status: 200, body: WORKSPACE }]);
  const client = createClient({ baseUrl: stub.url });
  const started = Date.now();

  const error = await rejection(client.GET('/v1/workspace', { signal: AbortSignal.timeout(100) }));

  t.ok(Date.now() - started < 2000, 'did not wait the 10 seconds');
  t.equal(stub.requests.length, 1);
  t.equal((error as Error).name, 'TimeoutError');
});

t.test("a proxy's HTML error page becomes a ProblemError with code http_<status>", async (t) => {
  const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
  const stub = await stubbed(t, [{ status: 502, headers: { 'content-type': 'text/html' }, body: html }]);
  const client = createClient({ baseUrl: stub.url });

  const error = await rejection(client.GET('/v1/workspace'));

  t.equal(stub.requests.length, 1, '502 is not retried');
  t.ok(error instanceof ProblemError);
  const problemError = error as ProblemError;
  t.equal(problemError.status, 502);
  t.equal(problemError.code, 'http_502');
  t.equal(problemError.body, html, 'the body is kept as received');
  t.equal(problemError.requestId, null);
  t.match(problemError.detail, /not a problem document \(text\/html\)/);
});

t.test('an empty error body becomes a ProblemError too', async (t) => {
  const stub = await stubbed(t, [{ status: 504, headers: { 'x-request-id': 'req_from_header' } }]);
  const client = createClient({ baseUrl: stub.url });

  const error = (await rejection(client.GET('/v1/workspace'))) as ProblemError;

  t.equal(error.code, 'http_504');
  t.equal(error.requestId, 'req_from_header', 'the request id header is used when there is no problem body');
  t.match(error.detail, /empty body/);
});
