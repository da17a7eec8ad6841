import type { TestApp } from './app.ts';

/** Factories for alert rules and the dates of fact scenarios. */

/** `n` consecutive dates starting at `from` (YYYY-MM-DD). */
export function days(from: string, n: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const usd = (amount: number) => ({ amount: amount.toFixed(2), currency: 'USD' });

export async function makeRule(h: TestApp, body: Record<string, unknown>, key?: string) {
  const res = await h.request({ method: 'POST', url: '/v1/alert-rules', payload: { name: `Rule ${String(body.type)}`, ...body }, ...(key ? { key } : {}) });
  if (res.statusCode !== 201) throw new Error(`makeRule: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; threshold: number; window_days: number };
}

export interface AlertBody {
  id: string;
  version: number;
  rule_id: string;
  product_id: string;
  condition_key: string | null;
  status: string;
  observed_value: number | null;
  reference_value: number | null;
  window_start: string;
  window_end: string;
  message: string;
  operator_member_id: string | null;
  sop_run_id: string | null;
  sop_run_skipped_reason: string | null;
  resolved_at: string | null;
  resolution: string | null;
  last_seen_at: string;
}

export async function alertsOf(h: TestApp, query: string, key?: string): Promise<AlertBody[]> {
  const res = await h.request({ method: 'GET', url: `/v1/alerts?limit=200&${query}`, ...(key ? { key } : {}) });
  if (res.statusCode !== 200) throw new Error(`alertsOf: ${res.statusCode} ${res.body}`);
  return res.json().data as AlertBody[];
}

export async function evaluate(h: TestApp, body: Record<string, unknown> = {}, key?: string) {
  const res = await h.request({ method: 'POST', url: '/v1/alert-rules/evaluate', payload: body, ...(key ? { key } : {}) });
  if (res.statusCode !== 200) throw new Error(`evaluate: ${res.statusCode} ${res.body}`);
  return res.json() as { rules_evaluated: number; raised: number; updated: number; resolved: number; sop_runs_started: number; raised_alert_ids: string[] };
}
