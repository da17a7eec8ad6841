import { sql } from 'kysely';
import type { TestApp } from './app.ts';

const statements = new WeakMap<object, string>();

/**
 * Row counts and a checksum of every application table: equal before and after a
 * request proves the request changed nothing (the idempotency table included).
 * A key's `last_used_at` is left out: the service touches it at most once a minute
 * on any authenticated request, which is bookkeeping, not a change the request made.
 * One statement for all tables, so that the fuzzer can afford a snapshot per request.
 */
export async function databaseSnapshot(h: TestApp): Promise<Record<string, string>> {
  let statement = statements.get(h.app);
  if (!statement) {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
      order by table_name`.execute(h.app.db);
    statement = tables.rows
      .map(({ table_name }) => {
        const name = table_name.replace(/"/g, '""');
        return `select '${name.replace(/'/g, "''")}' as name, count(*)::int as n, md5(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' order by (to_jsonb(t) - 'last_used_at')::text)) as digest from "${name}" t`;
      })
      .join('\nunion all\n');
    statements.set(h.app, statement);
  }
  const rows = await h.testDb.database.rawQuery<{ name: string; n: number; digest: string | null }>(statement);
  const snapshot: Record<string, string> = {};
  for (const row of rows) snapshot[row.name] = `${row.n}:${row.digest ?? ''}`;
  return snapshot;
}
