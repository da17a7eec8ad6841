import { sql } from 'kysely';
import type { TestApp } from './app.ts';

/**
 * Row counts and a checksum of every application table: equal before and after a
 * request proves the request changed nothing (the idempotency table included).
 */
export async function databaseSnapshot(h: TestApp): Promise<Record<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(h.app.db);
  const snapshot: Record<string, string> = {};
  for (const { table_name } of tables.rows) {
    const row = await sql<{ n: number; digest: string | null }>`
      select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(table_name)} t`.execute(h.app.db);
    snapshot[table_name] = `${row.rows[0]!.n}:${row.rows[0]!.digest ?? ''}`;
  }
  return snapshot;
}
