import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './database.ts';

// Both engines return the same JavaScript types: dates stay 'YYYY-MM-DD' strings (no
// time-zone shift), bigint counts become numbers, numeric stays a decimal string.
const DATE_OID = 1082;
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};
const pgliteParsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
};

export type Engine = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Raw pool, PostgreSQL only (bulk COPY, benchmarks). */
  pool?: pg.Pool;
  /** One statement straight on the driver, bypassing Kysely (baselines, bulk paths). */
  rawQuery<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Cheap connectivity probe for /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Sees every statement Kysely runs (tests count statements to prove batching). */
  log?: (event: LogEvent) => void;
  /** Called when an idle pooled connection fails (e.g. the server restarted). */
  onPoolError?: (err: Error) => void;
}

/**
 * One code path for both engines: Kysely over `pg` when a DATABASE_URL is given,
 * over PGlite (PostgreSQL compiled to WebAssembly, in-process) otherwise.
 */
export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Fail fast when the pool is exhausted or the server is gone, rather than hang.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'sellerops',
      // No statement may hold a connection (and its locks) longer than this.
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      types: pgTypes as pg.CustomTypesConfig,
    });
    pool.on('error', (err) => options.onPoolError?.(err));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
    return {
      db,
      engine: 'postgres',
      pool,
      async rawQuery<Row>(text: string, params: unknown[] = []) {
        return (await pool.query(text, params)).rows as Row[];
      },
      async ping() {
        const client = await pool.connect();
        try {
          await client.query('select 1');
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }

  const dataDir = options.dataDir ?? './.sellerops';
  let pglite: PGlite;
  if (dataDir.startsWith('memory://')) {
    pglite = await PGlite.create({ parsers: pgliteParsers });
  } else {
    const folder = resolve(dataDir, 'pgdata');
    mkdirSync(folder, { recursive: true });
    pglite = await PGlite.create({ dataDir: folder, parsers: pgliteParsers });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...(options.log ? { log: options.log } : {}) });
  return {
    db,
    engine: 'pglite',
    async rawQuery<Row>(text: string, params: unknown[] = []) {
      return (await pglite.query<Row>(text, params)).rows;
    },
    async ping() {
      await pglite.query('select 1');
    },
    close: () => db.destroy(),
  };
}
