import fp from 'fastify-plugin';
import planningGraphql from './planning.graphql.ts';
import planningRoutes from './planning.routes.ts';
import replenishmentGraphql from './replenishment.graphql.ts';
import replenishmentRoutes from './replenishment.routes.ts';

/** Planning: product planning inputs, replenishment per logistics channel, and the capital and turnover planner. */
export default fp(
  async (app) => {
    await app.register(replenishmentRoutes);
    await app.register(planningRoutes);
    await app.register(replenishmentGraphql);
    await app.register(planningGraphql);
  },
  { name: 'planning-module', dependencies: ['db', 'auth', 'graphql', 'metrics-module', 'resources-module'] },
);
