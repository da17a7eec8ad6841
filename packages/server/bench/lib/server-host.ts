import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/db/connect.ts';
import type { HttpTarget } from './case.ts';
import type { ScratchDatabase } from './scratch-database.ts';

/** The server process's first message: where to send load, and what it runs on. */
export interface ReadyMessage {
  type: 'ready';
  ours: HttpTarget;
  baseline: HttpTarget;
  database: { engine: Engine; version: string };
}

export interface ServerHost {
  /** Settles when both servers listen, or fails when the process dies first. */
  ready: Promise<ReadyMessage>;
  /** Closes the servers and the database; kills the process if it is still starting. */
  stop(): Promise<void>;
}

/** The server process reads its case and database from here. */
export const SERVER_ENV = 'SELLEROPS_BENCH_SERVER';

const SERVER_ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));
// Starting includes seeding: two years of facts for 2,000 products take minutes on a busy machine.
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a case's servers in a child process, so that the servers and the load
 * generator each have an event loop (and a core) of their own. Returns at once, so
 * that the caller can register stop() before waiting for ready.
 */
export function startServers(caseName: string, database: ScratchDatabase): ServerHost {
  const child = fork(SERVER_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [SERVER_ENV]: JSON.stringify({ caseName, connect: database.connect }) },
    // The child's output goes to stderr so that stdout stays one JSON document under --json.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  let isReady = false;

  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server process for ${caseName} was not ready within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      isReady = true;
      resolve(message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server process for ${caseName} exited (${signal ?? `code ${code}`}) before it was ready`));
    });
  });
  // stop() may come first (an interrupted start); the rejection is then expected.
  ready.catch(() => undefined);

  return {
    ready,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      // Half-started, it has nothing to close cleanly; the scratch database is dropped next.
      if (!isReady) child.kill('SIGKILL');
      else child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
    },
  };
}
