import Big from 'big.js';
import type { TurnoverChannelInput, TurnoverPlan, TurnoverPlanInput } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { findLogisticsChannels } from './channels.repository.ts';
import { channelOfRow, type LogisticsChannel } from './channels.ts';
import { freightCurrency, freightPerUnit, missingMeasure, type UnitSize } from './freight.ts';
import { computePlan, type PlanChannel } from './turnover.ts';

/** Defaults when the caller leaves a figure out (docs/diagnostics.md). */
export const PLAN_DEFAULTS = { receivingDays: 7, settlementDays: 14, productionPaidUpfront: true } as const;

const INLINE_FIELDS = ['name', 'mode', 'transit_days', 'freight_per_unit', 'cost_per_kg', 'cost_per_cbm'] as const;

function inlineChannel(input: TurnoverChannelInput, i: number, errors: FieldError[]): LogisticsChannel | null {
  const path = `/body/channels/${i}`;
  if (input.transit_days === undefined) errors.push({ path: `${path}/transit_days`, message: 'an inline channel needs transit_days' });
  if (!input.freight_per_unit && !input.cost_per_kg && !input.cost_per_cbm) {
    errors.push({ path, message: 'an inline channel needs freight_per_unit, cost_per_kg or cost_per_cbm' });
  }
  if (input.transit_days === undefined) return null;
  return {
    logistics_channel_id: null,
    name: input.name ?? input.mode ?? `channel ${i + 1}`,
    mode: input.mode ?? null,
    transit_days_min: input.transit_days,
    transit_days_max: input.transit_days,
    cost_per_kg: input.cost_per_kg ?? null,
    cost_per_cbm: input.cost_per_cbm ?? null,
    freight_per_unit: input.freight_per_unit ?? null,
  };
}

/**
 * Plans a product over candidate channels. Writes nothing: the route runs outside the
 * write transaction. A channel id that is not a logistics channel of the caller's
 * workspace is 404, like an id that does not exist.
 */
export async function planTurnover(ctx: ServiceContext, input: TurnoverPlanInput): Promise<TurnoverPlan> {
  const currency = input.unit_cost.currency;
  const errors: FieldError[] = [];
  if (new Big(input.unit_cost.amount).lte(0)) errors.push({ path: '/body/unit_cost/amount', message: 'must be above zero' });
  if (new Big(input.price.amount).lte(0)) errors.push({ path: '/body/price/amount', message: 'must be above zero' });
  for (const [field, money] of [['price', input.price], ['fees_per_unit', input.fees_per_unit], ['budget', input.budget]] as const) {
    if (money && money.currency !== currency) errors.push({ path: `/body/${field}/currency`, message: `must be ${currency}, the currency of unit_cost` });
  }

  const ids = [...new Set(input.channels.flatMap((c) => (c.logistics_channel_id ? [c.logistics_channel_id] : [])))];
  const registry = new Map((await findLogisticsChannels(ctx.db, ctx.workspaceId, ids)).map((row) => [row.id, channelOfRow(row)]));
  const unit: UnitSize = { weight_kg: input.unit_weight_kg ?? null, volume_cbm: input.unit_volume_cbm ?? null };

  const channels: PlanChannel[] = [];
  input.channels.forEach((c, i) => {
    let channel: LogisticsChannel | null;
    if (c.logistics_channel_id) {
      const extra = INLINE_FIELDS.filter((f) => c[f] !== undefined);
      if (extra.length > 0) errors.push({ path: `/body/channels/${i}`, message: `give logistics_channel_id or an inline channel, not both (${extra.join(', ')})` });
      channel = registry.get(c.logistics_channel_id) ?? null;
      if (!channel) throw new NotFound('Logistics channel', c.logistics_channel_id);
    } else {
      channel = inlineChannel(c, i, errors);
    }
    if (!channel) return;
    const priced = freightCurrency(channel);
    if (priced && priced !== currency) {
      errors.push({ path: `/body/channels/${i}`, message: `freight is priced in ${priced}; the plan is in ${currency}` });
      return;
    }
    const missing = missingMeasure(channel, unit);
    const freight = freightPerUnit(channel, unit);
    if (missing || !freight) {
      errors.push({ path: `/body/${missing ?? 'unit_weight_kg'}`, message: `${channel.name} prices freight by ${missing === 'unit_volume_cbm' ? 'volume' : 'weight'}: give ${missing ?? 'unit_weight_kg'}` });
      return;
    }
    // Registry channels are planned on their slowest transit: a plan that holds on the worst case holds.
    channels.push({ logistics_channel_id: channel.logistics_channel_id, name: channel.name, mode: channel.mode, transit_days: channel.transit_days_max, freight });
  });
  if (errors.length > 0) throw new InvalidInput('The plan cannot be computed from these figures.', errors);

  return computePlan(
    {
      currency,
      unitCost: new Big(input.unit_cost.amount),
      price: new Big(input.price.amount),
      fees: new Big(input.fees_per_unit?.amount ?? 0),
      monthlyUnits: input.expected_monthly_units,
      productionDays: input.production_days,
      productionPaidUpfront: input.production_paid_upfront ?? PLAN_DEFAULTS.productionPaidUpfront,
      receivingDays: input.receiving_days ?? PLAN_DEFAULTS.receivingDays,
      settlementDays: input.settlement_days ?? PLAN_DEFAULTS.settlementDays,
      batchUnits: input.batch_units ?? input.expected_monthly_units,
      budget: new Big(input.budget.amount),
      goal: input.goal,
    },
    channels,
  );
}
