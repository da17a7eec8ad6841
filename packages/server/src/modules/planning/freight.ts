import Big from 'big.js';
import type { LogisticsChannel } from './channels.ts';

export interface UnitSize {
  weight_kg: number | null;
  volume_cbm: number | null;
}

/**
 * Freight of one unit on a channel, or null when the channel's prices cannot be
 * applied to what is known of the unit. A stated per-unit freight wins; otherwise
 * cost_per_kg x weight and cost_per_cbm x volume, and when both can be computed the
 * greater, as forwarders bill the chargeable (greater of weight and volume) basis.
 * Amounts are in the channel's currency; the caller checks it.
 */
export function freightPerUnit(channel: LogisticsChannel, unit: UnitSize): Big | null {
  if (channel.freight_per_unit) return new Big(channel.freight_per_unit.amount);
  const byWeight = channel.cost_per_kg && unit.weight_kg !== null ? new Big(channel.cost_per_kg.amount).times(unit.weight_kg) : null;
  const byVolume = channel.cost_per_cbm && unit.volume_cbm !== null ? new Big(channel.cost_per_cbm.amount).times(unit.volume_cbm) : null;
  if (byWeight && byVolume) return byWeight.gt(byVolume) ? byWeight : byVolume;
  return byWeight ?? byVolume;
}

/** The currency of the channel's freight prices (the first one set). */
export function freightCurrency(channel: LogisticsChannel): string | null {
  return (channel.freight_per_unit ?? channel.cost_per_kg ?? channel.cost_per_cbm)?.currency ?? null;
}

/** The channel prices by weight or volume only, and the unit lacks that measure. */
export function missingMeasure(channel: LogisticsChannel, unit: UnitSize): 'unit_weight_kg' | 'unit_volume_cbm' | null {
  if (channel.freight_per_unit) return null;
  if (channel.cost_per_kg && unit.weight_kg === null && !(channel.cost_per_cbm && unit.volume_cbm !== null)) return 'unit_weight_kg';
  if (channel.cost_per_cbm && unit.volume_cbm === null && !channel.cost_per_kg) return 'unit_volume_cbm';
  return null;
}
