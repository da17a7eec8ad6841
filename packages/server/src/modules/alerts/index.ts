import fp from 'fastify-plugin';
import alertsGraphql from './alerts.graphql.ts';
import alertRoutes from './alerts.routes.ts';
import ruleRoutes from './rules.routes.ts';

/** Alerts: rules on product measures, evaluated when facts arrive and on demand, and the alerts they raise (with their SOP runs). */
export default fp(
  async (app) => {
    await app.register(ruleRoutes);
    await app.register(alertRoutes);
    await app.register(alertsGraphql);
  },
  { name: 'alerts-module', dependencies: ['db', 'auth', 'graphql', 'metrics-module', 'sops-module'] },
);
