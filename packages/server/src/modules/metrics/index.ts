import fp from 'fastify-plugin';
import factRoutes from './facts.routes.ts';
import metricsGraphql from './metrics.graphql.ts';
import productRoutes from './products.routes.ts';
import seriesRoutes from './series.routes.ts';
import trackingRoutes from './tracking.routes.ts';

/** Metrics: the product catalog with tracked keywords and competitors, daily facts, measures, series, movers and rank history. */
export default fp(
  async (app) => {
    await app.register(productRoutes);
    await app.register(trackingRoutes);
    await app.register(factRoutes);
    await app.register(seriesRoutes);
    await app.register(metricsGraphql);
  },
  { name: 'metrics-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
