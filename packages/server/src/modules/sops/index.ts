import fp from 'fastify-plugin';
import checklistRoutes from './checklists.routes.ts';
import libraryRoutes from './library.routes.ts';
import reviewRoutes from './reviews.routes.ts';
import runRoutes from './runs.routes.ts';
import sopsGraphql from './sops.graphql.ts';
import templateRoutes from './templates.routes.ts';

/** SOPs: versioned templates, the starter library, runs, recurring checklists and weekly reviews. */
export default fp(
  async (app) => {
    await app.register(templateRoutes);
    await app.register(libraryRoutes);
    await app.register(runRoutes);
    await app.register(checklistRoutes);
    await app.register(reviewRoutes);
    await app.register(sopsGraphql);
  },
  { name: 'sops-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
