import { buildApp } from './app.ts';
import { connect } from './db/connect.ts';

/**
 * The OpenAPI document exactly as /openapi.json serves it, without a server or a real
 * database: it depends only on the routes and their schemas. The SDK's generator and
 * drift check use this.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const database = await connect({ dataDir: 'memory://' });
  const app = await buildApp({ database, logger: false });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}
