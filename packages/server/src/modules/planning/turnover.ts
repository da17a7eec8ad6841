import Big from 'big.js';
import type { Money, PlanningGoal, PlanWarning, TurnoverOption, TurnoverPlan } from '@sellerops/schemas';
import type { LogisticsMode } from './channels.ts';

/**
 * The capital and turnover planner: pure arithmetic over decimal amounts (big.js, no
 * floats for money). docs/diagnostics.md "Capital and turnover planner" states every
 * formula; the names below follow it.
 */

export const DAYS_PER_MONTH = 30;
export const DAYS_PER_YEAR = 365;

export interface PlanFigures {
  currency: string;
  unitCost: Big;
  price: Big;
  fees: Big;
  monthlyUnits: number;
  productionDays: number;
  productionPaidUpfront: boolean;
  receivingDays: number;
  settlementDays: number;
  batchUnits: number;
  budget: Big;
  goal: PlanningGoal;
}

/** A candidate channel, resolved: transit days to plan with and freight per unit in the plan's currency. */
export interface PlanChannel {
  logistics_channel_id: string | null;
  name: string;
  mode: LogisticsMode | null;
  transit_days: number;
  freight: Big;
}

/** An option with the unrounded figures the recommendation compares. */
interface Computed {
  option: TurnoverOption;
  index: number;
  margin: Big;
  cashCycle: Big;
  turns: Big;
  profit: Big;
  carried: number;
}

const moneyOf = (value: Big, currency: string): Money => ({ amount: value.round(2, Big.roundHalfUp).toFixed(2), currency });
const num = (value: Big, dp: number) => Number(value.round(dp, Big.roundHalfUp).toString());
const pct = (value: Big) => `${value.times(100).round(1, Big.roundHalfUp).toFixed(1)}%`;
const days = (value: Big) => value.round(2, Big.roundHalfUp).toString();
const turnsText = (value: Big) => value.round(2, Big.roundHalfUp).toFixed(2);

function computeOption(f: PlanFigures, channel: PlanChannel, index: number): Computed {
  const landed = f.unitCost.plus(channel.freight);
  const profit = f.price.minus(landed).minus(f.fees);
  // Cash out at the order (or at shipment when production is paid later), cash in after the settlement of the batch's last sale.
  const fixedDays = (f.productionPaidUpfront ? f.productionDays : 0) + channel.transit_days + f.receivingDays + f.settlementDays;
  const daysToSell = new Big(f.batchUnits).times(DAYS_PER_MONTH).div(f.monthlyUnits);
  const cashCycle = daysToSell.plus(fixedDays);
  const turns = new Big(DAYS_PER_YEAR).div(cashCycle);
  // daily units x cash cycle = batch + monthly x fixed days / 30: integer arithmetic, no rounding drift.
  const unitsInPipeline = f.batchUnits + Math.ceil((f.monthlyUnits * fixedDays) / DAYS_PER_MONTH);
  const capital = landed.times(unitsInPipeline);
  const annualProfit = profit.times(f.monthlyUnits).times(DAYS_PER_YEAR).div(DAYS_PER_MONTH);
  const margin = profit.div(f.price);
  const carried = capital.gt(0) ? Math.min(Number(f.budget.div(capital).round(0, Big.roundDown).toString()), Number.MAX_SAFE_INTEGER) : 0;
  const warnings: PlanWarning[] = [];
  if (f.price.lt(landed)) warnings.push('price_below_landed_cost');
  if (profit.lte(0)) warnings.push('loss_after_fees');
  if (capital.gt(f.budget)) warnings.push('over_budget');
  return {
    index,
    margin,
    cashCycle,
    turns,
    profit,
    carried,
    option: {
      logistics_channel_id: channel.logistics_channel_id,
      name: channel.name,
      mode: channel.mode,
      transit_days: channel.transit_days,
      freight_per_unit: moneyOf(channel.freight, f.currency),
      landed_cost_per_unit: moneyOf(landed, f.currency),
      fees_per_unit: moneyOf(f.fees, f.currency),
      profit_per_unit: moneyOf(profit, f.currency),
      gross_margin: num(margin, 4),
      days_to_sell_batch: num(daysToSell, 2),
      cash_cycle_days: num(cashCycle, 2),
      turns_per_year: num(turns, 2),
      units_in_pipeline: unitsInPipeline,
      capital_tied_up: moneyOf(capital, f.currency),
      gross_profit_per_year: moneyOf(annualProfit, f.currency),
      return_on_capital_per_year: capital.gt(0) ? num(annualProfit.div(capital), 4) : null,
      budget_carries: capital.lte(f.budget),
      products_carried: carried,
      warnings,
    },
  };
}

type Dimension = 'margin' | 'cash_cycle' | 'products';

/** Positive when a is better than b on the dimension. */
function better(dimension: Dimension, a: Computed, b: Computed): number {
  if (dimension === 'margin') return a.margin.cmp(b.margin);
  if (dimension === 'cash_cycle') return b.cashCycle.cmp(a.cashCycle);
  return a.carried - b.carried;
}

/** The goal's ranking: its own dimension first, then a tie-break, then the order given. */
const RANKING: Record<PlanningGoal, { order: Dimension[]; contrast: Dimension[] }> = {
  scale: { order: ['products', 'cash_cycle'], contrast: ['margin', 'cash_cycle'] },
  margin: { order: ['margin', 'cash_cycle'], contrast: ['cash_cycle', 'products'] },
  cash_flow: { order: ['cash_cycle', 'margin'], contrast: ['margin', 'products'] },
};

function why(goal: PlanningGoal, rec: Computed, budget: string): string {
  const o = rec.option;
  if (goal === 'scale') return `carries ${o.products_carried} product${o.products_carried === 1 ? '' : 's'} on the budget of ${budget} and turns ${turnsText(rec.turns)} times a year`;
  if (goal === 'margin') return `keeps the highest gross margin, ${pct(rec.margin)}, and returns ${o.return_on_capital_per_year} times its capital a year`;
  return `has the shortest cash cycle, ${days(rec.cashCycle)} days (${turnsText(rec.turns)} turns a year)`;
}

function tradeOff(dimension: Dimension, rec: Computed, other: Computed): string {
  const r = rec.option;
  const o = other.option;
  if (dimension === 'margin') {
    return `${o.name} would earn a gross margin of ${pct(other.margin)} instead of ${pct(rec.margin)}, with a cash cycle of ${days(other.cashCycle)} days instead of ${days(rec.cashCycle)}`;
  }
  if (dimension === 'cash_cycle') {
    return `${o.name} would turn the cash in ${days(other.cashCycle)} days instead of ${days(rec.cashCycle)} (${turnsText(other.turns)} turns a year instead of ${turnsText(rec.turns)}), at a gross margin of ${pct(other.margin)} instead of ${pct(rec.margin)}`;
  }
  return `${o.name} would let the budget carry ${o.products_carried} products instead of ${r.products_carried}, at a gross margin of ${pct(other.margin)} instead of ${pct(rec.margin)}`;
}

const GOAL_LABEL: Record<PlanningGoal, string> = { scale: 'Scale', margin: 'Margin', cash_flow: 'Cash flow' };
const DIMENSION_LABEL: Record<Dimension, string> = { margin: 'margin', cash_cycle: 'cash cycle', products: 'products carried' };

function recommend(f: PlanFigures, computed: Computed[]): TurnoverPlan['recommendation'] {
  const budget = `${moneyOf(f.budget, f.currency).amount} ${f.currency}`;
  const none = (summary: string) => ({ option_index: null, logistics_channel_id: null, name: null, summary });
  const carried = computed.filter((c) => c.option.budget_carries);
  if (carried.length === 0) {
    const cheapest = [...computed].sort((a, b) => new Big(a.option.capital_tied_up.amount).cmp(b.option.capital_tied_up.amount))[0]!;
    return none(
      `The budget of ${budget} carries none of the channels: the least capital needed is ${cheapest.option.capital_tied_up.amount} ${f.currency} by ${cheapest.option.name}. Raise the budget, order smaller batches or choose a lighter product.`,
    );
  }
  const eligible = carried.filter((c) => c.profit.gt(0));
  if (eligible.length === 0) return none('Every channel the budget carries loses money per unit at this price and these fees: no channel is recommended.');

  const { order, contrast } = RANKING[f.goal];
  const ranked = [...eligible].sort((a, b) => {
    for (const d of order) {
      const c = better(d, b, a);
      if (c !== 0) return c;
    }
    return a.index - b.index;
  });
  const rec = ranked[0]!;
  const others = eligible.filter((c) => c !== rec);
  let statement: string;
  if (others.length === 0) {
    statement = 'it is the only channel the budget carries at a profit, so there is nothing to weigh it against';
  } else {
    const beaten = contrast
      .map((d) => ({ d, best: [...others].sort((a, b) => better(d, b, a) || a.index - b.index)[0]! }))
      .find(({ d, best }) => better(d, best, rec) > 0);
    statement = beaten
      ? tradeOff(beaten.d, rec, beaten.best)
      : `it is also the best of the channels compared on ${contrast.map((d) => DIMENSION_LABEL[d]).join(' and ')}, so nothing is given up`;
  }
  return {
    option_index: rec.index,
    logistics_channel_id: rec.option.logistics_channel_id,
    name: rec.option.name,
    summary: `${GOAL_LABEL[f.goal]}: ${rec.option.name} ${why(f.goal, rec, budget)}. Trade-off: ${statement}.`,
  };
}

export function computePlan(f: PlanFigures, channels: readonly PlanChannel[]): TurnoverPlan {
  const computed = channels.map((c, i) => computeOption(f, c, i));
  const warnings: PlanWarning[] = [];
  if (f.price.lt(f.unitCost)) warnings.push('price_below_unit_cost');
  if (computed.every((c) => c.profit.lte(0))) warnings.push('loss_after_fees');
  if (computed.every((c) => !c.option.budget_carries)) warnings.push('over_budget');
  return {
    object: 'turnover_plan',
    currency: f.currency,
    goal: f.goal,
    budget: moneyOf(f.budget, f.currency),
    assumptions: {
      days_per_month: DAYS_PER_MONTH,
      days_per_year: DAYS_PER_YEAR,
      daily_units: num(new Big(f.monthlyUnits).div(DAYS_PER_MONTH), 4),
      batch_units: f.batchUnits,
      production_days: f.productionDays,
      production_paid_upfront: f.productionPaidUpfront,
      receiving_days: f.receivingDays,
      settlement_days: f.settlementDays,
    },
    options: computed.map((c) => c.option),
    recommendation: recommend(f, computed),
    warnings,
  };
}
