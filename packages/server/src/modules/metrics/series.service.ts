import type { Compare, Grain, GroupBy, Movers, Series, SeriesPoint } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { BadRequest } from '../../lib/errors.ts';
import { addDays, daysBetween, isoWeekOf, mondayOfIsoWeek, todayUtc } from '../sops/dates.ts';
import { normalizeMarketplace } from './marketplaces.ts';
import { measureDefinition, numericValue, partsOf, SERIES_TABLES, type MeasureValue, type Parts, type SeriesFamily } from './measures.ts';
import { comparisonShift, periodEnd, periodLabel, shiftDate, type Shift } from './periods.ts';
import { findProductsByIds } from './products.repository.ts';
import { seriesRows, type SeriesFilters, type SeriesRow } from './series.repository.ts';

const DEFAULT_MEASURES = 'sessions,units_ordered,ordered_product_sales,conversion';

/** Longest range a series covers: ten years of days. */
const MAX_RANGE_DAYS = 3660;

export interface SeriesFilterInput {
  product_ids?: string | readonly string[] | undefined;
  marketplace?: string | undefined;
  product_line?: string | undefined;
  operator_member_id?: string | undefined;
  seller_account_id?: string | undefined;
}

export interface SeriesRequest extends SeriesFilterInput {
  measures?: string | readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  grain?: Grain | undefined;
  group_by?: GroupBy | undefined;
  compare?: Compare | null | undefined;
}

const list = (value: string | readonly string[]) => (typeof value === 'string' ? value.split(',') : [...value]);

function checkMeasures(keys: string[], path: string): void {
  const unknown = keys.filter((k) => !measureDefinition(k));
  if (unknown.length > 0) {
    throw new BadRequest('validation_failed', `Unknown measure${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. GET /v1/metrics/measures lists them.`, [
      { path, message: `unknown measure ${unknown.join(', ')}` },
    ]);
  }
}

/** 400 when from is after to or the range is over the longest a query covers. */
export function checkRange(from: string, to: string): void {
  if (from > to) throw new BadRequest('validation_failed', `from (${from}) is after to (${to}).`, [{ path: '/querystring/from', message: 'is after to' }]);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    throw new BadRequest('validation_failed', `A range covers at most ${MAX_RANGE_DAYS} days.`, [{ path: '/querystring/to', message: 'range too long' }]);
  }
}

function toFilters(input: SeriesFilterInput): SeriesFilters {
  return {
    productIds: input.product_ids === undefined ? undefined : list(input.product_ids),
    marketplace: input.marketplace ? normalizeMarketplace(input.marketplace) : undefined,
    productLine: input.product_line,
    operatorMemberId: input.operator_member_id,
    sellerAccountId: input.seller_account_id,
  };
}

/** The first day of the period a date falls in. */
function periodStartOf(date: string, grain: Grain): string {
  if (grain === 'week') return mondayOfIsoWeek(isoWeekOf(date));
  if (grain === 'month') return `${date.slice(0, 7)}-01`;
  return date;
}

function partsOfRow(row: SeriesRow | undefined, families: SeriesFamily[], days: number): Parts {
  const currency: Parts['currency'] = {};
  for (const f of families) if (SERIES_TABLES[f].currency) currency[f] = (row?.[`cur_${f}`] as string | null | undefined) ?? null;
  return { values: row ?? {}, currency, days };
}

function valuesOf(measures: string[], parts: Parts): Record<string, MeasureValue> {
  return Object.fromEntries(measures.map((m) => [m, measureDefinition(m)!.compute(parts)]));
}

/** (value - previous) / |previous|; null when previous is zero or either side undefined. */
export function relativeChange(value: MeasureValue, previous: MeasureValue): number | null {
  const v = numericValue(value);
  const p = numericValue(previous);
  return v === null || p === null || p === 0 ? null : (v - p) / Math.abs(p);
}

async function groupLabels(ctx: ServiceContext, groupBy: GroupBy, keys: (string | null)[]): Promise<Map<string, string>> {
  if (groupBy !== 'product') return new Map(keys.filter((k): k is string => k !== null).map((k) => [k, k]));
  const products = await findProductsByIds(ctx.db, ctx.workspaceId, [...new Set(keys.filter((k): k is string => k !== null))]);
  return new Map(products.map((p) => [p.id, [p.asin, p.sku || null, p.title].filter(Boolean).join(' ')]));
}

/**
 * A series of measures by period (day, ISO week or month) and group, optionally with
 * the values of the compared range and the change. Derived measures come from the
 * summed parts of each period and group.
 */
export async function getSeries(ctx: ServiceContext, input: SeriesRequest): Promise<Series> {
  const to = input.to ?? todayUtc();
  const request = { ...input, to, from: input.from ?? addDays(to, -27) };
  const measures = [...new Set(list(input.measures ?? DEFAULT_MEASURES))];
  checkMeasures(measures, '/querystring/measures');
  checkRange(request.from, request.to);
  const grain = request.grain ?? 'day';
  const groupBy = request.group_by ?? 'none';
  const parts = partsOf(measures);
  const families = [...new Set(parts.map((p) => p.family))];
  const filters = toFilters(request);
  const query = { from: request.from, to: request.to, grain, groupBy, parts, filters };
  const rows = await seriesRows(ctx.db, ctx.workspaceId, query);

  let shift: Shift | null = null;
  const previous = new Map<string, SeriesRow>();
  if (request.compare) {
    shift = comparisonShift(request.from, request.to, grain, request.compare);
    const prevFrom = shiftDate(request.from, shift, -1);
    const prevTo = request.compare === 'previous_period' && shift.months === 0 ? addDays(request.from, -1) : shiftDate(request.to, shift, -1);
    for (const row of await seriesRows(ctx.db, ctx.workspaceId, { ...query, from: prevFrom, to: prevTo })) {
      const start = periodStartOf(shiftDate(row.period, shift, 1), grain);
      if (start > request.to || periodEnd(start, grain) < request.from) continue;
      previous.set(`${start}|${row.grp ?? ''}`, row);
    }
  }

  // Every period and group with data on either side, in order.
  const current = new Map(rows.map((r) => [`${r.period}|${r.grp ?? ''}`, r]));
  const keys = [...new Set([...current.keys(), ...previous.keys()])].sort();
  const labels = await groupLabels(ctx, groupBy, keys.map((k) => k.slice(11) || null));

  const data: SeriesPoint[] = keys.map((key) => {
    const periodStart = key.slice(0, 10);
    const grp = key.slice(11) || null;
    const start = periodStart < request.from ? request.from : periodStart;
    const end = periodEnd(periodStart, grain) > request.to ? request.to : periodEnd(periodStart, grain);
    const days = daysBetween(start, end) + 1;
    const values = valuesOf(measures, partsOfRow(current.get(key), families, days));
    const point: SeriesPoint = { period: periodLabel(periodStart, grain), start, end, group: { key: grp, label: grp === null ? null : (labels.get(grp) ?? grp) }, values };
    if (shift) {
      const before = valuesOf(measures, partsOfRow(previous.get(key), families, days));
      point.previous = before;
      point.change = Object.fromEntries(measures.map((m) => [m, relativeChange(values[m] ?? null, before[m] ?? null)]));
    }
    return point;
  });
  return { object: 'metric_series', measures, from: request.from, to: request.to, grain, group_by: groupBy, compare: request.compare ?? null, data };
}

export interface MoversRequest extends SeriesFilterInput {
  measure?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  compare?: Compare | undefined;
  direction?: 'down' | 'up' | 'both' | undefined;
  limit?: number | undefined;
}

/** Products ranked by the change of one measure between a period and the one it is compared with. */
export async function getMovers(ctx: ServiceContext, input: MoversRequest): Promise<Movers> {
  const to = input.to ?? addDays(todayUtc(), -1);
  const request = { ...input, to, from: input.from ?? addDays(to, -6), measure: input.measure ?? 'units_ordered' };
  checkMeasures([request.measure], '/querystring/measure');
  checkRange(request.from, request.to);
  const definition = measureDefinition(request.measure)!;
  const compare = request.compare ?? 'previous_period';
  const shift = comparisonShift(request.from, request.to, 'day', compare);
  const previousFrom = shiftDate(request.from, shift, -1);
  const previousTo = compare === 'previous_period' ? addDays(request.from, -1) : shiftDate(request.to, shift, -1);
  const parts = partsOf([request.measure]);
  const families = [...new Set(parts.map((p) => p.family))];
  const base = { grain: 'all' as const, groupBy: 'product' as const, parts, filters: toFilters(request) };
  const [now, before] = await Promise.all([
    seriesRows(ctx.db, ctx.workspaceId, { ...base, from: request.from, to: request.to }),
    seriesRows(ctx.db, ctx.workspaceId, { ...base, from: previousFrom, to: previousTo }),
  ]);
  const nowByProduct = new Map(now.map((r) => [r.grp!, r]));
  const beforeByProduct = new Map(before.map((r) => [r.grp!, r]));
  const days = daysBetween(request.from, request.to) + 1;
  const previousDays = daysBetween(previousFrom, previousTo) + 1;
  // A missing side of a summed measure is zero (nothing sold); of a ratio, undefined.
  const missingIsZero = definition.kind === 'base' && definition.aggregation === 'sum';

  const movers = [...new Set([...nowByProduct.keys(), ...beforeByProduct.keys()])].map((productId) => {
    const value = definition.compute(partsOfRow(nowByProduct.get(productId), families, days));
    const previous = definition.compute(partsOfRow(beforeByProduct.get(productId), families, previousDays));
    const v = numericValue(value) ?? (missingIsZero ? 0 : null);
    const p = numericValue(previous) ?? (missingIsZero ? 0 : null);
    return { productId, value, previous, difference: v === null || p === null ? null : v - p, change: relativeChange(value, previous) };
  });
  const direction = request.direction ?? 'down';
  const ranked = movers
    .filter((m) => m.difference !== null && m.difference !== 0)
    .sort((a, b) => (direction === 'down' ? a.difference! - b.difference! : direction === 'up' ? b.difference! - a.difference! : Math.abs(b.difference!) - Math.abs(a.difference!)))
    .slice(0, request.limit ?? 20);
  const products = new Map((await findProductsByIds(ctx.db, ctx.workspaceId, ranked.map((m) => m.productId))).map((p) => [p.id, p]));
  return {
    object: 'metric_movers',
    measure: request.measure,
    from: request.from,
    to: request.to,
    compare,
    previous_from: previousFrom,
    previous_to: previousTo,
    data: ranked.map((m) => {
      const product = products.get(m.productId)!;
      return {
        product_id: m.productId,
        asin: product.asin,
        sku: product.sku || null,
        title: product.title,
        value: m.value,
        previous: m.previous,
        difference: m.difference,
        change: m.change,
      };
    }),
  };
}
