import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.ts';
import type { Database } from '../../src/db/connect.ts';
import { bootstrap } from '../../src/modules/workspace/workspace.service.ts';

/**
 * Our app on a fresh database, as in production but for two settings: logging off
 * (it would measure the log sink) and a rate limit no single benchmark key reaches.
 */
export async function startOurs(database: Database, config: Partial<AppConfig> = {}): Promise<{ app: FastifyInstance; url: string; headers: Record<string, string>; workspaceId: string }> {
  const created = await bootstrap(database.db);
  if (!created) throw new Error('bootstrap did not run on a fresh database');
  const app = await buildApp({ database, closeDatabase: false, logger: false, config: { RATE_LIMIT_PER_MINUTE: 10_000_000, ...config } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, headers: { authorization: `Bearer ${created.api_key.secret}` }, workspaceId: created.workspace.id };
}
