import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import t from 'tap';
import { createTestDatabase, testEngine } from './helpers/database.ts';
import { SERVER_BIN as BIN, startServer as start, stopServer as stop } from './helpers/server-process.ts';

t.test('the server command starts, serves, and shuts down on SIGTERM', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sellerops-e2e-'));
  const testDb = testEngine === 'postgres' ? await createTestDatabase() : undefined;
  t.teardown(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await testDb?.drop();
  });
  const env: Record<string, string> = { SELLEROPS_DATA_DIR: dataDir };
  if (testDb?.url) {
    env.DATABASE_URL = testDb.url;
    await testDb.database.close();
  }

  const first = await start(env);
  const key = /sk_[0-9A-Za-z]{40}/.exec(first.output())?.[0];
  t.ok(key, 'the first start prints an admin key once');
  const auth = { authorization: `Bearer ${key}` };

  t.equal((await fetch(`${first.url}/ready`)).status, 200, '/ready');
  t.equal((await fetch(`${first.url}/docs/`)).status, 200, '/docs');
  const doc = (await (await fetch(`${first.url}/openapi.json`)).json()) as { openapi: string };
  t.equal(doc.openapi, '3.1.0', '/openapi.json');
  const ws = await fetch(`${first.url}/v1/workspace`, { headers: auth });
  t.equal(((await ws.json()) as { name: string }).name, 'default', 'the default workspace answers to the key');
  const gql = await fetch(`${first.url}/graphql`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ workspace { name } }' }) });
  t.same(await gql.json(), { data: { workspace: { name: 'default' } } }, '/graphql');

  const code = await stop(first);
  t.equal(code, 0, 'SIGTERM exits cleanly');

  const second = await start(env);
  t.notMatch(second.output(), /sk_[0-9A-Za-z]{40}/, 'a restart prints no new key');
  const again = await fetch(`${second.url}/v1/workspace`, { headers: auth });
  t.equal(again.status, 200, 'the data and key survived the restart');
  t.equal(await stop(second, 'SIGINT'), 0, 'SIGINT exits cleanly');

  // The way back in when every admin key is lost.
  const minted = spawn(process.execPath, [BIN, 'create-admin-key', 'default'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let mintedOut = '';
  minted.stdout.on('data', (d) => (mintedOut += d));
  const [mintedCode] = (await once(minted, 'exit')) as [number];
  t.equal(mintedCode, 0);
  const newKey = /sk_[0-9A-Za-z]{40}/.exec(mintedOut)?.[0];
  t.ok(newKey, 'create-admin-key prints a new key');
  const third = await start(env);
  t.equal((await fetch(`${third.url}/v1/api-keys`, { headers: { authorization: `Bearer ${newKey}` } })).status, 200, 'the minted key is an admin key');
  await stop(third);
});

t.test('SELLEROPS_BOOTSTRAP_KEY becomes the admin key and is not printed', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sellerops-e2e-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const bootstrapKey = 'automation_key_0123456789abcdef';
  const running = await start({ SELLEROPS_DATA_DIR: dataDir, SELLEROPS_BOOTSTRAP_KEY: bootstrapKey });
  t.teardown(() => stop(running));
  t.notMatch(running.output(), new RegExp(bootstrapKey), 'the key is never echoed');
  const res = await fetch(`${running.url}/v1/api-keys`, { headers: { authorization: `Bearer ${bootstrapKey}` } });
  t.equal(res.status, 200);
});

t.test('a bad setting stops start-up with a clear message', async (t) => {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { PATH: process.env.PATH ?? '', PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(child, 'exit')) as [number];
  t.equal(code, 1);
  t.match(stderr, /Invalid configuration/);
  t.match(stderr, /PORT="eighty"/);
  t.notMatch(stderr, /at .*\.ts:\d+/, 'no stack trace for a configuration mistake');
});
