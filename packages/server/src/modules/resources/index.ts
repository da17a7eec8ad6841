import fp from 'fastify-plugin';
import applyRoutes from './apply.routes.ts';
import associationRoutes from './associations.routes.ts';
import relationRoutes from './relations.routes.ts';
import resourcesGraphql from './resources.graphql.ts';
import resourceRoutes from './resources.routes.ts';

/** The resource registry: resources, relations, association risk, renewals, history, apply and export. */
export default fp(
  async (app) => {
    // Static paths first: /v1/resources/export must not be read as /v1/resources/:id.
    await app.register(applyRoutes);
    await app.register(resourceRoutes);
    await app.register(relationRoutes);
    await app.register(associationRoutes);
    await app.register(resourcesGraphql);
  },
  { name: 'resources-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
