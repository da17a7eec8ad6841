import fp from 'fastify-plugin';
import libraryRoutes from './library.routes.ts';
import runRoutes from './runs.routes.ts';
import templateRoutes from './templates.routes.ts';

/** SOPs: versioned templates, the starter library, runs, recurring checklists and weekly reviews. */
export default fp(
  async (app) => {
    await app.register(templateRoutes);
    await app.register(libraryRoutes);
    await app.register(runRoutes);
  },
  { name: 'sops-module', dependencies: ['db', 'auth', 'graphql', 'workspace-module'] },
);
