import fp from 'fastify-plugin';
import diagnosisGraphql from './diagnosis.graphql.ts';
import diagnosisRoutes from './diagnosis.routes.ts';

/** Diagnostics: why the orders of a product, a parent ASIN or a product line changed, from the metric facts. */
export default fp(
  async (app) => {
    await app.register(diagnosisRoutes);
    await app.register(diagnosisGraphql);
  },
  { name: 'diagnosis-module', dependencies: ['db', 'auth', 'graphql', 'metrics-module'] },
);
