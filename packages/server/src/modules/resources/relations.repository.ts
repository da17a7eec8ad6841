import { sql } from 'kysely';
import type { Db, ResourceRelationRow } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

export const RELATION_SORT: SortKey[] = [{ column: 'resource_relations.id', direction: 'asc' }];

/** A relation with both ends named, as the API shows it. */
export interface RelationWithEnds extends ResourceRelationRow {
  from_key: string;
  from_kind: string;
  from_name: string;
  to_key: string;
  to_kind: string;
  to_name: string;
}

export type NewRelation = Omit<ResourceRelationRow, 'created_at' | 'updated_at' | 'version'>;

export async function insertRelations(db: Db, rows: NewRelation[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('resource_relations').values(rows).execute();
}

export async function findRelationEdge(db: Db, workspaceId: string, fromId: string, type: string, toId: string): Promise<ResourceRelationRow | undefined> {
  return db
    .selectFrom('resource_relations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('from_id', '=', fromId)
    .where('type', '=', type)
    .where('to_id', '=', toId)
    .executeTakeFirst();
}

function withEnds(db: Db, workspaceId: string) {
  return db
    .selectFrom('resource_relations')
    .innerJoin('resources as f', (j) => j.onRef('f.workspace_id', '=', 'resource_relations.workspace_id').onRef('f.id', '=', 'resource_relations.from_id'))
    .innerJoin('resources as t', (j) => j.onRef('t.workspace_id', '=', 'resource_relations.workspace_id').onRef('t.id', '=', 'resource_relations.to_id'))
    .selectAll('resource_relations')
    .select(['f.key as from_key', 'f.kind as from_kind', 'f.name as from_name', 't.key as to_key', 't.kind as to_kind', 't.name as to_name'])
    .where('resource_relations.workspace_id', '=', workspaceId);
}

export async function findRelation(db: Db, workspaceId: string, id: string): Promise<RelationWithEnds | undefined> {
  return withEnds(db, workspaceId).where('resource_relations.id', '=', id).executeTakeFirst();
}

export interface RelationFilter {
  direction?: 'out' | 'in' | 'both' | undefined;
  type?: string | undefined;
}

/** Relations touching any of `resourceIds`, in the given direction (one statement for many resources). */
export async function listRelations(
  db: Db,
  workspaceId: string,
  resourceIds: readonly string[],
  filter: RelationFilter,
  page?: { limit: number; after: (string | number)[] | undefined },
): Promise<RelationWithEnds[]> {
  if (resourceIds.length === 0) return [];
  const ids = sql<string>`any(${[...resourceIds]}::text[])`;
  const direction = filter.direction ?? 'both';
  let query = withEnds(db, workspaceId).where((eb) =>
    direction === 'out'
      ? eb('resource_relations.from_id', '=', ids)
      : direction === 'in'
        ? eb('resource_relations.to_id', '=', ids)
        : eb.or([eb('resource_relations.from_id', '=', ids), eb('resource_relations.to_id', '=', ids)]),
  );
  if (filter.type) query = query.where('resource_relations.type', '=', filter.type);
  if (page?.after) query = query.where(afterCursor(RELATION_SORT, page.after));
  query = query.orderBy('resource_relations.id');
  return page ? query.limit(page.limit + 1).execute() : query.execute();
}

export async function deleteRelationsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('resource_relations').where('workspace_id', '=', workspaceId).where('id', '=', sql<string>`any(${[...ids]}::text[])`).execute();
}
