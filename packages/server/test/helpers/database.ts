import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';

/**
 * Where tests run: the embedded database by default; a real PostgreSQL server when
 * SELLEROPS_TEST_DATABASE_URL names one (its database is only used to create others).
 */
export const TEST_SERVER_URL = process.env.SELLEROPS_TEST_DATABASE_URL;

export const testEngine = TEST_SERVER_URL ? 'postgres' : 'pglite';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template's name changes with the set of migrations, so a stale one is never used. */
const TEMPLATE = `sellerops_tpl_${createHash('sha1').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 12)}`;

async function adminQuery<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated template once per set of migrations; parallel test files wait on a lock. */
async function ensureTemplate(): Promise<void> {
  await adminQuery(async (client) => {
    await client.query('select pg_advisory_lock(7234002)');
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
      if (exists.rowCount) return;
      await client.query(`create database ${TEMPLATE}`);
      const database = await connect({ databaseUrl: withDatabase(TEST_SERVER_URL!, TEMPLATE), poolSize: 1 });
      try {
        await migrateToLatest(database.db);
      } finally {
        await database.close();
      }
    } finally {
      await client.query('select pg_advisory_unlock(7234002)');
    }
  });
}

export interface TestDatabase {
  database: Database;
  /** Every SQL statement run through Kysely, in order (tests count them to prove batching). */
  statements: string[];
  /** For PostgreSQL, the URL of this test's own database (for raw clients and benchmarks). */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or on PostgreSQL
 * a database cloned from the migrated template (fast, isolated, dropped afterwards).
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const statements: string[] = [];
  const log = (event: { query: { sql: string } }) => void statements.push(event.query.sql);
  if (!TEST_SERVER_URL) {
    const database = await connect({ dataDir: 'memory://', log });
    await migrateToLatest(database.db);
    statements.length = 0;
    return { database, statements, drop: () => database.close() };
  }
  await ensureTemplate();
  const name = `sellerops_t_${randomBytes(6).toString('hex')}`;
  await adminQuery((client) => client.query(`create database ${name} template ${TEMPLATE}`));
  const url = withDatabase(TEST_SERVER_URL, name);
  const database = await connect({ databaseUrl: url, poolSize: options.poolSize ?? 5, log });
  return {
    database,
    statements,
    url,
    async drop() {
      await database.close();
      await adminQuery((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
