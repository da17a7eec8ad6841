import t from 'tap';
import { sql } from 'kysely';
import { migrateDown, migrateToLatest, migrateToNothing, migrationStatus, isMigrated } from '../src/db/migrate.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { createTestDatabase } from './helpers/database.ts';

const tables = async (db: Parameters<typeof sql.raw>[0] extends never ? never : any) =>
  (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(db)).rows.map((r) => r.table_name);

t.test('migrations go down and up again', async (t) => {
  const testDb = await createTestDatabase();
  t.teardown(testDb.drop);
  const db = testDb.database.db;
  t.ok(await isMigrated(db));
  const migrated = await tables(db);
  t.ok(migrated.includes('api_keys'));

  const reverted = await migrateDown(db);
  t.equal(reverted.length, 1);
  t.notOk(await isMigrated(db));
  await migrateToNothing(db);
  t.same(await tables(db), [], 'down removes every table');

  const applied = await migrateToLatest(db);
  t.same(applied, Object.keys(migrations));
  t.same(await tables(db), migrated, 'up restores the same tables');
  t.ok((await migrationStatus(db)).every((m) => m.executed_at !== null));
  t.same(await migrateToLatest(db), [], 'running again applies nothing');
});

t.test('migration names sort in the order they run', async (t) => {
  const names = Object.keys(migrations);
  t.same([...names].sort(), names);
  for (const name of names) t.match(name, /^\d{4}_\d{2}_\d{2}_\d{6}_[a-z0-9_]+$/);
});
