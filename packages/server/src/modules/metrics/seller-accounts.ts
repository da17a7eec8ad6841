import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';

/**
 * Products, facts and imports name their seller account by the id of a
 * `seller_account` resource in the registry, so that roll-ups by account and the
 * registry's view of a store are the same thing. Archived accounts still count: their
 * history is still imported and reported.
 */
export async function findSellerAccountIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('resources')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'seller_account')
    .where('id', '=', sql<string>`any(${[...new Set(ids)]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export const UNKNOWN_SELLER_ACCOUNT = 'names no seller_account resource of this workspace';

/** 422 validation_failed unless `id` (when given) is a seller account of the workspace. */
export async function assertSellerAccount(ctx: ServiceContext, id: string | null | undefined, path: string): Promise<void> {
  if (!id) return;
  const found = await findSellerAccountIds(ctx.db, ctx.workspaceId, [id]);
  if (!found.has(id)) throw new InvalidInput(`seller_account_id ${UNKNOWN_SELLER_ACCOUNT}.`, [{ path, message: UNKNOWN_SELLER_ACCOUNT }]);
}
