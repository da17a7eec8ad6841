import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ConnectOptions, Engine } from '../../src/db/connect.ts';

/** A database that exists for one case only, so no case sees another's rows. */
export interface ScratchDatabase {
  engine: Engine;
  /** What the server process passes to connect(). */
  connect: Pick<ConnectOptions, 'databaseUrl' | 'dataDir'>;
  /** This database's name or folder, for progress lines. */
  name: string;
  /** Where scratch databases live, without credentials, for the report. */
  where: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** host:port of a server URL, for reports (never the password). */
export function serverAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}`;
}

async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'sellerops-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * On PostgreSQL, a new empty database on the server named by `serverUrl` (that one is
 * only used to create and drop it); otherwise a temporary folder for the embedded
 * database, on disk as the server uses it by default. The server process migrates it.
 */
export async function createScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  if (serverUrl) {
    const name = `sellerops_bench_${randomBytes(6).toString('hex')}`;
    await onServer(serverUrl, (client) => client.query(`create database ${name}`));
    let dropped = false;
    return {
      engine: 'postgres',
      connect: { databaseUrl: withDatabase(serverUrl, name) },
      name,
      where: `a scratch database per case on ${serverAddress(serverUrl)}`,
      async drop() {
        if (dropped) return;
        dropped = true;
        // FORCE: a server process killed mid-run may still hold connections.
        await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'sellerops-bench-'));
  return {
    engine: 'pglite',
    connect: { dataDir: folder },
    name: folder,
    where: `a temporary folder per case under ${tmpdir()}`,
    drop: () => rm(folder, { recursive: true, force: true }),
  };
}
