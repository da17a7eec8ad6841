import { sql } from 'kysely';
import { connect, type ConnectOptions } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { loadCase } from './cases.ts';
import { SERVER_ENV, type ReadyMessage } from './server-host.ts';

/**
 * Entry of the server process (forked by server-host.ts): opens and migrates the
 * scratch database, starts the case's two servers, reports where they listen, and
 * closes everything when asked or when the runner goes away.
 */
if (!process.send) throw new Error('The server process is started by bench/run.ts, not directly.');
const send = process.send.bind(process);
const { caseName, connect: connectOptions } = JSON.parse(process.env[SERVER_ENV] ?? '{}') as {
  caseName: string;
  connect: Pick<ConnectOptions, 'databaseUrl' | 'dataDir'>;
};

const benchCase = await loadCase(caseName);
const database = await connect(connectOptions);
await migrateToLatest(database.db);
const { rows } = await sql<{ server_version: string }>`show server_version`.execute(database.db);
const served = await benchCase.serve({ database });

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await served.close();
  await database.close();
  process.exit(0);
}
process.on('message', (message: { type?: string }) => {
  if (message.type === 'close') void shutdown();
});
// A runner that died (Ctrl-C, crash) must not leave a server holding the database.
process.on('disconnect', () => {
  if (!closing) process.exit(1);
});

const ready: ReadyMessage = {
  type: 'ready',
  ours: served.ours,
  baseline: served.baseline,
  database: { engine: database.engine, version: rows[0]?.server_version ?? 'unknown' },
};
send(ready);
