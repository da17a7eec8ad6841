import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { connect } from '../src/db/connect.ts';
import { writeBigSearchTermReport } from './helpers/big-report.ts';
import { createTestDatabase, testEngine } from './helpers/database.ts';
import { freePort, startServer, stopServer, type RunningServer } from './helpers/server-process.ts';

/**
 * SIGKILL in the middle of the two large writes that are one request each, an import
 * of a report file and a resource apply, then a restart: each request's effect is
 * there entirely or not at all, every write acknowledged before the crash is there,
 * and the same request succeeds after the restart. PostgreSQL suite only, like
 * crash.test.ts (the server process holds the database, which the test reads while
 * the server is down).
 */
t.setTimeout(900_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BOUNDARY = 'crash-test-boundary';

function multipart(file: Buffer, fields: Record<string, string>): { body: Buffer; contentType: string } {
  const parts = Object.entries(fields).map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = `${parts.join('')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="search-terms.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** `count` tools with keys `<prefix>-<n>`: an inventory document for apply. */
function inventory(prefix: string, count: number): string {
  const resources = Array.from({ length: count }, (_, n) => ({
    key: `${prefix}-${n}`,
    kind: 'tool',
    name: `Tool ${prefix} ${n}`,
    tags: ['research'],
    cost: { amount: '99.00', currency: 'USD', period: 'monthly' },
    attributes: { category: 'keyword_research', plan: 'Pro', seats: 2 },
  }));
  return JSON.stringify({ resources });
}

type Test = Parameters<Extract<Parameters<typeof t.test>[0], (...args: never[]) => unknown>>[0];

interface Harness {
  server: RunningServer;
  request: (path: string, body: Buffer | string, contentType: string) => Promise<number | 'connection lost'>;
  /** One number from the database, read while the server is down. */
  scalar: (query: string) => Promise<number>;
  /** Kills the server with SIGKILL `delayMs` into `inFlight`, waits for it to die; returns what the client saw. */
  killDuring: (inFlight: Promise<number | 'connection lost'>, delayMs: number) => Promise<number | 'connection lost'>;
  restart: () => Promise<void>;
}

async function harness(t: Test, databaseUrl: string): Promise<Harness> {
  const env = { DATABASE_URL: databaseUrl, BODY_LIMIT_BYTES: String(16 * 1024 * 1024), IMPORT_MAX_BYTES: String(64 * 1024 * 1024) };
  const port = await freePort();
  const h = { server: await startServer(env, port) } as Harness;
  t.teardown(() => stopServer(h.server, 'SIGKILL'));
  const key = /sk_[0-9A-Za-z]{40}/.exec(h.server.output())![0];
  h.request = async (path, body, contentType) => {
    try {
      const res = await fetch(`${h.server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body });
      const text = await res.text(); // read the body so that no response holds its connection
      if (res.status >= 500) t.comment(`${path} answered ${res.status}: ${text}\n${h.server.output().slice(-2000)}`);
      return res.status;
    } catch {
      return 'connection lost';
    }
  };
  h.scalar = async (query) => {
    const db = await connect({ databaseUrl, poolSize: 1 });
    try {
      return (await db.rawQuery<{ n: number }>(query, []))[0]!.n;
    } finally {
      await db.close();
    }
  };
  h.killDuring = async (inFlight, delayMs) => {
    await sleep(delayMs);
    h.server.child.kill('SIGKILL');
    const answer = await inFlight;
    const child = h.server.child;
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    return answer;
  };
  h.restart = async () => {
    h.server = await startServer(env, port);
  };
  return h;
}

async function importScenario(t: Test, h: Harness, dir: string) {
  // The small file's rows are the first rows of the large one (same generator), so the
  // fact count tells "none of the large import" from "all of it" and from anything between.
  const small = await writeBigSearchTermReport(join(dir, 'small.csv'), 200_000);
  const large = await writeBigSearchTermReport(join(dir, 'large.csv'), 12_000_000);
  const smallFile = multipart(readFileSync(join(dir, 'small.csv')), { marketplace: 'US' });
  const largeFile = multipart(readFileSync(join(dir, 'large.csv')), { marketplace: 'US' });
  const facts = () => h.scalar('select count(*)::int as n from metric_ads');
  const imports = () => h.scalar('select count(*)::int as n from imports');

  t.equal(await h.request('/v1/imports', smallFile.body, smallFile.contentType), 201, 'the small import is acknowledged');
  const afterSmall = small.rows - small.badRows;
  let acknowledgedImports = 1;

  for (const delay of [1_000, 6_000]) {
    const answer = await h.killDuring(h.request('/v1/imports', largeFile.body, largeFile.contentType), delay);
    const [stored, recorded] = [await facts(), await imports()];
    if (answer === 201) {
      acknowledgedImports += 1;
      t.equal(stored, large.rows - large.badRows, `killed ${delay} ms in, after the answer: the whole import is there`);
    } else {
      t.equal(stored, afterSmall, `killed ${delay} ms into the import (client saw ${answer}): none of its facts`);
    }
    t.equal(recorded, acknowledgedImports, 'the import record exists exactly when its facts do');
    await h.restart();
  }

  t.equal(await h.request('/v1/imports', largeFile.body, largeFile.contentType), 201, 'after the restart the same file imports');
  t.equal(await facts(), large.rows - large.badRows, 'every fact of the file, none doubled');
}

async function applyScenario(t: Test, h: Harness) {
  const resources = () => h.scalar("select count(*)::int as n from resources where key like 'tool-a-%'");
  const bigBatch = () => h.scalar("select count(*)::int as n from resources where key like 'tool-b-%'");
  const yes = await h.request('/v1/resources/apply', inventory('tool-a', 500), 'application/json');
  t.equal(yes, 200, 'the first apply is acknowledged');

  const big = inventory('tool-b', 8_000);
  for (const delay of [300, 1_500]) {
    const answer = await h.killDuring(h.request('/v1/resources/apply', big, 'application/json'), delay);
    const stored = await bigBatch();
    t.ok(stored === 0 || stored === 8_000, `killed ${delay} ms into an 8,000-resource apply (client saw ${answer}): ${stored} stored, all or nothing`);
    if (answer === 200) t.equal(stored, 8_000, 'an acknowledged apply is complete');
    t.equal(await resources(), 500, 'the acknowledged apply survived');
    await h.restart();
  }
  t.equal(await h.request('/v1/resources/apply', big, 'application/json'), 200, 'after the restart the same apply succeeds');
  t.equal(await bigBatch(), 8_000, 'every resource of the apply, once');
}

const notPostgres = testEngine !== 'postgres' ? 'runs in the PostgreSQL suite, like crash.test.ts' : false;

t.test('SIGKILL mid-import and mid-apply: all or nothing, acknowledged writes kept', { skip: notPostgres }, async (t) => {
  const testDb = await createTestDatabase();
  await testDb.database.close();
  t.teardown(() => testDb.drop());
  const dir = mkdtempSync(join(tmpdir(), 'sellerops-crash-import-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const h = await harness(t, testDb.url!);
  await t.test('import', (t) => importScenario(t, h, dir));
  await t.test('apply', (t) => applyScenario(t, h));
  t.equal(await stopServer(h.server), 0, 'the last server stops cleanly');
});
