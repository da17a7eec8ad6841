import fp from 'fastify-plugin';
import auditRoutes from './audit.routes.ts';

/** The audit log: every change, recorded by services through lib/audit.ts. */
export default fp(
  async (app) => {
    await app.register(auditRoutes);
  },
  { name: 'audit-module', dependencies: ['db', 'auth'] },
);
