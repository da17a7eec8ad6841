import fp from 'fastify-plugin';
import planningGraphql from './planning.graphql.ts';
import planningRoutes from './planning.routes.ts';

/** Planning: the capital and turnover planner over the registry's logistics channels. */
export default fp(
  async (app) => {
    await app.register(planningRoutes);
    await app.register(planningGraphql);
  },
  { name: 'planning-module', dependencies: ['db', 'auth', 'graphql', 'metrics-module', 'resources-module'] },
);
