import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A logistics_channel resource as planning reads it. */
export interface ChannelRow {
  id: string;
  name: string;
  status: string;
  attributes: Record<string, unknown>;
}

/**
 * Logistics channels of the workspace: those named by `ids` (whatever their status),
 * or every active one when `ids` is undefined. One statement either way.
 */
export async function findLogisticsChannels(db: Db, workspaceId: string, ids?: readonly string[]): Promise<ChannelRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('resources')
    .select(['id', 'name', 'status', 'attributes'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'logistics_channel');
  query = ids ? query.where('id', '=', sql<string>`any(${[...ids]}::text[])`) : query.where('status', '=', 'active');
  return query.orderBy('id').execute();
}
