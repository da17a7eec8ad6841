import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/logger.ts';
import { bootstrap } from '../src/modules/workspace/workspace.service.ts';
import { createTestDatabase } from './helpers/database.ts';

t.test('logs are JSON lines with the request id, and never hold a key or secret', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino(loggerOptions('debug') as pino.LoggerOptions, sink);
  const testDb = await createTestDatabase();
  const created = await bootstrap(testDb.database.db);
  const app = await buildApp({ database: testDb.database, loggerInstance: logger, closeDatabase: false });
  t.teardown(async () => {
    await app.close();
    await testDb.drop();
  });
  const admin = created!.api_key.secret;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/api-keys',
    headers: { authorization: `Bearer ${admin}`, 'x-request-id': 'log-check-1' },
    payload: { name: 'ci', scopes: ['admin'] },
  });
  t.equal(res.statusCode, 201);
  const newSecret = res.json().secret;
  logger.info({ secret: newSecret, api_key: { secret: newSecret }, req: { headers: { authorization: `Bearer ${admin}` } } }, 'a careless log call');

  const all = lines.join('\n');
  t.ok(lines.length > 2, 'something was logged');
  for (const line of lines) t.doesNotThrow(() => JSON.parse(line), 'every line is JSON');
  t.notOk(all.includes(admin), 'the admin key never appears');
  t.notOk(all.includes(newSecret), 'a created secret never appears, even when logged by mistake');
  const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'log-check-1');
  t.ok(requestLines.length >= 2, 'request and response lines carry the request id');
});

t.test('a refused card number appears in no log line, in the body or in the URL', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino(loggerOptions('trace') as pino.LoggerOptions, sink);
  const testDb = await createTestDatabase();
  const created = await bootstrap(testDb.database.db);
  // No load shedding: on a busy machine it would answer 503 before the check runs.
  const app = await buildApp({ database: testDb.database, loggerInstance: logger, closeDatabase: false, config: { MAX_EVENT_LOOP_DELAY_MS: 0 } });
  t.teardown(async () => {
    await app.close();
    await testDb.drop();
  });
  const headers = { authorization: `Bearer ${created!.api_key.secret}` };
  const body = await app.inject({ method: 'POST', url: '/v1/resources', headers, payload: { key: 'card', kind: 'credit_card', name: 'Card', notes: '4111 1111 1111 1111', attributes: { bank: 'CMB', holder: 'Li', last4: '1111' } } });
  t.equal(body.statusCode, 422);
  const query = await app.inject({ method: 'GET', url: '/v1/resources?q=4111-1111-1111-1111', headers });
  t.equal(query.statusCode, 422);
  const plain = await app.inject({ method: 'GET', url: '/v1/resources?q=5555555555554444', headers });
  t.equal(plain.statusCode, 422);
  const all = lines.join('\n').replace(/[ -]|%20/g, '');
  t.ok(lines.some((l) => l.includes('/v1/resources?q=')), 'the request lines were logged');
  t.notOk(all.includes('4111111111111111'), 'the number is in no line');
  t.notOk(all.includes('5555555555554444'), 'nor the one sent without separators');
});
