import fp from 'fastify-plugin';
import factRoutes from './facts.routes.ts';
import feedbackGraphql from './feedback.graphql.ts';
import feedbackRoutes from './feedback.routes.ts';
import metricsGraphql from './metrics.graphql.ts';
import productRoutes from './products.routes.ts';
import seriesRoutes from './series.routes.ts';
import trackingRoutes from './tracking.routes.ts';

/** Metrics: the product catalog with tracked keywords, competitors and customer feedback, daily facts, measures, series, movers and rank history. */
export default fp(
  async (app) => {
    await app.register(productRoutes);
    await app.register(trackingRoutes);
    await app.register(feedbackRoutes);
    await app.register(factRoutes);
    await app.register(seriesRoutes);
    await app.register(metricsGraphql);
    await app.register(feedbackGraphql);
  },
  { name: 'metrics-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
