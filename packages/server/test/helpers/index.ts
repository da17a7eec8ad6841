export { createTestApp, startTestServer, type TestApp } from './app.ts';
export { createTestDatabase, testEngine, type TestDatabase } from './database.ts';
