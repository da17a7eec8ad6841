import { sql } from 'kysely';
import type { Db, ProductPlanningRow } from '../../db/database.ts';

export interface PlanningValues {
  production_days: number | null;
  receiving_days: number | null;
  safety_days: number | null;
  review_days: number | null;
  units_per_carton: number | null;
  unit_weight_kg: number | null;
  unit_volume_cbm: number | null;
  default_logistics_channel_id: string | null;
}

export async function findPlanning(db: Db, workspaceId: string, productId: string): Promise<ProductPlanningRow | undefined> {
  return db.selectFrom('product_planning').selectAll().where('workspace_id', '=', workspaceId).where('product_id', '=', productId).executeTakeFirst();
}

/** Writes every input (PUT semantics) and raises the version; the first write is version 1. */
export async function upsertPlanning(db: Db, workspaceId: string, productId: string, values: PlanningValues): Promise<ProductPlanningRow> {
  const row = {
    ...values,
    unit_weight_kg: values.unit_weight_kg === null ? null : String(values.unit_weight_kg),
    unit_volume_cbm: values.unit_volume_cbm === null ? null : String(values.unit_volume_cbm),
  };
  return db
    .insertInto('product_planning')
    .values({ workspace_id: workspaceId, product_id: productId, ...row })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'product_id']).doUpdateSet({ ...row, updated_at: sql<Date>`now()`, version: sql<number>`product_planning.version + 1` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
