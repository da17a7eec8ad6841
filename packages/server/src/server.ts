import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { connect, type Database } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loggerOptions } from './logger.ts';
import { bootstrap } from './modules/workspace/workspace.service.ts';

export async function openDatabase(config: Config, log: pino.Logger): Promise<Database> {
  const database = await connect({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SELLEROPS_DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (err) => log.warn({ err }, 'idle database connection failed'),
  });
  log.info({ engine: database.engine, dataDir: database.engine === 'pglite' ? config.SELLEROPS_DATA_DIR : undefined }, 'database connected');
  return database;
}

/** Starts the service: config, database, migrations, bootstrap, listen, graceful shutdown. */
export async function startServer(config: Config = loadConfig()): Promise<void> {
  const log = pino(loggerOptions(config.LOG_LEVEL) as pino.LoggerOptions);
  const database = await openDatabase(config, log);
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');

  const created = await bootstrap(database.db, config.SELLEROPS_BOOTSTRAP_KEY);
  if (created) {
    log.info({ workspace: created.workspace.id }, 'created workspace "default" with an admin API key');
    if (!config.SELLEROPS_BOOTSTRAP_KEY) {
      // Printed once, to the console only (not the JSON log), like a generated initial password.
      process.stderr.write(
        `\n  Admin API key for workspace "default" (shown once, store it now):\n\n    ${created.api_key.secret}\n\n` +
          `  Try: curl -H "Authorization: Bearer ${created.api_key.secret}" http://${config.HOST}:${config.PORT}/v1/workspace\n\n`,
      );
    }
  }

  const app = await buildApp({ database, config, loggerInstance: log });
  closeWithGrace({ delay: config.SHUTDOWN_GRACE_SECONDS * 1000, logger: log as never }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down: finishing in-flight requests');
    // close() stops accepting, waits for in-flight requests, then closes the pool (onClose).
    await app.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  log.info(`docs at http://${config.HOST}:${config.PORT}/docs, GraphQL at /graphql`);
}
