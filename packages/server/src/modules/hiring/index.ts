import fp from 'fastify-plugin';
import applicationsRoutes from './applications.routes.ts';
import candidatesRoutes from './candidates.routes.ts';
import hiringGraphql from './hiring.graphql.ts';
import { sopTemplatesTrainingSource, type TrainingSource } from './knowledge-maps/training-source.ts';
import knowledgeRoutes from './knowledge.routes.ts';
import questionsRoutes from './questions.routes.ts';
import rolesRoutes from './roles.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Where knowledge-map comparisons find training for the gaps. Defaults to the SOP
     * module's sop_templates table when the database has one; a module that owns
     * training material may assign its own source.
     */
    hiringTrainingSource: TrainingSource;
  }
}

/**
 * Hiring assessments: roles with versioned rubrics, the rubric library, the question
 * bank, candidates (personal data, erasable), applications, scorecards, work samples,
 * knowledge frameworks and maps, and the calibrated ranking. Every route needs a
 * hiring scope; request and response bodies are never logged.
 */
export default fp(
  async (app) => {
    app.decorate('hiringTrainingSource', sopTemplatesTrainingSource);
    await app.register(rolesRoutes);
    await app.register(questionsRoutes);
    await app.register(candidatesRoutes);
    await app.register(applicationsRoutes);
    await app.register(knowledgeRoutes(() => app.hiringTrainingSource));
    await app.register(hiringGraphql);
  },
  { name: 'hiring-module', dependencies: ['db', 'auth', 'graphql'] },
);
