import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The reads of a diagnosis beyond the measures of the series: the products of a scope,
 * stock-outs, keyword ranks and competitor prices, each one statement over both periods
 * (never one query per day, keyword or competitor).
 */

export type Side = 'previous' | 'current';
export interface Ranges {
  previous: { from: string; to: string };
  current: { from: string; to: string };
}

export interface ScopeFilter {
  productId?: string | undefined;
  parentAsin?: string | undefined;
  productLine?: string | undefined;
  marketplace?: string | undefined;
}

export interface ScopeProduct {
  id: string;
  marketplace: string;
}

export async function scopeProducts(db: Db, workspaceId: string, filter: ScopeFilter): Promise<ScopeProduct[]> {
  let query = db.selectFrom('products').select(['id', 'marketplace']).where('workspace_id', '=', workspaceId);
  if (filter.productId !== undefined) query = query.where('id', '=', filter.productId);
  if (filter.parentAsin !== undefined) query = query.where('parent_asin', '=', filter.parentAsin);
  if (filter.productLine !== undefined) query = query.where('product_line', '=', filter.productLine);
  if (filter.marketplace !== undefined) query = query.where('marketplace', '=', filter.marketplace);
  return query.orderBy('id').execute();
}

/** The two periods as a relation (side, first, last): periods may overlap, and each row counts in every period it falls in. */
const sides = (r: Ranges): RawBuilder<unknown> =>
  sql`(values ('previous', ${r.previous.from}::date, ${r.previous.to}::date), ('current', ${r.current.from}::date, ${r.current.to}::date)) as s(side, d_from, d_to)`;

export interface StockRow {
  side: Side;
  /** Product-days with an inventory snapshot. */
  stock_days: number;
  /** Product-days with no sellable unit. */
  stockout_days: number;
  /** Product-days in stock that also report units ordered, and those units. */
  in_stock_days: number;
  in_stock_units: number | null;
}

/** Stock-out days and the pace of sales on in-stock days, per period. */
export async function stockStats(db: Db, workspaceId: string, productIds: readonly string[], ranges: Ranges): Promise<StockRow[]> {
  const result = await sql<StockRow>`
    with inv as (
      select product_id, date, sum(fulfillable) as fulfillable
        from metric_inventory
       where workspace_id = ${workspaceId} and product_id = any(${sql.val(productIds)}::text[]) and fulfillable is not null
       group by product_id, date
    ), sold as (
      select product_id, date, sum(units_ordered) as units
        from metric_traffic_sales
       where workspace_id = ${workspaceId} and product_id = any(${sql.val(productIds)}::text[]) and units_ordered is not null
       group by product_id, date
    )
    select s.side,
           count(*)::int as stock_days,
           (count(*) filter (where inv.fulfillable = 0))::int as stockout_days,
           (count(sold.units) filter (where inv.fulfillable > 0))::int as in_stock_days,
           (sum(sold.units) filter (where inv.fulfillable > 0))::int as in_stock_units
      from ${sides(ranges)}
      join inv on inv.date between s.d_from and s.d_to
      left join sold on sold.product_id = inv.product_id and sold.date = inv.date
     group by s.side`.execute(db);
  return result.rows;
}

export interface KeywordRow {
  side: Side;
  keyword: string;
  days: number;
  organic_rank: number | null;
  sponsored_rank: number | null;
  search_volume: number | null;
  page_one_days: number;
  /** Average over the days of the position weight (1 / rank on page one, 0 beyond it or unranked). */
  organic_weight: number;
  sponsored_weight: number;
}

/** Per keyword and period: average ranks, page-one days, search volume and position weights. */
export async function keywordStats(db: Db, workspaceId: string, productIds: readonly string[], ranges: Ranges, pageSize: number): Promise<KeywordRow[]> {
  const weight = (column: string) => sql.raw(`avg(case when k.${column} <= ${pageSize} then 1.0 / k.${column} else 0 end)::float8`);
  const result = await sql<KeywordRow>`
    select s.side, k.keyword,
           count(*)::int as days,
           avg(k.organic_rank)::float8 as organic_rank,
           avg(k.sponsored_rank)::float8 as sponsored_rank,
           max(k.search_volume)::int as search_volume,
           (count(*) filter (where k.organic_rank <= ${pageSize}))::int as page_one_days,
           ${weight('organic_rank')} as organic_weight,
           ${weight('sponsored_rank')} as sponsored_weight
      from ${sides(ranges)}
      join metric_keyword_ranks k on k.date between s.d_from and s.d_to
     where k.workspace_id = ${workspaceId} and k.product_id = any(${sql.val(productIds)}::text[])
     group by s.side, k.keyword
     order by k.keyword, s.side`.execute(db);
  return result.rows;
}

export interface CompetitorRow {
  side: Side;
  competitor_asin: string;
  currency: string | null;
  /** Average price of the days with a price, as decimal text. */
  price: string | null;
  days: number;
  out_of_stock_days: number;
}

/** Per competitor and period: average price and days out of stock. */
export async function competitorStats(db: Db, workspaceId: string, productIds: readonly string[], ranges: Ranges): Promise<CompetitorRow[]> {
  const result = await sql<CompetitorRow>`
    select s.side, c.competitor_asin, c.currency,
           round(avg(c.price), 6)::text as price,
           count(*)::int as days,
           (count(*) filter (where c.in_stock = false))::int as out_of_stock_days
      from ${sides(ranges)}
      join metric_competitor_snapshots c on c.date between s.d_from and s.d_to
     where c.workspace_id = ${workspaceId} and c.product_id = any(${sql.val(productIds)}::text[])
     group by s.side, c.competitor_asin, c.currency
     order by c.competitor_asin, s.side`.execute(db);
  return result.rows;
}
