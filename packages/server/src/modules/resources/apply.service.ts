import type { ApplyChange, Inventory, InventoryResource, ResourceApply, ResourceApplyResult } from '@sellerops/schemas';
import type { ResourceRow } from '../../db/database.ts';
import { recordChanges, type Change } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import * as bulk from './apply.repository.ts';
import { canonical, diffFields } from './field-diff.ts';
import { stateOfItem, stateOfRow, toInventoryItem, type InventoryRelationState, type ResourceState } from './inventory.ts';
import { deleteRelationsByIds, listRelations, type RelationWithEnds } from './relations.repository.ts';
import { fieldErrors, ownerErrors } from './resource-values.ts';
import { allResources, findResourcesByKeys } from './resources.repository.ts';

function groupByFrom(relations: readonly RelationWithEnds[]): Map<string, RelationWithEnds[]> {
  const groups = new Map<string, RelationWithEnds[]>();
  for (const r of relations) groups.set(r.from_id, [...(groups.get(r.from_id) ?? []), r]);
  return groups;
}

/** The inventory (or the part a kind or tag selects) as a document apply accepts. */
export async function exportInventory(ctx: ServiceContext, filter: { kind?: string | undefined; tag?: string | undefined }): Promise<Inventory> {
  const rows = await allResources(ctx.db, ctx.workspaceId, filter);
  const outgoing = groupByFrom(await listRelations(ctx.db, ctx.workspaceId, rows.map((r) => r.id), { direction: 'out' }));
  return { resources: rows.map((row) => toInventoryItem(stateOfRow(row, outgoing.get(row.id) ?? []))) };
}

/** Errors of the document that need no plan: duplicates, kinds, attributes, relations, owners. */
async function documentErrors(ctx: ServiceContext, body: ResourceApply, existing: Map<string, ResourceRow>): Promise<{ errors: FieldError[]; targets: Map<string, string> }> {
  const errors: FieldError[] = [];
  const firstAt = new Map<string, number>();
  body.resources.forEach((item, i) => {
    const base = `/body/resources/${i}`;
    const seen = firstAt.get(item.key);
    if (seen !== undefined) errors.push({ path: `${base}/key`, message: `${item.key} is already listed at /body/resources/${seen}` });
    else firstAt.set(item.key, i);
    errors.push(...fieldErrors(item.kind, { ...item, attributes: item.attributes ?? {} }, base));
    const current = existing.get(item.key);
    if (current && current.kind !== item.kind) errors.push({ path: `${base}/kind`, message: `is fixed: ${item.key} is a ${current.kind}` });
  });
  if (body.prune && !body.selector) errors.push({ path: '/body/selector', message: 'is required with prune: it limits what may be archived (kind, tag)' });

  // Relations may name resources of the document or of the workspace: one query for the latter.
  const outside = [...new Set(body.resources.flatMap((item) => (item.relations ?? []).map((r) => r.to)).filter((key) => !firstAt.has(key) && !existing.has(key)))];
  const found = new Map((await findResourcesByKeys(ctx.db, ctx.workspaceId, outside)).map((r) => [r.key, r.id]));
  const targets = new Map([...[...existing.values()].map((r) => [r.key, r.id] as const), ...found]);
  body.resources.forEach((item, i) => {
    const edges = new Set<string>();
    (item.relations ?? []).forEach((relation, j) => {
      const path = `/body/resources/${i}/relations/${j}`;
      if (relation.to === item.key) errors.push({ path: `${path}/to`, message: 'is the resource itself' });
      else if (!firstAt.has(relation.to) && !targets.has(relation.to)) errors.push({ path: `${path}/to`, message: `names no resource of this document or workspace (${relation.to})` });
      if (edges.has(`${relation.type} ${relation.to}`)) errors.push({ path, message: `${relation.type} ${relation.to} is listed twice` });
      edges.add(`${relation.type} ${relation.to}`);
      if (relation.since && relation.until && relation.until < relation.since) errors.push({ path: `${path}/until`, message: 'is before since' });
    });
  });
  errors.push(...(await ownerErrors(ctx, body.resources.map((item, i) => ({ id: item.owner_member_id, path: `/body/resources/${i}/owner_member_id` })))));
  return { errors, targets };
}

interface Planned {
  change: ApplyChange;
  desired: ResourceState | null;
  current: ResourceState | null;
}

const columns = (id: string, s: ResourceState) => ({
  id,
  key: s.key,
  kind: s.kind,
  name: s.name,
  status: s.status,
  owner_member_id: s.owner_member_id,
  tags: s.tags,
  cost_amount: s.cost?.amount ?? null,
  cost_currency: s.cost?.currency ?? null,
  cost_period: s.cost?.period ?? null,
  acquired_on: s.acquired_on,
  renews_on: s.renews_on,
  contacts: s.contacts,
  notes: s.notes,
  attributes: s.attributes,
});

const relationKey = (r: InventoryRelationState) => canonical(r);

/**
 * Applies an inventory document in the request's one transaction: matches by key,
 * creates, updates, leaves alone what is equal, and with `prune` archives what the
 * selector covers and the document no longer lists. Any invalid item rejects the whole
 * document. Every write is one set-based statement, whatever the document's size.
 */
export async function applyInventory(ctx: ServiceContext, body: ResourceApply): Promise<ResourceApplyResult> {
  const keys = body.resources.map((item) => item.key);
  const existing = new Map((await findResourcesByKeys(ctx.db, ctx.workspaceId, keys)).map((r) => [r.key, r]));
  const { errors, targets } = await documentErrors(ctx, body, existing);
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((e) => `${e.path} ${e.message}`).join('; ');
    throw new InvalidInput(`The document was not applied; ${errors.length} problem(s): ${shown}${errors.length > 5 ? '; ...' : ''}.`, errors);
  }

  const outgoing = groupByFrom(await listRelations(ctx.db, ctx.workspaceId, [...existing.values()].map((r) => r.id), { direction: 'out' }));
  const plan: Planned[] = body.resources.map((item: InventoryResource) => {
    const desired = stateOfItem(item);
    const row = existing.get(item.key);
    if (!row) {
      return { change: { key: item.key, kind: item.kind, action: 'create', id: null, changes: diffFields(null, toInventoryItem(desired) as unknown as Record<string, unknown>) }, desired, current: null };
    }
    const current = stateOfRow(row, outgoing.get(row.id) ?? []);
    const changes = diffFields(current as unknown as Record<string, unknown>, desired as unknown as Record<string, unknown>);
    return { change: { key: item.key, kind: item.kind, action: changes.length > 0 ? 'update' : 'unchanged', id: row.id, changes }, desired, current };
  });

  if (body.prune && body.selector) {
    const listed = new Set(keys);
    for (const row of await allResources(ctx.db, ctx.workspaceId, { kind: body.selector.kind, tag: body.selector.tag })) {
      if (listed.has(row.key) || row.status === 'retired') continue;
      const current = stateOfRow(row, []);
      plan.push({ change: { key: row.key, kind: current.kind, action: 'archive', id: row.id, changes: [{ field: 'status', before: row.status, after: 'retired' }] }, desired: null, current });
    }
  }

  const summary = { create: 0, update: 0, unchanged: 0, archive: 0 };
  for (const p of plan) summary[p.change.action]++;
  if (!body.dry_run) await execute(ctx, plan, targets, outgoing);
  return { object: 'resource_apply', dry_run: body.dry_run ?? false, summary, changes: plan.map((p) => p.change) };
}

async function execute(ctx: ServiceContext, plan: Planned[], targets: Map<string, string>, outgoing: Map<string, RelationWithEnds[]>): Promise<void> {
  for (const p of plan) if (p.change.action === 'create') p.change.id = newId(ID_PREFIX.resource);
  const ids = new Map([...targets, ...plan.map((p) => [p.change.key, p.change.id!] as const)]);
  const creates = plan.filter((p) => p.change.action === 'create');
  const updates = plan.filter((p) => p.change.action === 'update');
  await bulk.insertResources(ctx.db, ctx.workspaceId, creates.map((p) => columns(p.change.id!, p.desired!)));
  await bulk.updateResources(
    ctx.db,
    ctx.workspaceId,
    updates.filter((p) => p.change.changes.some((c) => c.field !== 'relations')).map((p) => columns(p.change.id!, p.desired!)),
  );
  await bulk.retireResources(ctx.db, ctx.workspaceId, plan.filter((p) => p.change.action === 'archive').map((p) => p.change.id!));

  // Relations: the document's list replaces each listed resource's outgoing relations.
  const removed: string[] = [];
  const added: Parameters<typeof bulk.insertRelationRows>[2] = [];
  for (const p of [...creates, ...updates]) {
    const want = new Set(p.desired!.relations.map(relationKey));
    const have = new Map((outgoing.get(p.change.id!) ?? []).map((e) => [relationKey({ type: e.type, to: e.to_key, since: e.since, until: e.until, notes: e.notes }), e.id]));
    for (const [key, id] of have) if (!want.has(key)) removed.push(id);
    for (const r of p.desired!.relations) {
      if (have.has(relationKey(r))) continue;
      added.push({ id: newId(ID_PREFIX.resource_relation), type: r.type, from_id: p.change.id!, to_id: ids.get(r.to)!, since: r.since, until: r.until, notes: r.notes });
    }
  }
  await deleteRelationsByIds(ctx.db, ctx.workspaceId, removed);
  await bulk.insertRelationRows(ctx.db, ctx.workspaceId, added);

  const actions = { create: 'resource.created', update: 'resource.updated', archive: 'resource.archived' } as const;
  const changes: Change[] = plan
    .filter((p) => p.change.action !== 'unchanged')
    .map((p) => ({
      action: actions[p.change.action as keyof typeof actions],
      objectType: 'resource',
      objectId: p.change.id!,
      before: p.current as unknown as Record<string, unknown> | null,
      after: (p.desired ?? (p.current ? { ...p.current, status: 'retired' } : null)) as unknown as Record<string, unknown> | null,
    }));
  await recordChanges(ctx, changes);
}
