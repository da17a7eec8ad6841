import fp from 'fastify-plugin';
import workspaceRoutes from './workspace.routes.ts';
import workspaceGraphql from './workspace.graphql.ts';

/** Workspaces, members and API keys. */
export default fp(
  async (app) => {
    await app.register(workspaceRoutes);
    await app.register(workspaceGraphql);
  },
  { name: 'workspace-module', dependencies: ['db', 'auth', 'graphql'] },
);
