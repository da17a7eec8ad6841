import { sql } from 'kysely';
import type { AlertRuleRow, Db } from '../../db/database.ts';
import { CONDITIONS, FAMILY_TABLES } from './conditions.ts';

export interface EvaluationScope {
  /** Only these products (facts just arrived for them, or the caller named them); null for every product. */
  productIds: readonly string[] | null;
  /** The day windows end on; null for each product's latest fact date. */
  asOf: string | null;
  /** Prefix of the ids of alerts this statement raises; a row number completes each id. */
  idBase: string;
}

export interface AlertChange {
  id: string;
  product_id: string;
  operator_member_id: string | null;
  change: 'raised' | 'updated' | 'resolved';
}

/**
 * Evaluates one rule over its products in one statement, and applies the outcome:
 * - `candidates`: the rule's active products (within `productIds` when given);
 * - `win`: each candidate's window, ending at `asOf` or at its latest fact date of the
 *   rule's anchor families;
 * - `hits`: where the rule's condition holds (see conditions.ts);
 * - `upserted`: a hit without an open alert raises one; a hit with one updates its
 *   values (the partial unique index on open alerts decides, also between concurrent
 *   writers); a hit whose values did not change is left untouched;
 * - `resolved`: open or acknowledged alerts of the rule, for the products evaluated,
 *   whose condition no longer holds.
 */
export async function evaluateRule(db: Db, workspaceId: string, rule: AlertRuleRow, scope: EvaluationScope): Promise<AlertChange[]> {
  const spec = CONDITIONS[rule.type as keyof typeof CONDITIONS];
  const threshold = Number(rule.threshold);
  const limited = scope.productIds !== null;
  const productIds = sql`${sql.val(scope.productIds ?? [])}::text[]`;
  const scopeFilter =
    rule.scope === 'products'
      ? sql`and p.id = any(${sql.val(rule.product_ids)}::text[])`
      : rule.scope === 'product_line'
        ? sql`and p.product_line = ${rule.product_line}`
        : sql``;
  const asOf = scope.asOf === null ? sql`null::date` : sql`${scope.asOf}::date`;
  const anchorDates = sql.join(
    spec.anchors.map(
      (family) => sql`select f.product_id, f.date from ${sql.table(FAMILY_TABLES[family])} f
                       where f.workspace_id = ${workspaceId} and f.product_id in (select product_id from candidates)
                         ${scope.asOf === null ? sql`` : sql`and f.date <= ${scope.asOf}::date`}`,
    ),
    sql` union all `,
  );
  const hits = spec.hits({ workspaceId, threshold, windowDays: rule.window_days });

  const result = await sql<AlertChange>`
    with candidates as (
      select p.id as product_id, p.operator_member_id from products p
       where p.workspace_id = ${workspaceId} and p.status = 'active'
         ${limited ? sql`and p.id = any(${productIds})` : sql``}
         ${scopeFilter}
    ), ends as (
      select d.product_id, coalesce(${asOf}, max(d.date)) as end_date from (${anchorDates}) d group by d.product_id
    ), win as (
      select product_id, end_date - ${rule.window_days - 1}::int as start_date, end_date from ends
    ), hits as (${hits}
    ), upserted as (
      insert into alerts as a (workspace_id, id, rule_id, type, product_id, condition_key, status, observed_value, reference_value, threshold,
                               window_start, window_end, message, operator_member_id)
      select ${workspaceId}, ${scope.idBase} || lpad((row_number() over ())::text, 6, '0'), ${rule.id}, ${rule.type}, h.product_id, h.condition_key, 'open',
             h.observed, h.reference, ${String(threshold)}::numeric, h.window_start, h.window_end, h.message, c.operator_member_id
        from hits h join candidates c on c.product_id = h.product_id
      on conflict (workspace_id, rule_id, product_id, condition_key) where status in ('open', 'acknowledged')
      do update set observed_value = excluded.observed_value, reference_value = excluded.reference_value, threshold = excluded.threshold,
                    window_start = excluded.window_start, window_end = excluded.window_end, message = excluded.message,
                    last_seen_at = now(), updated_at = now(), version = a.version + 1
       where (a.observed_value, a.reference_value, a.threshold, a.window_start, a.window_end, a.message)
             is distinct from (excluded.observed_value, excluded.reference_value, excluded.threshold, excluded.window_start, excluded.window_end, excluded.message)
      returning a.id, a.product_id, a.operator_member_id, (xmax = 0) as inserted
    ), resolved as (
      update alerts a set status = 'resolved', resolved_at = now(), resolution = 'condition_cleared', updated_at = now(), version = a.version + 1
       where a.workspace_id = ${workspaceId} and a.rule_id = ${rule.id} and a.status in ('open', 'acknowledged')
         ${limited ? sql`and a.product_id = any(${productIds})` : sql``}
         and not exists (select 1 from hits h where h.product_id = a.product_id and h.condition_key = a.condition_key)
      returning a.id, a.product_id, a.operator_member_id
    )
    select id, product_id, operator_member_id, case when inserted then 'raised' else 'updated' end as change from upserted
    union all
    select id, product_id, operator_member_id, 'resolved' as change from resolved`.execute(db);
  return result.rows;
}

/** Links raised alerts to the SOP runs they started, or says why none was: one statement. */
export async function linkRuns(db: Db, workspaceId: string, links: Array<{ alertId: string; runId: string | null; skipped: string | null }>): Promise<void> {
  if (links.length === 0) return;
  await sql`
    update alerts a set sop_run_id = l.run_id, sop_run_skipped_reason = l.skipped
      from unnest(${sql.val(links.map((l) => l.alertId))}::text[], ${sql.val(links.map((l) => l.runId))}::text[], ${sql.val(links.map((l) => l.skipped))}::text[])
           as l(id, run_id, skipped)
     where a.workspace_id = ${workspaceId} and a.id = l.id`.execute(db);
}
