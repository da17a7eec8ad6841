import type { ResourceKind, ResourceRelation, ResourceRelationCreate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import * as repo from './relations.repository.ts';
import { findResource } from './resources.repository.ts';
import { fail, requireResource, type PageRequest } from './resources.service.ts';

export function toRelation(row: repo.RelationWithEnds): ResourceRelation {
  return {
    id: row.id,
    object: 'resource_relation',
    type: row.type as ResourceRelation['type'],
    from: { id: row.from_id, key: row.from_key, kind: row.from_kind as ResourceKind, name: row.from_name },
    to: { id: row.to_id, key: row.to_key, kind: row.to_kind as ResourceKind, name: row.to_name },
    since: row.since,
    until: row.until,
    notes: row.notes,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** What a relation looks like in a resource's history. */
const relationSnapshot = (r: ResourceRelation) => ({ relation: { id: r.id, type: r.type, from: r.from.key, to: r.to.key, since: r.since, until: r.until } });

export async function listRelations(ctx: ServiceContext, resourceId: string, filter: repo.RelationFilter, page: PageRequest): Promise<Page<ResourceRelation>> {
  await requireResource(ctx, resourceId);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.RELATION_SORT) : undefined;
  const rows = await repo.listRelations(ctx.db, ctx.workspaceId, [resourceId], filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toRelation);
}

/** The relations of several resources in one statement (GraphQL loaders). */
export async function relationsOf(ctx: ServiceContext, resourceIds: readonly string[], filter: repo.RelationFilter): Promise<ResourceRelation[]> {
  return (await repo.listRelations(ctx.db, ctx.workspaceId, resourceIds, filter)).map(toRelation);
}

export async function createRelation(ctx: ServiceContext, fromId: string, input: ResourceRelationCreate): Promise<ResourceRelation> {
  await requireResource(ctx, fromId, { forUpdate: true });
  const to = input.to_id === fromId ? undefined : await findResource(ctx.db, ctx.workspaceId, input.to_id);
  if (!to) fail('The relation is not valid', [{ path: '/body/to_id', message: input.to_id === fromId ? 'is the resource itself' : `names no resource of this workspace (${input.to_id})` }]);
  if (input.since && input.until && input.until < input.since) fail('The relation is not valid', [{ path: '/body/until', message: 'is before since' }]);
  if (await repo.findRelationEdge(ctx.db, ctx.workspaceId, fromId, input.type, input.to_id)) {
    throw new Conflict(`${fromId} already ${input.type} ${input.to_id}; change or delete that relation instead.`);
  }
  const id = newId(ID_PREFIX.resource_relation);
  await repo.insertRelations(ctx.db, [
    { workspace_id: ctx.workspaceId, id, type: input.type, from_id: fromId, to_id: input.to_id, since: input.since ?? null, until: input.until ?? null, notes: input.notes ?? null },
  ]);
  const relation = toRelation((await repo.findRelation(ctx.db, ctx.workspaceId, id))!);
  await recordChange(ctx, { action: 'resource.relation_added', objectType: 'resource', objectId: fromId, after: relationSnapshot(relation) });
  return relation;
}

export async function deleteRelation(ctx: ServiceContext, resourceId: string, relationId: string): Promise<ResourceRelation> {
  await requireResource(ctx, resourceId, { forUpdate: true });
  const row = await repo.findRelation(ctx.db, ctx.workspaceId, relationId);
  if (!row || (row.from_id !== resourceId && row.to_id !== resourceId)) throw new NotFound('Relation', relationId);
  await repo.deleteRelationsByIds(ctx.db, ctx.workspaceId, [relationId]);
  const relation = toRelation(row);
  await recordChange(ctx, { action: 'resource.relation_removed', objectType: 'resource', objectId: row.from_id, before: relationSnapshot(relation) });
  return relation;
}
