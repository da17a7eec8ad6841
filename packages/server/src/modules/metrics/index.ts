import fp from 'fastify-plugin';
import factRoutes from './facts.routes.ts';
import productRoutes from './products.routes.ts';
import trackingRoutes from './tracking.routes.ts';

/** Metrics: the product catalog with tracked keywords and competitors, and daily facts. */
export default fp(
  async (app) => {
    await app.register(productRoutes);
    await app.register(trackingRoutes);
    await app.register(factRoutes);
  },
  { name: 'metrics-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
