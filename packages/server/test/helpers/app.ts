import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.ts';
import { bootstrap } from '../../src/modules/workspace/workspace.service.ts';
import { contractChecker } from './contract.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  /** Admin key of workspace `default`. */
  adminKey: string;
  workspaceId: string;
  /** `app.inject` with the admin key (or `key`) as bearer. */
  request(options: InjectOptions & { key?: string | null }): Promise<LightMyRequestResponse>;
  /** A second workspace with its own admin key (for tenancy tests). */
  createWorkspace(name?: string): Promise<{ workspaceId: string; key: string }>;
  /** A key with the given scopes in workspace `default` (or the workspace of `adminKey`). */
  createKey(scopes: string[], adminKey?: string): Promise<string>;
  close(): Promise<void>;
}

/** A built app on a fresh database with the default workspace bootstrapped. No port is opened. */
export async function createTestApp(config: Partial<AppConfig> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const created = await bootstrap(testDb.database.db);
  if (!created) throw new Error('bootstrap did not run on a fresh database');
  const app = await buildApp({
    database: testDb.database,
    closeDatabase: false,
    logger: process.env.SELLEROPS_TEST_LOGS ? { level: 'debug' } : false,
    // Load shedding is off unless a test asks for it: PGlite runs queries on the event
    // loop, and on a busy machine the guard would answer test requests with 503.
    config: { RATE_LIMIT_PER_MINUTE: 1_000_000, MAX_EVENT_LOOP_DELAY_MS: 0, ...config },
  });
  await app.ready();
  const checkContract = contractChecker(app);

  const request: TestApp['request'] = async ({ key, ...options }) => {
    const bearer = key === undefined ? created.api_key.secret : key;
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    const res = await app.inject({ ...options, headers });
    checkContract(String(options.method ?? 'GET').toUpperCase(), String(options.url ?? '/'), res);
    return res;
  };

  return {
    app,
    testDb,
    adminKey: created.api_key.secret,
    workspaceId: created.workspace.id,
    request,
    async createWorkspace(name = 'other company') {
      const res = await request({ method: 'POST', url: '/v1/workspaces', payload: { name } });
      if (res.statusCode !== 201) throw new Error(`createWorkspace failed: ${res.statusCode} ${res.body}`);
      const body = res.json();
      return { workspaceId: body.workspace.id, key: body.api_key.secret };
    },
    async createKey(scopes, adminKey) {
      const res = await request({ method: 'POST', url: '/v1/api-keys', payload: { name: `key ${scopes.join(' ')}`, scopes }, key: adminKey ?? created.api_key.secret });
      if (res.statusCode !== 201) throw new Error(`createKey failed: ${res.statusCode} ${res.body}`);
      return res.json().secret as string;
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/** A listening server on a random loopback port, for SDK and CLI tests. */
export async function startTestServer(config: Partial<AppConfig> = {}): Promise<TestApp & { url: string }> {
  const testApp = await createTestApp(config);
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...testApp, url: address };
}
