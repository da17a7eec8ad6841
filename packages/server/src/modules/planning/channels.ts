import type { Money } from '@sellerops/schemas';
import type { ChannelRow } from './channels.repository.ts';

export type LogisticsMode = 'sea' | 'air' | 'express' | 'rail';

/** What planning needs of a logistics channel, whether from the registry or given inline. */
export interface LogisticsChannel {
  logistics_channel_id: string | null;
  name: string;
  mode: LogisticsMode | null;
  transit_days_min: number;
  transit_days_max: number;
  cost_per_kg: Money | null;
  cost_per_cbm: Money | null;
  /** Only for inline channels that state their freight per unit directly. */
  freight_per_unit: Money | null;
}

const money = (value: unknown): Money | null => {
  if (typeof value !== 'object' || value === null) return null;
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  return typeof amount === 'string' && typeof currency === 'string' ? { amount, currency } : null;
};
const days = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A registry channel; its attributes were validated against the kind when written. */
export function channelOfRow(row: ChannelRow): LogisticsChannel {
  const a = row.attributes;
  const max = days(a.transit_days_max);
  return {
    logistics_channel_id: row.id,
    name: row.name,
    mode: typeof a.mode === 'string' ? (a.mode as LogisticsMode) : null,
    transit_days_min: days(a.transit_days_min ?? max),
    transit_days_max: max,
    cost_per_kg: money(a.cost_per_kg),
    cost_per_cbm: money(a.cost_per_cbm),
    freight_per_unit: null,
  };
}
