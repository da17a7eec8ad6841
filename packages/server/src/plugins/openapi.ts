import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { NAMED_SCHEMAS } from '@sellerops/schemas';
import { BODY_PROBLEM_STATUSES, COMMON_PROBLEM_STATUSES, problems } from '../lib/route-schema.ts';

export const API_VERSION = '0.1.0';

/**
 * The OpenAPI document is generated from the routes' TypeBox schemas; named schemas
 * (those with `$id`) are added once and become components, so the SDK gets a type
 * per name. Every /v1 route is given the common problem responses and the bearer
 * security requirement unless it is public.
 */
export default fp(
  async (app) => {
    for (const schema of NAMED_SCHEMAS) app.addSchema(schema);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1')) return;
      const schema = (route.schema ??= {});
      const config = (route.config ?? {}) as { public?: boolean; transaction?: boolean };
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const takesBody = methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH');
      // Every POST honours Idempotency-Key, so every POST can answer 409 idempotency_conflict.
      const idempotent = methods.includes('POST') && config.transaction !== false ? [409] : [];
      schema.response = { ...problems(...COMMON_PROBLEM_STATUSES, ...(takesBody ? BODY_PROBLEM_STATUSES : []), ...idempotent), ...(schema.response as object) };
      if (!config.public) (schema as { security?: unknown }).security = [{ bearerAuth: [] }];
    });

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'sellerops API',
          version: API_VERSION,
          description:
            'The back office of an Amazon seller company: SOPs, metrics, the resource registry and hiring assessments. ' +
            'Authenticate with `Authorization: Bearer <api key>`. Errors are application/problem+json with a stable `code`. ' +
            'Lists are cursor pages; POST accepts `Idempotency-Key`; single objects carry an ETag that PATCH and DELETE check through `If-Match`.',
        },
        servers: [],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key of your workspace' } },
        },
        tags: [
          { name: 'workspace', description: 'Your workspace, its members and API keys' },
          { name: 'audit', description: 'Who changed what, when' },
          { name: 'sops', description: 'SOP templates and their versions, the starter library, and runs with one assignee per step' },
          { name: 'checklists', description: 'Recurring checklists, their daily, weekly and monthly tasks, and completion reports' },
          { name: 'reviews', description: 'Weekly reviews: problem, data, diagnosis, action, measured effect, and analyses by members' },
          { name: 'hiring', description: 'Hiring assessments: roles and rubrics, questions, candidates (personal data), applications, scorecards, work samples, knowledge maps, rankings. Needs hiring scopes.' },
          { name: 'metrics', description: 'The product catalog with tracked keywords and competitors, daily facts, measures, series and movers' },
          { name: 'imports', description: "Imports of Amazon's own report files (Business Reports, Sponsored Products reports, FBA inventory and returns, All Orders, Sales and Traffic JSON) into the metric facts" },
          { name: 'resources', description: 'The resource registry: accounts, channels, tools, services, brand assets, promotion and supply-chain resources, their relations, association risk, renewals, apply and export' },
          { name: 'planning', description: 'Replenishment per product and logistics channel, and the capital and turnover planner' },
          { name: 'alerts', description: 'Alert rules on product measures (ACoS, TACoS, conversion, days of cover, negative reviews, keyword rank, competitor price, buy box), evaluated when facts arrive and on demand, and the alerts they raise with their SOP runs' },
          { name: 'diagnostics', description: 'Why orders changed: the change in units and sales split into traffic and conversion, traced to ranked causes' },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
      // GraphQL and the docs page have no tags: they are not REST operations of the SDK.
      hideUntagged: true,
      refResolver: {
        // Name components after the schema's $id (Problem, Member, ...) rather than def-0.
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });

    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, persistAuthorization: true, tryItOutEnabled: true },
      staticCSP: false,
    });

    app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
