import Fastify from 'fastify';
import t from 'tap';
import inFlightLimitPlugin from '../src/plugins/in-flight-limit.ts';
import problemDetailsPlugin from '../src/plugins/problem-details.ts';

// Requests past the bound are refused at once; those accepted are served, and the
// count comes back down however a request ends.
async function appWithBound(max: number) {
  const app = Fastify({ logger: false });
  await app.register(problemDetailsPlugin);
  await app.register(inFlightLimitPlugin, { max });
  let open: Array<() => void> = [];
  app.get('/slow', async () => {
    await new Promise<void>((resolve) => open.push(resolve));
    return { ok: true };
  });
  app.get('/fail', async () => {
    throw new Error('boom');
  });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.ready();
  const releaseAll = () => {
    const waiting = open;
    open = [];
    for (const resolve of waiting) resolve();
  };
  const waitingCount = () => open.length;
  return { app, releaseAll, waitingCount };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

t.test('past the bound a request is refused at once with 503 overloaded and Retry-After', async (t) => {
  const { app, releaseAll, waitingCount } = await appWithBound(2);
  t.teardown(() => app.close());
  const first = app.inject({ method: 'GET', url: '/slow' });
  const second = app.inject({ method: 'GET', url: '/slow' });
  await until(() => waitingCount() === 2);
  t.equal(app.inFlightRequests!(), 2);

  const refused = await app.inject({ method: 'GET', url: '/slow' });
  t.equal(refused.statusCode, 503);
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(refused.headers['retry-after'], '1');
  t.equal(refused.json().code, 'overloaded');
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, '/health is never refused');

  releaseAll();
  t.same([(await first).statusCode, (await second).statusCode], [200, 200], 'the accepted requests are served');
  t.equal(app.inFlightRequests!(), 0);
  const again = app.inject({ method: 'GET', url: '/slow' });
  await until(() => waitingCount() === 1);
  releaseAll();
  t.equal((await again).statusCode, 200, 'room again once they are done');
});

t.test('failed and refused requests do not keep a place', async (t) => {
  const { app } = await appWithBound(1);
  t.teardown(() => app.close());
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ method: 'GET', url: '/fail' })).statusCode, 500);
  t.equal((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode, 404);
  t.equal(app.inFlightRequests!(), 0);
});

t.test('a client that hangs up gives its place back', async (t) => {
  const { app, releaseAll, waitingCount } = await appWithBound(1);
  t.teardown(() => app.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const hungUp = fetch(`${url}/slow`, { signal: controller.signal }).catch(() => 'aborted');
  await until(() => waitingCount() === 1);
  controller.abort();
  t.equal(await hungUp, 'aborted');
  await until(() => app.inFlightRequests!() === 0);
  t.equal(app.inFlightRequests!(), 0, 'released when the connection closed');
  releaseAll();
});
