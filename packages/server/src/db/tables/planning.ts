import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../column-types.ts';

export interface ProductPlanningTable {
  workspace_id: string;
  product_id: string;
  production_days: number | null;
  receiving_days: number | null;
  safety_days: number | null;
  review_days: number | null;
  units_per_carton: number | null;
  /** numeric: a decimal string. */
  unit_weight_kg: string | null;
  unit_volume_cbm: string | null;
  default_logistics_channel_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
export type ProductPlanningRow = Selectable<ProductPlanningTable>;

export interface PlanningTables {
  product_planning: ProductPlanningTable;
}
