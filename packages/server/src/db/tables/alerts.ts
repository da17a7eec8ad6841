import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../column-types.ts';

export interface AlertRulesTable {
  workspace_id: string;
  id: string;
  name: string;
  type: string;
  scope: string;
  product_ids: Generated<string[]>;
  product_line: string | null;
  /** numeric: a decimal string. */
  threshold: string;
  window_days: number;
  sop_template_id: string | null;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AlertsTable {
  workspace_id: string;
  id: string;
  rule_id: string;
  type: string;
  product_id: string;
  /** '' when the rule type has no condition key. */
  condition_key: Generated<string>;
  status: string;
  /** numeric columns: decimal strings. */
  observed_value: string | null;
  reference_value: string | null;
  threshold: string;
  /** `date` columns are read as text (YYYY-MM-DD) on both engines. */
  window_start: string;
  window_end: string;
  message: string;
  operator_member_id: string | null;
  sop_run_id: string | null;
  sop_run_skipped_reason: string | null;
  raised_at: Timestamp;
  last_seen_at: Timestamp;
  acknowledged_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  resolution: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AlertTables {
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
}

export type AlertRuleRow = Selectable<AlertRulesTable>;
export type AlertRow = Selectable<AlertsTable>;
