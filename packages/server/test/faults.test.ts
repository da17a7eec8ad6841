import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { bootstrap } from '../src/modules/workspace/workspace.service.ts';
import { testEngine } from './helpers/database.ts';
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.ts';
import { startServer, stopServer } from './helpers/server-process.ts';

/**
 * Faults a production service meets: the database stops under traffic, the pool runs
 * dry, the process is told to stop while it is busy. The database tests need
 * PostgreSQL's server binaries (they run a private server of their own, so that
 * stopping it disturbs no other test); without them they are skipped with a reason.
 */
// Three real processes and a private database server: more than the default file timeout on a busy machine.
t.setTimeout(600_000);

// CI runs the suite twice (embedded, then PostgreSQL); each fault runs in one of them.
const noPostgres =
  testEngine !== 'postgres' ? 'runs in the PostgreSQL suite (SELLEROPS_TEST_DATABASE_URL)' : postgresBinaries() ? false : 'needs the PostgreSQL server binaries (initdb, pg_ctl); set PG_BIN';
const notEmbedded = testEngine !== 'pglite' ? 'runs in the embedded-database suite' : false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  status: number | 'timeout' | 'error';
  code?: string;
  ms: number;
}

async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 8_000): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { code?: string }) : {};
    return { status: res.status, code: body.code, ms: Date.now() - started };
  } catch (err) {
    return { status: (err as Error).name === 'TimeoutError' ? 'timeout' : 'error', ms: Date.now() - started };
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`condition not reached in ${timeoutMs} ms`);
}

t.test('PostgreSQL stops under traffic and comes back: /ready follows it, requests get 503, the service recovers without a restart', { skip: noPostgres }, async (t) => {
  const postgres: PrivatePostgres = await startPrivatePostgres();
  t.teardown(() => postgres.destroy());
  const server = await startServer({ DATABASE_URL: postgres.url, AUTH_CACHE_TTL_MS: '0' });
  t.teardown(() => stopServer(server, 'SIGKILL'));
  const key = /sk_[0-9A-Za-z]{40}/.exec(server.output())![0];
  const headers = { authorization: `Bearer ${key}` };

  const outcomes: Outcome[] = [];
  let traffic = true;
  const load = (async () => {
    while (traffic) {
      outcomes.push(await timedFetch(`${server.url}/v1/members`, { headers }));
      await sleep(20);
    }
  })();

  await sleep(500);
  await postgres.stop();
  const wentDown = await waitFor(async () => (await timedFetch(`${server.url}/ready`)).status === 503, 30_000);
  t.pass(`/ready answered 503 ${wentDown} ms after the database stopped`);
  const during = await timedFetch(`${server.url}/v1/members`, { headers });
  t.equal(during.status, 503, 'a request while the database is down is 503');
  t.equal(during.code, 'service_unavailable');
  t.ok(during.ms < 10_000, `and answers quickly (${during.ms} ms)`);

  await postgres.start();
  const cameBack = await waitFor(async () => (await timedFetch(`${server.url}/ready`)).status === 200, 30_000);
  t.pass(`/ready answered 200 ${cameBack} ms after the database started`);
  const after = await timedFetch(`${server.url}/v1/members`, { headers });
  t.equal(after.status, 200, 'requests succeed again, with the same process');
  traffic = false;
  await load;

  const statuses = new Set(outcomes.map((o) => o.status));
  t.ok(outcomes.length > 10, `${outcomes.length} requests ran through the outage`);
  t.ok([...statuses].every((s) => s === 200 || s === 503), `every answer was 200 or 503 (${[...statuses].join(', ')}): no 500, no hang`);
  t.ok(outcomes.some((o) => o.status === 503) && outcomes.some((o) => o.status === 200), 'the traffic saw both the outage and the recovery');
});

t.test('an exhausted connection pool answers 503 quickly and nothing hangs', { skip: noPostgres }, async (t) => {
  const postgres = await startPrivatePostgres();
  t.teardown(() => postgres.destroy());
  const database = await connect({ databaseUrl: postgres.url, poolSize: 2 });
  await migrateToLatest(database.db);
  const created = (await bootstrap(database.db))!;
  const app = await buildApp({ database, logger: false, config: { MAX_EVENT_LOOP_DELAY_MS: 0, AUTH_CACHE_TTL_MS: 0 } });
  t.teardown(() => app.close());
  await app.ready(); // start-up compiles every route's schemas: not part of what is timed
  const request = () => app.inject({ method: 'GET', url: '/v1/members', headers: { authorization: `Bearer ${created.api_key.secret}` } });

  // Something else holds every connection (a long report, a stuck transaction).
  const held = await Promise.all([database.pool!.connect(), database.pool!.connect()]);
  const started = Date.now();
  const refused = await request();
  const waited = Date.now() - started;
  t.equal(refused.statusCode, 503, 'the request is refused, not queued forever');
  t.equal(refused.json().code, 'service_unavailable');
  t.ok(refused.headers['retry-after'], 'with Retry-After');
  t.ok(waited < 10_000, `within the pool's 5 s connect timeout (${waited} ms)`);

  for (const client of held) client.release();
  t.equal((await request()).statusCode, 200, 'served again once connections are free');
});

t.test('SIGTERM under load: requests in flight finish, new ones are refused, the process exits in time', { skip: notEmbedded }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sellerops-term-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ SELLEROPS_DATA_DIR: dataDir });
  t.teardown(() => stopServer(server, 'SIGKILL'));
  const key = /sk_[0-9A-Za-z]{40}/.exec(server.output())![0];
  const headers = { authorization: `Bearer ${key}`, connection: 'close' };

  // The embedded database runs one query at a time, so 40 reads queue up in flight.
  const inFlight = Array.from({ length: 40 }, () => timedFetch(`${server.url}/v1/audit-events?limit=200`, { headers }, 30_000));
  await sleep(30);
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  const signalledAt = Date.now();
  server.child.kill('SIGTERM');
  const outcomes = await Promise.all(inFlight);
  const code = await exited;
  const exitMs = Date.now() - signalledAt;

  const served = outcomes.filter((o) => o.status === 200).length;
  t.ok(served > 0, `${served} of 40 requests in flight were served to the end`);
  t.ok(outcomes.every((o) => o.status === 200 || o.status === 503 || o.status === 'error'), 'none failed with a server error or hung');
  t.equal(code, 0, 'the process exits cleanly');
  t.ok(exitMs < 15_000, `within 15 s of SIGTERM (${exitMs} ms)`);
  const late = await timedFetch(`${server.url}/health`, {}, 2_000);
  t.equal(late.status, 'error', 'a new connection is refused');
});
