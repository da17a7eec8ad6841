import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB, Db } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Kysely<DB>;
  }
  interface FastifyRequest {
    /**
     * What this request reads and writes through: the request's transaction for
     * writes (so a failed request changes nothing), the pool for reads.
     */
    db: Db;
  }
}

export interface DbPluginOptions {
  database: Database;
  /** Close the database when the app closes (false when a test owns it). */
  closeOnShutdown?: boolean;
}

export default fp<DbPluginOptions>(
  async (app, opts) => {
    app.decorate('database', opts.database);
    app.decorate('db', opts.database.db);
    app.decorateRequest('db', null as unknown as Db);
    app.addHook('onRequest', async (request) => {
      request.db = opts.database.db;
    });
    if (opts.closeOnShutdown !== false) {
      app.addHook('onClose', async () => {
        await opts.database.close();
      });
    }
  },
  { name: 'db' },
);
