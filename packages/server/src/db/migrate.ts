import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.ts';

function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
  });
}

function unwrap(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
  return result;
}

/** Applies every pending migration; safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result = unwrap(await migratorFor(db).migrateToLatest());
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  const result = unwrap(await migratorFor(db).migrateDown());
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Reverts every migration (used by the down/up round-trip test). */
export async function migrateToNothing(db: Kysely<any>): Promise<void> {
  unwrap(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}

export interface MigrationState {
  name: string;
  executed_at: Date | null;
}

/** Every known migration and when it ran; pending ones have a null time. */
export async function migrationStatus(db: Kysely<any>): Promise<MigrationState[]> {
  const infos = await migratorFor(db).getMigrations();
  return infos.map((m) => ({ name: m.name, executed_at: m.executedAt ?? null }));
}

/** True when every migration this build knows has been applied. */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  return (await migrationStatus(db)).every((m) => m.executed_at !== null);
}
