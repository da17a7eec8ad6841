import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { Alert, AlertRule, Member, Product, SopRun } from '@sellerops/schemas';
import { given, orNull } from '../../graphql/arguments.ts';
import { connectionType, pageRequest, toConnection, type ConnectionArgs } from '../../graphql/connection.ts';
import { byId } from '../../graphql/loaders.ts';
import { requireScope } from '../../plugins/auth.ts';
import { toProduct } from '../metrics/products.mapping.ts';
import { findProductsByIds } from '../metrics/products.repository.ts';
import { todayUtc } from '../sops/dates.ts';
import { groupBy } from '../sops/group-by.ts';
import { toRun } from '../sops/runs.mapping.ts';
import { findRunsByIds, findSteps } from '../sops/runs.repository.ts';
import { toMember } from '../workspace/workspace.mapping.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';
import { toRule } from './alerts.mapping.ts';
import { findRulesByIds } from './alerts.repository.ts';
import * as alerts from './alerts.service.ts';
import * as rules from './rules.service.ts';

const typeDefs = /* GraphQL */ `
  "A condition on a product measure that raises alerts (the same object as GET /v1/alert-rules/{id})"
  type AlertRule {
    id: ID!
    name: String!
    type: String!
    "all, products or product_line"
    scope: String!
    product_ids: [ID!]!
    product_line: String
    threshold: Float!
    window_days: Int!
    sop_template_id: ID
    enabled: Boolean!
    created_at: String!
    updated_at: String!
    version: Int!
  }
  "A rule's condition seen on a product (the same object as GET /v1/alerts/{id})"
  type Alert {
    id: ID!
    rule_id: ID!
    "The rule (batched); null once the rule is deleted."
    rule: AlertRule
    type: String!
    product_id: ID!
    "The product (batched)."
    product: Product
    condition_key: String
    "open, acknowledged or resolved"
    status: String!
    observed_value: Float
    reference_value: Float
    threshold: Float!
    window_start: String!
    window_end: String!
    message: String!
    operator_member_id: ID
    "The operator the alert was raised for (batched)."
    operator: Member
    sop_run_id: ID
    "The SOP run the alert started (batched; needs sop:read)."
    sop_run: SopRun
    sop_run_skipped_reason: String
    raised_at: String!
    last_seen_at: String!
    acknowledged_at: String
    resolved_at: String
    resolution: String
    note: String
    created_at: String!
    updated_at: String!
    version: Int!
  }
  ${connectionType('AlertRule')}
  ${connectionType('Alert')}
  extend type Query {
    alert_rules(first: Int, after: String, type: String, enabled: Boolean): AlertRuleConnection!
    alert_rule(id: ID!): AlertRule
    alerts(first: Int, after: String, status: String, product_id: ID, rule_id: ID, operator_member_id: ID, type: String): AlertConnection!
    alert(id: ID!): Alert
  }
`;

type Args<T> = ConnectionArgs & { [K in keyof T]?: T[K] | null };

export default fp(
  async (app) => {
    app.graphql.extendSchema(typeDefs);
    app.graphql.defineResolvers({
      Query: {
        alert_rules: async (_: unknown, args: Args<{ type: string; enabled: boolean }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return toConnection(await rules.listRules(ctx.service, given({ type: args.type, enabled: args.enabled }), pageRequest(args)));
        },
        alert_rule: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return orNull(rules.getRule(ctx.service, args.id));
        },
        alerts: async (_: unknown, args: Args<{ status: string; product_id: string; rule_id: string; operator_member_id: string; type: string }>, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          const { status, product_id, rule_id, operator_member_id, type } = args;
          return toConnection(await alerts.listAlerts(ctx.service, given({ status, product_id, rule_id, operator_member_id, type }), pageRequest(args)));
        },
        alert: (_: unknown, args: { id: string }, ctx: MercuriusContext) => {
          requireScope(ctx.auth, 'metrics:read');
          return orNull(alerts.getAlert(ctx.service, args.id));
        },
      },
    });
    // Every nested lookup of one query level is one SQL statement, whatever the number of alerts.
    app.graphql.defineLoaders({
      Alert: {
        rule: byId<Alert, AlertRule>((a) => a.rule_id, async (ids, ctx) => (await findRulesByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toRule)),
        product: byId<Alert, Product>((a) => a.product_id, async (ids, ctx) => (await findProductsByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toProduct)),
        operator: byId<Alert, Member>((a) => a.operator_member_id, async (ids, ctx) => (await findMembersByIds(ctx.service.db, ctx.auth.workspaceId, ids)).map(toMember)),
        sop_run: byId<Alert, SopRun>(
          (a) => a.sop_run_id,
          async (ids, ctx) => {
            requireScope(ctx.auth, 'sop:read');
            const runs = await findRunsByIds(ctx.service.db, ctx.auth.workspaceId, ids);
            const steps = groupBy(await findSteps(ctx.service.db, ctx.auth.workspaceId, ids), (s) => s.run_id);
            const today = todayUtc();
            return runs.map((r) => toRun(r, steps.get(r.id) ?? [], today));
          },
        ),
      },
    });
  },
  { name: 'alerts-graphql', dependencies: ['graphql'] },
);
