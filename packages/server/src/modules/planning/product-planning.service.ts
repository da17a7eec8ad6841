import type { ProductPlanning, ProductPlanningUpdate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { lockProduct } from '../metrics/products.repository.ts';
import { assertProduct } from '../metrics/products.service.ts';
import { findLogisticsChannels } from './channels.repository.ts';
import { toProductPlanning } from './product-planning.mapping.ts';
import * as repo from './product-planning.repository.ts';

export async function getPlanning(ctx: ServiceContext, productId: string): Promise<ProductPlanning> {
  await assertProduct(ctx, productId);
  return toProductPlanning(productId, await repo.findPlanning(ctx.db, ctx.workspaceId, productId));
}

/**
 * Replaces the product's planning inputs (a field left out goes back to its default).
 * The product row is locked so that two writers are ordered, and If-Match is checked
 * against the planning version (0 before the first write).
 */
export async function putPlanning(ctx: ServiceContext, productId: string, input: ProductPlanningUpdate, expected: number | undefined): Promise<ProductPlanning> {
  if (!(await lockProduct(ctx.db, ctx.workspaceId, productId))) throw new NotFound('Product', productId);
  const current = await repo.findPlanning(ctx.db, ctx.workspaceId, productId);
  assertVersion(current?.version ?? 0, expected);
  const channelId = input.default_logistics_channel_id ?? null;
  if (channelId && (await findLogisticsChannels(ctx.db, ctx.workspaceId, [channelId])).length === 0) {
    throw new InvalidInput('default_logistics_channel_id names no logistics channel of this workspace.', [
      { path: '/body/default_logistics_channel_id', message: 'unknown logistics channel' },
    ]);
  }
  const before = toProductPlanning(productId, current);
  const row = await repo.upsertPlanning(ctx.db, ctx.workspaceId, productId, {
    production_days: input.production_days ?? null,
    receiving_days: input.receiving_days ?? null,
    safety_days: input.safety_days ?? null,
    review_days: input.review_days ?? null,
    units_per_carton: input.units_per_carton ?? null,
    unit_weight_kg: input.unit_weight_kg ?? null,
    unit_volume_cbm: input.unit_volume_cbm ?? null,
    default_logistics_channel_id: channelId,
  });
  const after = toProductPlanning(productId, row);
  await recordChange(ctx, { action: 'product_planning.updated', objectType: 'product', objectId: productId, before, after });
  return after;
}
