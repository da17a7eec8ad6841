import type { Resource, ResourceChange, ResourceCreate, ResourceKind, ResourceUpdate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import { listAuditEvents } from '../audit/audit.repository.ts';
import { diffFields } from './field-diff.ts';
import { columnsOf, fieldErrors, ownerErrors } from './resource-values.ts';
import { toResource } from './resources.mapping.ts';
import * as repo from './resources.repository.ts';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export function fail(message: string, errors: FieldError[]): never {
  throw new InvalidInput(`${message}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

export async function requireResource(ctx: ServiceContext, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await repo.findResource(ctx.db, ctx.workspaceId, id, opts);
  if (!row) throw new NotFound('Resource', id);
  return row;
}

export async function getResource(ctx: ServiceContext, id: string): Promise<Resource> {
  return toResource(await requireResource(ctx, id));
}

export async function getResourcesByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Resource[]> {
  return (await repo.findResourcesByIds(ctx.db, ctx.workspaceId, ids)).map(toResource);
}

export async function listResources(ctx: ServiceContext, filter: repo.ResourceFilter, page: PageRequest): Promise<Page<Resource>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.RESOURCE_SORT) : undefined;
  const rows = await repo.listResources(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toResource);
}

const DAY_MS = 86_400_000;

/** What renews or expires within `withinDays` days (and anything overdue), soonest first. */
export async function listRenewals(ctx: ServiceContext, withinDays: number, page: PageRequest): Promise<Page<Resource>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.RENEWAL_SORT) : undefined;
  const until = new Date(Date.now() + withinDays * DAY_MS).toISOString().slice(0, 10);
  const rows = await repo.listRenewals(ctx.db, ctx.workspaceId, until, { limit, after });
  return toPage(rows, limit, (r) => [r.renews_on!, r.id], toResource);
}

export async function createResource(ctx: ServiceContext, input: ResourceCreate): Promise<Resource> {
  const errors = [
    ...fieldErrors(input.kind, { ...input, attributes: input.attributes ?? {} }, '/body'),
    ...(await ownerErrors(ctx, [{ id: input.owner_member_id, path: '/body/owner_member_id' }])),
  ];
  if (errors.length > 0) fail('The resource is not valid', errors);
  if (await repo.keyTaken(ctx.db, ctx.workspaceId, input.key)) throw new Conflict(`A resource with key ${input.key} already exists in this workspace.`);
  const row = await repo.insertResource(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.resource),
    key: input.key,
    kind: input.kind,
    status: 'active',
    owner_member_id: null,
    tags: [],
    cost_amount: null,
    cost_currency: null,
    cost_period: null,
    acquired_on: null,
    renews_on: null,
    contacts: '[]',
    notes: null,
    attributes: '{}',
    ...columnsOf(input),
    name: input.name,
  });
  const resource = toResource(row);
  await recordChange(ctx, { action: 'resource.created', objectType: 'resource', objectId: resource.id, after: resource });
  return resource;
}

export async function updateResource(ctx: ServiceContext, id: string, patch: ResourceUpdate, expected: number | undefined): Promise<Resource> {
  const current = await requireResource(ctx, id, { forUpdate: true });
  assertVersion(current.version, expected);
  const merged = { acquired_on: current.acquired_on, renews_on: current.renews_on, ...patch };
  const errors = [
    ...fieldErrors(current.kind as ResourceKind, merged, '/body'),
    ...(await ownerErrors(ctx, [{ id: patch.owner_member_id, path: '/body/owner_member_id' }])),
  ];
  if (errors.length > 0) fail('The change is not valid', errors);
  const before = toResource(current);
  const after = toResource(await repo.updateResource(ctx.db, ctx.workspaceId, id, columnsOf(patch)));
  await recordChange(ctx, { action: 'resource.updated', objectType: 'resource', objectId: id, before, after });
  return after;
}

/** DELETE archives: the resource is retired and keeps its history and relations. */
export async function archiveResource(ctx: ServiceContext, id: string, expected: number | undefined): Promise<Resource> {
  const current = await requireResource(ctx, id, { forUpdate: true });
  assertVersion(current.version, expected);
  const before = toResource(current);
  if (current.status === 'retired') return before;
  const after = toResource(await repo.updateResource(ctx.db, ctx.workspaceId, id, { status: 'retired' }));
  await recordChange(ctx, { action: 'resource.archived', objectType: 'resource', objectId: id, before, after });
  return after;
}

/** Every recorded change of a resource, newest first, with the field diff of each. */
export async function resourceHistory(ctx: ServiceContext, id: string, page: PageRequest): Promise<Page<ResourceChange>> {
  await requireResource(ctx, id);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, [{ column: 'id', direction: 'desc' }]) : undefined;
  const rows = await listAuditEvents(ctx.db, ctx.workspaceId, { object_id: id }, { limit, after });
  return toPage(
    rows,
    limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      object: 'resource_change' as const,
      occurred_at: iso(r.occurred_at),
      action: r.action,
      actor_type: r.actor_type as ResourceChange['actor_type'],
      actor_id: r.actor_id,
      actor_member_id: r.actor_member_id,
      request_id: r.request_id,
      changes: diffFields(r.before, r.after),
    }),
  );
}
