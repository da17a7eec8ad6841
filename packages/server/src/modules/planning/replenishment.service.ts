import Big from 'big.js';
import type { Money, ProductReplenishment, ReplenishmentOption } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { BadRequest, NotFound } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../../lib/pagination.ts';
import { assertProduct } from '../metrics/products.service.ts';
import { findLogisticsChannels } from './channels.repository.ts';
import { channelOfRow } from './channels.ts';
import { freightCurrency, freightPerUnit } from './freight.ts';
import { toProductPlanning } from './product-planning.mapping.ts';
import { replenishmentRows, type ChannelChoice, type ReplenishmentRow } from './replenishment.repository.ts';

export interface ReplenishmentQuery {
  logistics_channel_id?: string | undefined;
  as_of?: string | undefined;
}

/** An option is due when its latest order date is this close. */
export const DUE_WITHIN_DAYS = 7;
const CURSOR_KEYS = [
  { column: 'order_key', direction: 'asc' as const },
  { column: 'product_id', direction: 'asc' as const },
];

const money = (value: Big, currency: string): Money => ({ amount: value.round(2, Big.roundHalfUp).toFixed(2), currency });

function status(row: ReplenishmentRow): ReplenishmentOption['status'] {
  if (row.days_until_order === null) return 'no_sales';
  if (row.days_until_order < 0) return 'overdue';
  return row.days_until_order <= DUE_WITHIN_DAYS ? 'due' : 'ok';
}

function toOption(row: ReplenishmentRow): ReplenishmentOption {
  const channel = row.channel_id ? channelOfRow({ id: row.channel_id, name: row.channel_name ?? '', status: row.channel_status ?? 'active', attributes: row.channel_attributes ?? {} }) : null;
  const unit = { weight_kg: row.unit_weight_kg === null ? null : Number(row.unit_weight_kg), volume_cbm: row.unit_volume_cbm === null ? null : Number(row.unit_volume_cbm) };
  const freight = channel ? freightPerUnit(channel, unit) : null;
  const freightIn = channel ? freightCurrency(channel) : null;
  const qty = row.suggested_quantity;
  const freightCost = freight && freightIn ? freight.times(qty) : null;
  const purchase = row.unit_cost_amount !== null && row.unit_cost_currency !== null ? new Big(row.unit_cost_amount).times(qty) : null;
  // A total only where both parts are known and in one currency: no exchange rate is guessed.
  const total = freightCost && purchase && freightIn === row.unit_cost_currency ? freightCost.plus(purchase) : null;
  return {
    logistics_channel_id: row.channel_id,
    name: channel?.name ?? null,
    mode: channel?.mode ?? null,
    transit_days: row.transit_days,
    lead_time_days: row.lead_time_days,
    safety_stock: row.safety_stock,
    reorder_point: row.reorder_point,
    suggested_quantity: qty,
    days_until_order: row.days_until_order,
    latest_order_date: row.latest_order_date,
    status: status(row),
    freight_per_unit: freight && freightIn ? money(freight, freightIn) : null,
    freight_cost: freightCost && freightIn ? money(freightCost, freightIn) : null,
    purchase_cost: purchase ? money(purchase, row.unit_cost_currency!) : null,
    total_cost: total ? money(total, row.unit_cost_currency!) : null,
  };
}

const fastestFirst = (x: ReplenishmentRow, y: ReplenishmentRow) => x.transit_days - y.transit_days || (x.channel_id ?? '').localeCompare(y.channel_id ?? '');

/** Rows of one product (one per channel) -> its replenishment. */
function toReplenishment(rows: readonly ReplenishmentRow[]): ProductReplenishment {
  const r = rows[0]!;
  return {
    object: 'product_replenishment',
    product_id: r.product_id,
    marketplace: r.marketplace,
    asin: r.asin,
    sku: r.sku === '' ? null : r.sku,
    title: r.title,
    as_of: r.as_of,
    velocity_7d: r.velocity_7d,
    velocity_30d: r.velocity_30d,
    velocity: r.velocity,
    sellable: r.sellable,
    inbound: r.inbound,
    days_of_cover: r.days_of_cover,
    days_of_cover_with_inbound: r.days_of_cover_with_inbound,
    planning: toProductPlanning(r.product_id, { ...r, updated_at: r.planning_updated_at, version: r.planning_version }),
    // Without any logistics channel, one option planned without transit days.
    options: (rows.some((row) => row.channel_id !== null) ? rows.filter((row) => row.channel_id !== null) : [r]).sort(fastestFirst).map(toOption),
  };
}

/** Plans are made for dates the calendar of both engines can write, with a century of margin. */
function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && (asOf < '1900-01-01' || asOf > '2199-12-31')) {
    throw new BadRequest('validation_failed', 'as_of must be between 1900-01-01 and 2199-12-31.', [{ path: '/querystring/as_of', message: 'out of range' }]);
  }
}

async function channelChoice(ctx: ServiceContext, query: ReplenishmentQuery, otherwise: ChannelChoice): Promise<ChannelChoice> {
  checkAsOf(query.as_of);
  const id = query.logistics_channel_id;
  if (!id) return otherwise;
  if ((await findLogisticsChannels(ctx.db, ctx.workspaceId, [id])).length === 0) throw new NotFound('Logistics channel', id);
  return { kind: 'one', id };
}

function groupByProduct(rows: readonly ReplenishmentRow[]): Map<string, ReplenishmentRow[]> {
  const groups = new Map<string, ReplenishmentRow[]>();
  for (const row of rows) groups.set(row.product_id, [...(groups.get(row.product_id) ?? []), row]);
  return groups;
}

/**
 * One product, with an option per logistics channel: the one asked for, or every
 * active channel of the workspace (none when the registry has no channel).
 */
export async function getReplenishment(ctx: ServiceContext, productId: string, query: ReplenishmentQuery): Promise<ProductReplenishment> {
  await assertProduct(ctx, productId);
  const channel = await channelChoice(ctx, query, { kind: 'all' });
  const rows = await replenishmentRows(ctx.db, ctx.workspaceId, { productIds: [productId], channel, asOf: query.as_of });
  return toReplenishment(rows);
}

/** Several products at once (GraphQL batches): one statement whatever their number. */
export async function replenishmentOfProducts(ctx: ServiceContext, productIds: readonly string[], query: ReplenishmentQuery): Promise<Map<string, ProductReplenishment>> {
  const channel = await channelChoice(ctx, query, { kind: 'all' });
  const rows = await replenishmentRows(ctx.db, ctx.workspaceId, { productIds, channel, asOf: query.as_of });
  return new Map([...groupByProduct(rows)].map(([id, group]) => [id, toReplenishment(group)]));
}

/**
 * Every active product, most urgent first (fewest days until the latest order date;
 * products without sales last), each on one channel: the one asked for, else its
 * planning channel (its default, else the slowest active channel).
 */
export async function listReplenishment(ctx: ServiceContext, query: ReplenishmentQuery, page: { limit?: number | undefined; cursor?: string | undefined }): Promise<Page<ProductReplenishment>> {
  const limit = page.limit ?? 50;
  const values = page.cursor ? decodeCursor(page.cursor, CURSOR_KEYS) : undefined;
  if (values && (typeof values[0] !== 'number' || !Number.isInteger(values[0]) || typeof values[1] !== 'string')) {
    throw new BadRequest('invalid_cursor', 'The cursor is not one this list issued. Start again without a cursor.', [{ path: '/cursor', message: 'not a valid cursor' }]);
  }
  const after = values as [number, string] | undefined;
  const channel = await channelChoice(ctx, query, { kind: 'planning' });
  const rows = await replenishmentRows(ctx.db, ctx.workspaceId, { activeOnly: true, channel, asOf: query.as_of, page: { limit, after } });
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    object: 'list',
    data: pageRows.map((row) => toReplenishment([row])),
    next_cursor: hasMore && last ? encodeCursor([last.order_key, last.product_id]) : null,
  };
}
