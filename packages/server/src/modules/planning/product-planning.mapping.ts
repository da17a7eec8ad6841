import type { ProductPlanning } from '@sellerops/schemas';
import { iso } from '../../lib/time.ts';
import { PLANNING_DEFAULTS } from './replenishment.repository.ts';

/** The stored inputs of a product (any source: the table or a replenishment row). */
export interface PlanningInputs {
  production_days: number | null;
  receiving_days: number | null;
  safety_days: number | null;
  review_days: number | null;
  units_per_carton: number | null;
  unit_weight_kg: string | number | null;
  unit_volume_cbm: string | number | null;
  default_logistics_channel_id: string | null;
  updated_at: Date | null;
  version: number;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toProductPlanning(productId: string, inputs: PlanningInputs | undefined): ProductPlanning {
  const i = inputs;
  return {
    id: productId,
    object: 'product_planning',
    product_id: productId,
    production_days: i?.production_days ?? null,
    receiving_days: i?.receiving_days ?? null,
    safety_days: i?.safety_days ?? null,
    review_days: i?.review_days ?? null,
    units_per_carton: i?.units_per_carton ?? null,
    unit_weight_kg: num(i?.unit_weight_kg ?? null),
    unit_volume_cbm: num(i?.unit_volume_cbm ?? null),
    default_logistics_channel_id: i?.default_logistics_channel_id ?? null,
    effective: {
      production_days: i?.production_days ?? PLANNING_DEFAULTS.production_days,
      receiving_days: i?.receiving_days ?? PLANNING_DEFAULTS.receiving_days,
      safety_days: i?.safety_days ?? PLANNING_DEFAULTS.safety_days,
      review_days: i?.review_days ?? PLANNING_DEFAULTS.review_days,
    },
    updated_at: i?.updated_at ? iso(i.updated_at) : null,
    version: i?.version ?? 0,
  };
}
