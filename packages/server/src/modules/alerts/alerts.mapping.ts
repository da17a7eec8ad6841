import type { Alert, AlertRule, AlertRuleScope, AlertRuleType, AlertStatus } from '@sellerops/schemas';
import type { AlertRow, AlertRuleRow } from '../../db/database.ts';
import { iso, isoOrNull } from '../../lib/time.ts';

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

export function toRule(row: AlertRuleRow): AlertRule {
  return {
    id: row.id,
    object: 'alert_rule',
    name: row.name,
    type: row.type as AlertRuleType,
    scope: row.scope as AlertRuleScope,
    product_ids: row.product_ids,
    product_line: row.product_line,
    threshold: Number(row.threshold),
    window_days: row.window_days,
    sop_template_id: row.sop_template_id,
    enabled: row.enabled,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    object: 'alert',
    rule_id: row.rule_id,
    type: row.type as AlertRuleType,
    product_id: row.product_id,
    condition_key: row.condition_key === '' ? null : row.condition_key,
    status: row.status as AlertStatus,
    observed_value: numberOrNull(row.observed_value),
    reference_value: numberOrNull(row.reference_value),
    threshold: Number(row.threshold),
    window_start: row.window_start,
    window_end: row.window_end,
    message: row.message,
    operator_member_id: row.operator_member_id,
    sop_run_id: row.sop_run_id,
    sop_run_skipped_reason: row.sop_run_skipped_reason,
    raised_at: iso(row.raised_at),
    last_seen_at: iso(row.last_seen_at),
    acknowledged_at: isoOrNull(row.acknowledged_at),
    resolved_at: isoOrNull(row.resolved_at),
    resolution: row.resolution as Alert['resolution'],
    note: row.note,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
