import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { DomainError } from './lib/errors.ts';
import { migrateDown, migrateToLatest, migrationStatus } from './db/migrate.ts';
import { loggerOptions } from './logger.ts';
import { openDatabase, startServer } from './server.ts';
import { mintAdminKey } from './modules/workspace/workspace.service.ts';

const USAGE = `Usage: sellerops-server <command>

Commands:
  serve                   start the service (default)
  migrate [up]            apply pending migrations
  migrate down            revert the most recent migration
  migrate status          list migrations and when they ran
  create-admin-key [slug] print a new admin API key for a workspace (default: "default"),
                          for when every admin key is lost; needs access to the database

Configuration comes from the environment (PORT, HOST, DATABASE_URL, SELLEROPS_DATA_DIR,
LOG_LEVEL, SELLEROPS_BOOTSTRAP_KEY, ...): see docs/configuration.md.`;

/** Maintenance commands print plain lines; the JSON log only speaks up for warnings. */
function quietLogger(level: string): pino.Logger {
  return pino(loggerOptions(level === 'info' ? 'warn' : level) as pino.LoggerOptions, pino.destination(2));
}

async function migrate(action: string): Promise<void> {
  const config = loadConfig();
  const log = quietLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, log);
  try {
    if (action === 'up') {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the database is up to date');
    } else if (action === 'down') {
      const reverted = await migrateDown(database.db);
      console.log(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
    } else if (action === 'status') {
      for (const m of await migrationStatus(database.db)) console.log(`${m.executed_at ? m.executed_at.toISOString() : 'pending'.padEnd(24)}  ${m.name}`);
    } else {
      throw new ConfigError(`Unknown migrate action "${action}".\n\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

async function createAdminKey(slug: string): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, quietLogger(config.LOG_LEVEL));
  try {
    await migrateToLatest(database.db);
    const created = await mintAdminKey(database.db, slug);
    console.log(`New admin API key for workspace "${slug}" (${created.workspaceId}); shown once, store it now:\n\n  ${created.secret}\n`);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const [command = 'serve', action = 'up'] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return startServer();
  if (command === 'migrate') return migrate(action);
  if (command === 'create-admin-key') return createAdminKey(positionals[1] ?? 'default');
  throw new ConfigError(`Unknown command "${command}".\n\n${USAGE}`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DomainError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
