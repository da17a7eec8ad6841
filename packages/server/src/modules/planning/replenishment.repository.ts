import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Defaults of the planning inputs a product has not set (docs/diagnostics.md). */
export const PLANNING_DEFAULTS = { production_days: 30, receiving_days: 7, safety_days: 14, review_days: 30 } as const;

/** Which channels a product is planned on: every active one, one named channel, or its planning channel. */
export type ChannelChoice = { kind: 'all' } | { kind: 'one'; id: string } | { kind: 'planning' };

export interface ReplenishmentRow {
  product_id: string;
  marketplace: string;
  asin: string;
  sku: string;
  title: string | null;
  unit_cost_amount: string | null;
  unit_cost_currency: string | null;
  production_days: number | null;
  receiving_days: number | null;
  safety_days: number | null;
  review_days: number | null;
  units_per_carton: number | null;
  unit_weight_kg: string | null;
  unit_volume_cbm: string | null;
  default_logistics_channel_id: string | null;
  planning_updated_at: Date | null;
  planning_version: number;
  eff_production_days: number;
  eff_receiving_days: number;
  eff_safety_days: number;
  eff_review_days: number;
  as_of: string | null;
  sellable: number;
  inbound: number;
  velocity_7d: number;
  velocity_30d: number;
  velocity: number;
  days_of_cover: number | null;
  days_of_cover_with_inbound: number | null;
  channel_id: string | null;
  channel_name: string | null;
  channel_status: string | null;
  channel_attributes: Record<string, unknown> | null;
  transit_days: number;
  lead_time_days: number;
  safety_stock: number;
  reorder_point: number;
  suggested_quantity: number;
  days_until_order: number | null;
  latest_order_date: string | null;
  order_key: number;
}

/** Sort key of products without sales: after any number of days. */
export const NO_SALES_KEY = 9e15;

/** The list's order: days until the latest order date (no sales last), then product id. */
export type ReplenishmentCursor = [number, string];

function channelJoin(workspaceId: string, choice: ChannelChoice): RawBuilder<unknown> {
  const channels = sql`select r.id, r.name, r.status, r.attributes from resources r where r.workspace_id = ${workspaceId} and r.kind = 'logistics_channel'`;
  if (choice.kind === 'one') return sql`left join lateral (${channels} and r.id = ${choice.id}) ch on true`;
  if (choice.kind === 'all') return sql`left join lateral (${channels} and r.status = 'active') ch on true`;
  // The product's default channel; without one, the slowest active channel, so the list never understates urgency.
  return sql`left join lateral (${channels}
      and (r.id = s.default_logistics_channel_id or r.status = 'active')
      order by (r.id = s.default_logistics_channel_id) desc nulls last, (r.attributes->>'transit_days_max')::int desc nulls last, r.id
      limit 1) ch on true`;
}

/**
 * Replenishment figures per (product, channel), for any number of products in one
 * statement: velocities from the traffic_sales facts of the 7 and 30 days ending at
 * as_of (given, else the product's latest fact date), stock from the latest inventory
 * fact on or before it, then lead time, safety stock, reorder point, suggested quantity
 * and days until the latest order date. docs/diagnostics.md states each formula.
 */
export async function replenishmentRows(
  db: Db,
  workspaceId: string,
  opts: { productIds?: readonly string[]; activeOnly?: boolean; channel: ChannelChoice; asOf?: string | undefined; page?: { limit: number; after?: ReplenishmentCursor | undefined } },
): Promise<ReplenishmentRow[]> {
  const D = PLANNING_DEFAULTS;
  const productFilter = opts.productIds ? sql`and p.id = any(${sql.val([...opts.productIds])}::text[])` : sql``;
  const statusFilter = opts.activeOnly ? sql`and p.status = 'active'` : sql``;
  const after = opts.page?.after;
  const cursor = after ? sql`where y.order_key > ${after[0]} or (y.order_key = ${after[0]} and y.product_id > ${after[1]})` : sql``;
  const limit = opts.page ? sql`limit ${opts.page.limit + 1}` : sql``;
  // Computed counts leave as float8: exact for whole numbers up to 2^53, where int4 would overflow on huge facts.
  const result = await sql<ReplenishmentRow>`
    with prod as (
      select p.id as product_id, p.marketplace, p.asin, p.sku, p.title, p.unit_cost_amount, p.unit_cost_currency,
             pp.production_days, pp.receiving_days, pp.safety_days, pp.review_days, pp.units_per_carton,
             pp.unit_weight_kg::text as unit_weight_kg, pp.unit_volume_cbm::text as unit_volume_cbm, pp.default_logistics_channel_id,
             pp.updated_at as planning_updated_at, coalesce(pp.version, 0) as planning_version,
             coalesce(pp.production_days, ${D.production_days}) as eff_production_days,
             coalesce(pp.receiving_days, ${D.receiving_days}) as eff_receiving_days,
             coalesce(pp.safety_days, ${D.safety_days}) as eff_safety_days,
             coalesce(pp.review_days, ${D.review_days}) as eff_review_days,
             coalesce(cast(${opts.asOf ?? null} as date),
                      (select max(t.date) from metric_traffic_sales t where t.workspace_id = p.workspace_id and t.product_id = p.id),
                      (select max(i.date) from metric_inventory i where i.workspace_id = p.workspace_id and i.product_id = p.id)) as as_of
        from products p
        left join product_planning pp on pp.workspace_id = p.workspace_id and pp.product_id = p.id
       where p.workspace_id = ${workspaceId} ${productFilter} ${statusFilter}
    ), stock as (
      select prod.*,
             coalesce((select sum(t.units_ordered) from metric_traffic_sales t
                        where t.workspace_id = ${workspaceId} and t.product_id = prod.product_id and t.date > prod.as_of - 7 and t.date <= prod.as_of), 0)::numeric as units_7d,
             coalesce((select sum(t.units_ordered) from metric_traffic_sales t
                        where t.workspace_id = ${workspaceId} and t.product_id = prod.product_id and t.date > prod.as_of - 30 and t.date <= prod.as_of), 0)::numeric as units_30d,
             coalesce(inv.fulfillable, 0)::numeric as sellable, coalesce(inv.inbound, 0)::numeric as inbound
        from prod
        left join lateral (
          select sum(i.fulfillable) as fulfillable, sum(i.inbound) as inbound from metric_inventory i
           where i.workspace_id = ${workspaceId} and i.product_id = prod.product_id
             and i.date = (select max(i2.date) from metric_inventory i2 where i2.workspace_id = ${workspaceId} and i2.product_id = prod.product_id and i2.date <= prod.as_of)
        ) inv on true
    ), s as (
      -- The faster of the two windows, kept as (units, days) so that every product with a
      -- number of days is one exact division: 200 units / 30 days x 30 days is 200, not 200.0000000001.
      select stock.*, units_7d / 7 as v7, units_30d / 30 as v30,
             case when units_7d * 30 >= units_30d * 7 then units_7d else units_30d end as vu,
             case when units_7d * 30 >= units_30d * 7 then 7 else 30 end as vw
        from stock
    ), planned as (
      select s.*, ch.id as channel_id, ch.name as channel_name, ch.status as channel_status, ch.attributes as channel_attributes,
             coalesce((ch.attributes->>'transit_days_max')::int, 0) as transit_days,
             s.eff_production_days + coalesce((ch.attributes->>'transit_days_max')::int, 0) + s.eff_receiving_days as lead_time_days,
             ceil(s.vu * s.eff_safety_days / s.vw) as safety_stock
        from s ${channelJoin(workspaceId, opts.channel)}
    ), ordered as (
      select planned.*, ceil(vu * lead_time_days / vw) + safety_stock as reorder_point,
             greatest(0, ceil(vu * (lead_time_days + eff_review_days) / vw) + safety_stock - (sellable + inbound)) as raw_quantity
        from planned
    ), x as (
      select ordered.*,
             case when units_per_carton is not null and raw_quantity > 0 then ceil(raw_quantity / units_per_carton) * units_per_carton else raw_quantity end as suggested_quantity,
             case when vu > 0 then floor((sellable + inbound - reorder_point) * vw / vu) end as days_until_order
        from ordered
    ), y as (
    select x.product_id, x.marketplace, x.asin, x.sku, x.title, x.unit_cost_amount::text as unit_cost_amount, x.unit_cost_currency,
           x.production_days, x.receiving_days, x.safety_days, x.review_days, x.units_per_carton, x.unit_weight_kg, x.unit_volume_cbm,
           x.default_logistics_channel_id, x.planning_updated_at, x.planning_version,
           x.eff_production_days, x.eff_receiving_days, x.eff_safety_days, x.eff_review_days,
           x.as_of, x.sellable::float8 as sellable, x.inbound::float8 as inbound,
           round(x.v7, 4)::float8 as velocity_7d, round(x.v30, 4)::float8 as velocity_30d, round(x.vu / x.vw, 4)::float8 as velocity,
           case when x.vu > 0 then round(x.sellable * x.vw / x.vu, 1)::float8 end as days_of_cover,
           case when x.vu > 0 then round((x.sellable + x.inbound) * x.vw / x.vu, 1)::float8 end as days_of_cover_with_inbound,
           x.channel_id, x.channel_name, x.channel_status, x.channel_attributes, x.transit_days, x.lead_time_days,
           x.safety_stock::float8 as safety_stock, x.reorder_point::float8 as reorder_point, x.suggested_quantity::float8 as suggested_quantity,
           x.days_until_order::float8 as days_until_order,
           -- No date beyond a century either way (and none the calendar cannot write).
           case when abs(x.days_until_order) <= 36500 and x.as_of between date '1900-01-01' and date '2199-12-31' then x.as_of + x.days_until_order::int end as latest_order_date,
           coalesce(x.days_until_order, ${NO_SALES_KEY})::float8 as order_key
      from x
    )
    select * from y ${cursor}
     order by y.order_key, y.product_id, y.transit_days, y.channel_id
     ${limit}`.execute(db);
  return result.rows;
}
