import { sql, type RawBuilder } from 'kysely';
import type { Grain, GroupBy } from '@sellerops/schemas';
import type { Db } from '../../db/database.ts';
import { SERIES_TABLES, type Part, type SeriesFamily } from './measures.ts';

export interface SeriesFilters {
  productIds?: readonly string[] | undefined;
  marketplace?: string | undefined;
  productLine?: string | undefined;
  operatorMemberId?: string | undefined;
  sellerAccountId?: string | undefined;
}

export interface SeriesQuery {
  from: string;
  to: string;
  /** 'all': one period spanning the whole range (movers). */
  grain: Grain | 'all';
  groupBy: GroupBy;
  parts: readonly Part[];
  filters: SeriesFilters;
}

/** One period and group: `period` is its first day, parts by key, currencies as cur_<family> (null when mixed). */
export type SeriesRow = { period: string; grp: string | null } & Record<string, string | number | null>;

const GROUP_SQL: Record<GroupBy, string> = {
  product: 'f.product_id',
  parent_asin: 'p.parent_asin',
  product_line: 'p.product_line',
  marketplace: 'f.marketplace',
  seller_account: "coalesce(p.seller_account_id, nullif(f.seller_account_id, ''))",
  none: 'null::text',
};
/** Groups that only products have: account-level facts are left out of them. */
const PRODUCT_GROUPS = new Set<GroupBy>(['product', 'parent_asin', 'product_line']);

function periodSql(grain: SeriesQuery['grain'], from: string, alias: 'f' | 't'): RawBuilder<unknown> {
  const date = sql.raw(`${alias}.date`);
  if (grain === 'day') return date;
  if (grain === 'week') return sql`date_trunc('week', ${date})::date`;
  if (grain === 'month') return sql`date_trunc('month', ${date})::date`;
  return sql`${from}::date`;
}

const partCast = (p: Part) => (p.type === 'count' ? 'bigint' : 'numeric');

/**
 * One statement for any set of measures: a UNION ALL of the families they read (each
 * row padded with nulls for the other families' parts), grouped by period and group.
 * Stock parts (inventory, ratings) count only on the last day with data of each
 * subject and period.
 */
export async function seriesRows(db: Db, workspaceId: string, q: SeriesQuery): Promise<SeriesRow[]> {
  const families = [...new Set(q.parts.map((p) => p.family))];
  const currencies = families.filter((f) => SERIES_TABLES[f].currency);
  const join =
    ['parent_asin', 'product_line', 'seller_account'].includes(q.groupBy) || q.filters.productLine || q.filters.operatorMemberId || q.filters.sellerAccountId
      ? sql`left join products p on p.workspace_id = f.workspace_id and p.id = f.product_id`
      : sql``;
  const period = periodSql(q.grain, q.from, 'f');

  const branch = (family: SeriesFamily) => {
    const hasStock = q.parts.some((p) => p.family === family && p.stock);
    const columns = q.parts.map((p) => {
      if (p.family !== family) return sql.raw(`null::${partCast(p)} as ${p.key}`);
      const expr = p.stock ? `case when f.date = f.last_date then ${p.sql} end` : p.sql;
      return sql.raw(`(${expr})::${partCast(p)} as ${p.key}`);
    });
    const currencyColumns = currencies.map((c) => sql.raw(c === family ? `f.currency as cur_${c}` : `null::text as cur_${c}`));
    // The last day with data of each subject in each period, for stock parts.
    const source = hasStock
      ? sql`(select t.*, max(t.date) over (partition by t.product_id, t.marketplace, t.seller_account_id, ${periodSql(q.grain, q.from, 't')}) as last_date
               from ${sql.raw(SERIES_TABLES[family].table)} t
              where t.workspace_id = ${workspaceId} and t.date between ${q.from} and ${q.to})`
      : sql.raw(SERIES_TABLES[family].table);
    const where: RawBuilder<unknown>[] = [sql`f.workspace_id = ${workspaceId}`, sql`f.date between ${q.from} and ${q.to}`];
    if (PRODUCT_GROUPS.has(q.groupBy)) where.push(sql`f.product_id <> ''`);
    if (q.filters.productIds) where.push(sql`f.product_id = any(${sql.val(q.filters.productIds)}::text[])`);
    if (q.filters.marketplace) where.push(sql`f.marketplace = ${q.filters.marketplace}`);
    if (q.filters.productLine) where.push(sql`p.product_line = ${q.filters.productLine}`);
    if (q.filters.operatorMemberId) where.push(sql`p.operator_member_id = ${q.filters.operatorMemberId}`);
    if (q.filters.sellerAccountId) where.push(sql`coalesce(p.seller_account_id, nullif(f.seller_account_id, '')) = ${q.filters.sellerAccountId}`);
    return sql`select ${period} as period, ${sql.raw(GROUP_SQL[q.groupBy])} as grp, ${sql.join([...columns, ...currencyColumns])}
                 from ${source} f ${join}
                where ${sql.join(where, sql` and `)}`;
  };

  const sums = q.parts.map((p) => sql.raw(p.type === 'count' ? `sum(${p.key})::bigint as ${p.key}` : `sum(${p.key})::text as ${p.key}`));
  const currencySums = currencies.map((c) => sql.raw(`case when min(cur_${c}) = max(cur_${c}) then min(cur_${c}) end as cur_${c}`));
  const result = await sql<SeriesRow>`
    select period, grp, ${sql.join([...sums, ...currencySums])}
      from (${sql.join(families.map(branch), sql` union all `)}) x
     group by period, grp
     order by period, grp nulls first`.execute(db);
  return result.rows;
}
