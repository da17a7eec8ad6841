import type { AlertRule, AlertRuleCreate, AlertRuleScope, AlertRuleType, AlertRuleUpdate } from '@sellerops/schemas';
import { recordChange, recordChanges } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { BadRequest, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { findTemplate } from '../sops/templates.repository.ts';
import { toRule } from './alerts.mapping.ts';
import * as repo from './alerts.repository.ts';
import { CONDITIONS } from './conditions.ts';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

interface RuleShape {
  type: AlertRuleType;
  scope: AlertRuleScope;
  product_ids: string[];
  product_line: string | null;
  threshold: number | undefined;
  sop_template_id: string | null;
}

function thresholdError(type: AlertRuleType, threshold: number | undefined): FieldError | null {
  const { range, defaultThreshold } = CONDITIONS[type];
  if (threshold === undefined) return defaultThreshold === undefined ? { path: '/body/threshold', message: `is required for ${type}: ${range.text}` } : null;
  const below = range.minExclusive ? threshold <= range.min : threshold < range.min;
  const above = range.maxExclusive ? threshold >= range.max : threshold > range.max;
  if (below || above || (range.integer && !Number.isInteger(threshold))) return { path: '/body/threshold', message: `must be ${range.text} for ${type}` };
  return null;
}

/**
 * A rule's parts must agree: the scope with its products or line, the threshold with
 * the type; and every id it names must be the workspace's (another workspace's id
 * reads as unknown). Input the rule cannot be evaluated with is a 400 naming the field.
 */
async function checkRule(ctx: ServiceContext, rule: RuleShape): Promise<void> {
  const errors: FieldError[] = [];
  const threshold = thresholdError(rule.type, rule.threshold);
  if (threshold) errors.push(threshold);
  if (rule.scope === 'products' && rule.product_ids.length === 0) errors.push({ path: '/body/product_ids', message: 'is required with scope products' });
  if (rule.scope !== 'products' && rule.product_ids.length > 0) errors.push({ path: '/body/product_ids', message: 'is only for scope products' });
  if (rule.scope === 'product_line' && rule.product_line === null) errors.push({ path: '/body/product_line', message: 'is required with scope product_line' });
  if (rule.scope !== 'product_line' && rule.product_line !== null) errors.push({ path: '/body/product_line', message: 'is only for scope product_line' });
  if (rule.product_ids.length > 0) {
    const known = await repo.existingProductIds(ctx.db, ctx.workspaceId, rule.product_ids);
    rule.product_ids.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `/body/product_ids/${i}`, message: `names no product of this workspace (${id})` });
    });
  }
  if (rule.sop_template_id !== null && !(await findTemplate(ctx.db, ctx.workspaceId, rule.sop_template_id))) {
    errors.push({ path: '/body/sop_template_id', message: `names no SOP template of this workspace (${rule.sop_template_id})` });
  }
  if (errors.length > 0) throw new BadRequest('validation_failed', `The alert rule is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

export async function getRule(ctx: ServiceContext, id: string): Promise<AlertRule> {
  const row = await repo.findRule(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Alert rule', id);
  return toRule(row);
}

export async function listRules(ctx: ServiceContext, filter: { type?: string | undefined; enabled?: boolean | undefined }, page: PageRequest): Promise<Page<AlertRule>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.RULE_SORT) : undefined;
  const rows = await repo.listRules(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toRule);
}

export async function createRule(ctx: ServiceContext, input: AlertRuleCreate): Promise<AlertRule> {
  const shape: RuleShape = {
    type: input.type,
    scope: input.scope ?? 'all',
    product_ids: input.product_ids ?? [],
    product_line: input.product_line ?? null,
    threshold: input.threshold,
    sop_template_id: input.sop_template_id ?? null,
  };
  await checkRule(ctx, shape);
  const spec = CONDITIONS[input.type];
  const row = await repo.insertRule(ctx.db, ctx.workspaceId, {
    id: newId(ID_PREFIX.alert_rule),
    name: input.name,
    type: input.type,
    scope: shape.scope,
    product_ids: shape.product_ids,
    product_line: shape.product_line,
    threshold: String(input.threshold ?? spec.defaultThreshold),
    window_days: input.window_days ?? spec.defaultWindowDays,
    sop_template_id: shape.sop_template_id,
    enabled: input.enabled ?? true,
  });
  const created = toRule(row);
  await recordChange(ctx, { action: 'alert_rule.created', objectType: 'alert_rule', objectId: created.id, after: created });
  return created;
}

export async function updateRule(ctx: ServiceContext, id: string, input: AlertRuleUpdate, expected: number | undefined): Promise<AlertRule> {
  const current = await repo.findRule(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Alert rule', id);
  assertVersion(current.version, expected);
  const scope = input.scope ?? (current.scope as AlertRuleScope);
  // Changing the scope drops what belonged to the old one unless the patch gives it again.
  const scopeChanged = input.scope !== undefined && input.scope !== current.scope;
  const shape: RuleShape = {
    type: current.type as AlertRuleType,
    scope,
    product_ids: input.product_ids ?? (scopeChanged ? [] : current.product_ids),
    product_line: input.product_line ?? (scopeChanged ? null : current.product_line),
    threshold: input.threshold ?? Number(current.threshold),
    sop_template_id: input.sop_template_id === undefined ? current.sop_template_id : input.sop_template_id,
  };
  await checkRule(ctx, shape);
  const patch: Partial<repo.NewRule> = { scope: shape.scope, product_ids: shape.product_ids, product_line: shape.product_line, sop_template_id: shape.sop_template_id };
  if (input.name !== undefined) patch.name = input.name;
  if (input.threshold !== undefined) patch.threshold = String(input.threshold);
  if (input.window_days !== undefined) patch.window_days = input.window_days;
  if (input.enabled !== undefined) patch.enabled = input.enabled;
  const before = toRule(current);
  const after = toRule(await repo.updateRule(ctx.db, ctx.workspaceId, id, patch));
  await recordChange(ctx, { action: 'alert_rule.updated', objectType: 'alert_rule', objectId: id, before, after });
  return after;
}

/** The rule goes; its alerts stay as history, and those still open are resolved (resolution rule_deleted). */
export async function deleteRule(ctx: ServiceContext, id: string, expected: number | undefined): Promise<{ id: string; object: string; deleted: true }> {
  const current = await repo.findRule(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Alert rule', id);
  assertVersion(current.version, expected);
  await repo.deleteRule(ctx.db, ctx.workspaceId, id);
  const resolved = await repo.resolveAlertsOfRule(ctx.db, ctx.workspaceId, id, 'rule_deleted');
  await recordChanges(ctx, [
    { action: 'alert_rule.deleted', objectType: 'alert_rule', objectId: id, before: toRule(current) },
    ...resolved.map((alertId) => ({ action: 'alert.resolved', objectType: 'alert', objectId: alertId, after: { status: 'resolved', resolution: 'rule_deleted' } })),
  ]);
  return { id, object: 'alert_rule', deleted: true };
}
