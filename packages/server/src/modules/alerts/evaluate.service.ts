import type { AlertEvaluate, AlertEvaluation, FactFamily, SopStep } from '@sellerops/schemas';
import type { AlertRuleRow } from '../../db/database.ts';
import { recordChanges, type Change } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { BadRequest, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { startRun } from '../sops/runs.service.ts';
import { findTemplate } from '../sops/templates.repository.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';
import * as repo from './alerts.repository.ts';
import { typesTriggeredBy } from './conditions.ts';
import { evaluateRule, linkRuns, type AlertChange } from './evaluate.repository.ts';

interface Outcome {
  rules: number;
  raised: string[];
  updated: number;
  resolved: number;
  runs: number;
}

/**
 * Starts one run of the rule's SOP template per raised alert, on the product, with every
 * step assigned to the product's operator, and links it from the alert. An alert whose
 * product has no active operator (or whose template has since gone) keeps the reason
 * instead of a run: the alert itself is never held back.
 */
async function startRuns(ctx: ServiceContext, rule: AlertRuleRow, raised: AlertChange[]): Promise<number> {
  if (!rule.sop_template_id || raised.length === 0) return 0;
  const template = await findTemplate(ctx.db, ctx.workspaceId, rule.sop_template_id);
  const members = new Map((await findMembersByIds(ctx.db, ctx.workspaceId, raised.flatMap((a) => (a.operator_member_id ? [a.operator_member_id] : [])))).map((m) => [m.id, m]));
  const links: Array<{ alertId: string; runId: string | null; skipped: string | null }> = [];
  for (const alert of raised) {
    const operator = alert.operator_member_id ? members.get(alert.operator_member_id) : undefined;
    let skipped: string | null = null;
    if (!template) skipped = `the SOP template ${rule.sop_template_id} no longer exists`;
    else if (!alert.operator_member_id) skipped = 'the product has no operator';
    else if (!operator?.active) skipped = `the operator ${alert.operator_member_id} is not an active member`;
    if (skipped !== null || !template) {
      links.push({ alertId: alert.id, runId: null, skipped });
      continue;
    }
    const roles = Object.fromEntries((template.steps as SopStep[]).map((step) => [step.default_role, operator!.id]));
    const run = await startRun(ctx, {
      template_id: template.id,
      title: `${template.name}: alert ${alert.id}`.slice(0, 200),
      subject: { type: 'product', id: alert.product_id },
      assignees: { roles },
    });
    links.push({ alertId: alert.id, runId: run.id, skipped: null });
  }
  await linkRuns(ctx.db, ctx.workspaceId, links);
  return links.filter((l) => l.runId !== null).length;
}

async function evaluateRules(ctx: ServiceContext, rules: AlertRuleRow[], productIds: readonly string[] | null, asOf: string | null): Promise<Outcome> {
  const outcome: Outcome = { rules: rules.length, raised: [], updated: 0, resolved: 0, runs: 0 };
  const changes: Change[] = [];
  for (const rule of rules) {
    const idBase = newId(ID_PREFIX.alert).slice(0, ID_PREFIX.alert.length + 21);
    const rows = await evaluateRule(ctx.db, ctx.workspaceId, rule, { productIds, asOf, idBase });
    const raised = rows.filter((r) => r.change === 'raised');
    outcome.raised.push(...raised.map((r) => r.id));
    outcome.updated += rows.filter((r) => r.change === 'updated').length;
    outcome.resolved += rows.filter((r) => r.change === 'resolved').length;
    outcome.runs += await startRuns(ctx, rule, raised);
    for (const r of rows) {
      if (r.change === 'updated') continue;
      changes.push({ action: `alert.${r.change}`, objectType: 'alert', objectId: r.id, after: { rule_id: rule.id, product_id: r.product_id, status: r.change === 'raised' ? 'open' : 'resolved' } });
    }
  }
  if (changes.length > 0) await recordChanges(ctx, changes);
  return outcome;
}

/**
 * Evaluates the rules that facts of `families` can change, for the products the facts
 * were about only, in the caller's transaction: a write that fails raises nothing.
 * With no enabled rule of those types this is one indexed lookup.
 */
export async function evaluateAfterFacts(ctx: ServiceContext, families: Iterable<FactFamily>, productIds: ReadonlySet<string>): Promise<void> {
  if (productIds.size === 0) return;
  const rules = await repo.findEnabledRules(ctx.db, ctx.workspaceId, { types: typesTriggeredBy(families) });
  if (rules.length === 0) return;
  await evaluateRules(ctx, rules, [...productIds], null);
}

/** POST /v1/alert-rules/evaluate: every enabled rule (or those named) over every product (or those named). */
export async function evaluateOnDemand(ctx: ServiceContext, input: AlertEvaluate): Promise<AlertEvaluation> {
  const errors: FieldError[] = [];
  if (input.rule_ids) {
    const found = new Set((await repo.findRulesByIds(ctx.db, ctx.workspaceId, input.rule_ids)).map((r) => r.id));
    input.rule_ids.forEach((id, i) => found.has(id) || errors.push({ path: `/body/rule_ids/${i}`, message: `names no alert rule of this workspace (${id})` }));
  }
  if (input.product_ids) {
    const found = await repo.existingProductIds(ctx.db, ctx.workspaceId, input.product_ids);
    input.product_ids.forEach((id, i) => found.has(id) || errors.push({ path: `/body/product_ids/${i}`, message: `names no product of this workspace (${id})` }));
  }
  if (errors.length > 0) throw new BadRequest('validation_failed', `Nothing to evaluate: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  const rules = await repo.findEnabledRules(ctx.db, ctx.workspaceId, input.rule_ids ? { ids: input.rule_ids } : {});
  const outcome = await evaluateRules(ctx, rules, input.product_ids ?? null, input.as_of ?? null);
  return {
    object: 'alert_evaluation',
    as_of: input.as_of ?? null,
    rules_evaluated: outcome.rules,
    raised: outcome.raised.length,
    updated: outcome.updated,
    resolved: outcome.resolved,
    sop_runs_started: outcome.runs,
    raised_alert_ids: outcome.raised,
  };
}
