import fp from 'fastify-plugin';
import importRoutes from './imports.routes.ts';
import importsGraphql from './imports.graphql.ts';

export interface ImportsModuleOptions {
  /** Largest report file an import takes (IMPORT_MAX_BYTES). */
  maxFileBytes: number;
}

/** Imports of Amazon's own report files into the metric facts and the catalog. */
export default fp<ImportsModuleOptions>(
  async (app, options) => {
    await app.register(importRoutes, { maxFileBytes: options.maxFileBytes });
    await app.register(importsGraphql);
  },
  { name: 'imports-module', dependencies: ['db', 'auth', 'graphql', 'metrics-module'] },
);
