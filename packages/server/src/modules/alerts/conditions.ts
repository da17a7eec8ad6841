import type { AlertRuleType, FactFamily } from '@sellerops/schemas';
import { sql, type RawBuilder } from 'kysely';

/**
 * The condition of each rule type, as SQL over the facts. Each condition reads the CTE
 * `win (product_id, start_date, end_date)` (one row per product in the rule's scope
 * that has facts) and returns the products, and keys, where it holds:
 * `(product_id, condition_key, observed, reference, window_start, window_end, message)`.
 * One statement answers for every product at once; nothing is computed per product in
 * the application. Ratios over an empty denominator are null, and null never holds.
 */
export interface ConditionSpec {
  /** Families whose latest date ends the window (the product's latest fact of any of them). */
  anchors: readonly FactFamily[];
  /** Families whose arrival can change the condition: facts of these trigger the rule. */
  families: readonly FactFamily[];
  /** Threshold when the rule gives none; undefined means the rule must give one. */
  defaultThreshold?: number;
  defaultWindowDays: number;
  /** Accepted thresholds, checked when a rule is written. */
  range: { min: number; max: number; integer?: boolean; minExclusive?: boolean; maxExclusive?: boolean; text: string };
  hits(p: ConditionParams): RawBuilder<unknown>;
}

export interface ConditionParams {
  workspaceId: string;
  threshold: number;
  windowDays: number;
}

export const FAMILY_TABLES: Record<FactFamily, string> = {
  traffic_sales: 'metric_traffic_sales',
  ads: 'metric_ads',
  inventory: 'metric_inventory',
  returns: 'metric_returns',
  reviews: 'metric_reviews',
  keyword_ranks: 'metric_keyword_ranks',
  competitor_snapshots: 'metric_competitor_snapshots',
};

/** Facts of the product `w.product_id` inside its window, in table `alias`. */
const inWindow = (family: FactFamily, alias: string, ws: string) =>
  sql`join ${sql.table(FAMILY_TABLES[family])} as ${sql.raw(alias)} on ${sql.raw(alias)}.workspace_id = ${ws} and ${sql.raw(alias)}.product_id = w.product_id
      and ${sql.raw(alias)}.date between w.start_date and w.end_date`;

const t = (p: ConditionParams) => sql`${String(p.threshold)}::numeric`;
const pct = (value: RawBuilder<unknown> | string) => sql`round(100 * ${typeof value === 'string' ? sql.raw(value) : value}, 1)::text`;

export const CONDITIONS: Record<AlertRuleType, ConditionSpec> = {
  acos_above: {
    anchors: ['ads'],
    families: ['ads'],
    defaultWindowDays: 7,
    range: { min: 0, max: 100, minExclusive: true, text: 'a ratio above 0 (0.35 = 35%)' },
    hits: (p) => sql`
      select w.product_id, '' as condition_key, round(sum(a.spend) / nullif(sum(a.sales), 0), 6) as observed, null::numeric as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('ACoS %s%% from %s to %s is above %s%% (spend %s, ad sales %s %s)', ${pct('sum(a.spend) / nullif(sum(a.sales), 0)')}, w.start_date, w.end_date, ${pct(t(p))},
                    round(sum(a.spend), 2), round(sum(a.sales), 2), min(a.currency)) as message
        from win w ${inWindow('ads', 'a', p.workspaceId)}
       group by w.product_id, w.start_date, w.end_date
      having sum(a.spend) / nullif(sum(a.sales), 0) > ${t(p)}`,
  },
  tacos_above: {
    anchors: ['traffic_sales', 'ads'],
    families: ['traffic_sales', 'ads'],
    defaultWindowDays: 7,
    range: { min: 0, max: 100, minExclusive: true, text: 'a ratio above 0 (0.15 = 15%)' },
    hits: (p) => sql`
      select w.product_id, '' as condition_key, round(ad.spend / nullif(ts.sales, 0), 6) as observed, null::numeric as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('TACoS %s%% from %s to %s is above %s%% (ad spend %s of total sales %s)', ${pct('ad.spend / nullif(ts.sales, 0)')}, w.start_date, w.end_date, ${pct(t(p))},
                    round(ad.spend, 2), round(ts.sales, 2)) as message
        from win w
        join (select w.product_id, sum(a.spend) as spend from win w ${inWindow('ads', 'a', p.workspaceId)} group by w.product_id) ad on ad.product_id = w.product_id
        join (select w.product_id, sum(s.ordered_product_sales) as sales from win w ${inWindow('traffic_sales', 's', p.workspaceId)} group by w.product_id) ts on ts.product_id = w.product_id
       where ad.spend / nullif(ts.sales, 0) > ${t(p)}`,
  },
  conversion_drop: {
    anchors: ['traffic_sales'],
    families: ['traffic_sales'],
    defaultWindowDays: 7,
    range: { min: 0, max: 1, minExclusive: true, maxExclusive: true, text: 'a relative drop between 0 and 1 (0.2 = 20% lower)' },
    // The window before has the same length and ends the day before the window starts.
    hits: (p) => sql`
      select w.product_id, '' as condition_key, round(1 - cur.conv / prev.conv, 6) as observed, round(prev.conv, 6) as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('Conversion %s%% from %s to %s is %s%% below the %s%% of the %s days before (threshold %s%%)', ${pct('cur.conv')}, w.start_date, w.end_date,
                    ${pct('1 - cur.conv / prev.conv')}, ${pct('prev.conv')}, ${p.windowDays}::int, ${pct(t(p))}) as message
        from win w
        join (select w.product_id, sum(s.units_ordered)::numeric / nullif(sum(s.sessions), 0) as conv
                from win w ${inWindow('traffic_sales', 's', p.workspaceId)} group by w.product_id) cur on cur.product_id = w.product_id
        join (select w.product_id, sum(s.units_ordered)::numeric / nullif(sum(s.sessions), 0) as conv
                from win w join metric_traffic_sales s on s.workspace_id = ${p.workspaceId} and s.product_id = w.product_id
                 and s.date between w.start_date - ${p.windowDays}::int and w.start_date - 1
               group by w.product_id) prev on prev.product_id = w.product_id
       where prev.conv > 0 and cur.conv <= prev.conv * (1 - ${t(p)})`,
  },
  days_of_cover_below_lead_time: {
    anchors: ['traffic_sales', 'inventory'],
    families: ['traffic_sales', 'inventory'],
    defaultWindowDays: 30,
    range: { min: 1, max: 365, text: 'a lead time of 1 to 365 days' },
    // Stock is the last snapshot in the window: fulfillable plus inbound (inbound units are already on their way).
    hits: (p) => sql`
      select w.product_id, '' as condition_key, round(st.units / u.daily, 2) as observed, round(u.daily, 4) as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('%s days of cover (%s units in stock or inbound on %s, %s units a day over %s days) is below the lead time of %s days',
                    round(st.units / u.daily, 1), st.units, st.date, round(u.daily, 2), ${p.windowDays}::int, ${t(p)}) as message
        from win w
        join (select distinct on (w.product_id) w.product_id, i.date, (coalesce(i.fulfillable, 0) + coalesce(i.inbound, 0))::numeric as units
                from win w ${inWindow('inventory', 'i', p.workspaceId)}
               where i.fulfillable is not null or i.inbound is not null
               order by w.product_id, i.date desc) st on st.product_id = w.product_id
        join (select w.product_id, sum(s.units_ordered)::numeric / ${p.windowDays}::int as daily
                from win w ${inWindow('traffic_sales', 's', p.workspaceId)} group by w.product_id) u on u.product_id = w.product_id
       where u.daily > 0 and st.units / u.daily < ${t(p)}`,
  },
  new_negative_review: {
    anchors: ['reviews'],
    families: ['reviews'],
    defaultThreshold: 1,
    defaultWindowDays: 7,
    range: { min: 1, max: 100_000, integer: true, text: 'a whole number of negative reviews, 1 or more' },
    hits: (p) => sql`
      select w.product_id, '' as condition_key, sum(r.negative_reviews)::numeric as observed, null::numeric as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('%s new negative reviews (1-3 stars) from %s to %s', sum(r.negative_reviews), w.start_date, w.end_date) as message
        from win w ${inWindow('reviews', 'r', p.workspaceId)}
       group by w.product_id, w.start_date, w.end_date
      having sum(r.negative_reviews) >= ${t(p)}`,
  },
  keyword_rank_below: {
    anchors: ['keyword_ranks'],
    families: ['keyword_ranks'],
    defaultWindowDays: 7,
    range: { min: 1, max: 100_000, integer: true, text: 'the last acceptable organic rank, a whole number (48 = page one)' },
    // A keyword's rank is its latest organic rank in the window.
    hits: (p) => sql`
      select k.product_id, k.keyword as condition_key, k.organic_rank::numeric as observed, null::numeric as reference,
             k.start_date as window_start, k.end_date as window_end,
             format('Keyword "%s" ranks %s organically on %s, below position %s', k.keyword, k.organic_rank, k.date, ${t(p)}) as message
        from (select distinct on (w.product_id, kr.keyword) w.product_id, kr.keyword, kr.organic_rank, kr.date, w.start_date, w.end_date
                from win w ${inWindow('keyword_ranks', 'kr', p.workspaceId)}
               where kr.organic_rank is not null
               order by w.product_id, kr.keyword, kr.date desc) k
       where k.organic_rank > ${t(p)}`,
  },
  competitor_price_below_ours: {
    anchors: ['competitor_snapshots'],
    families: ['competitor_snapshots', 'traffic_sales'],
    defaultThreshold: 0,
    defaultWindowDays: 7,
    range: { min: 0, max: 1, maxExclusive: true, text: 'a fraction from 0 to below 1 (0.05 = at least 5% under our price)' },
    // Our price is the average selling price over the window (sales / units); the competitor's is its latest price in the window, in the same currency.
    hits: (p) => sql`
      select c.product_id, c.competitor_asin as condition_key, round(1 - c.price / o.price, 6) as observed, null::numeric as reference,
             c.start_date as window_start, c.end_date as window_end,
             format('%s sells at %s %s on %s, %s%% under our average price of %s %s from %s to %s', c.competitor_asin, round(c.price, 2), c.currency, c.date,
                    ${pct('1 - c.price / o.price')}, round(o.price, 2), o.currency, c.start_date, c.end_date) as message
        from (select distinct on (w.product_id, cs.competitor_asin) w.product_id, cs.competitor_asin, cs.price, cs.currency, cs.date, w.start_date, w.end_date
                from win w ${inWindow('competitor_snapshots', 'cs', p.workspaceId)}
               where cs.price is not null
               order by w.product_id, cs.competitor_asin, cs.date desc) c
        join (select w.product_id, sum(s.ordered_product_sales) / nullif(sum(s.units_ordered), 0) as price, min(s.currency) as currency
                from win w ${inWindow('traffic_sales', 's', p.workspaceId)}
               where s.ordered_product_sales is not null and s.units_ordered > 0
               group by w.product_id
              having count(distinct s.currency) = 1) o on o.product_id = c.product_id
       where o.price > 0 and c.currency = o.currency and c.price < o.price * (1 - ${t(p)})`,
  },
  buy_box_below: {
    anchors: ['traffic_sales'],
    families: ['traffic_sales'],
    defaultWindowDays: 7,
    range: { min: 0, max: 100, minExclusive: true, text: 'a percentage above 0 and at most 100' },
    hits: (p) => sql`
      select w.product_id, '' as condition_key, round(avg(s.buy_box_percentage), 4) as observed, null::numeric as reference,
             w.start_date as window_start, w.end_date as window_end,
             format('Buy box %s%% on average from %s to %s is below %s%%', round(avg(s.buy_box_percentage), 1), w.start_date, w.end_date, ${t(p)}) as message
        from win w ${inWindow('traffic_sales', 's', p.workspaceId)}
       where s.buy_box_percentage is not null
       group by w.product_id, w.start_date, w.end_date
      having avg(s.buy_box_percentage) < ${t(p)}`,
  },
};

/** Rule types that facts of these families can change. */
export function typesTriggeredBy(families: Iterable<FactFamily>): AlertRuleType[] {
  const set = new Set(families);
  return (Object.keys(CONDITIONS) as AlertRuleType[]).filter((type) => CONDITIONS[type].families.some((f) => set.has(f)));
}
