import type { ResourceContact, ResourceCost, ResourceKind } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import type { FieldError } from '../../lib/errors.ts';
import { attributeErrors } from './attributes.ts';
import { existingMembers, type ResourcePatch } from './resources.repository.ts';

/** The client-set fields of a resource, as create, update and apply receive them. */
export interface ResourceFields {
  name?: string | undefined;
  status?: string | undefined;
  owner_member_id?: string | null | undefined;
  tags?: string[] | undefined;
  cost?: ResourceCost | null | undefined;
  acquired_on?: string | null | undefined;
  renews_on?: string | null | undefined;
  contacts?: ResourceContact[] | undefined;
  notes?: string | null | undefined;
  attributes?: Record<string, unknown> | undefined;
}

/** Column values for the fields present in `input` (absent fields are left alone). */
export function columnsOf(input: ResourceFields): ResourcePatch {
  const patch: ResourcePatch = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.status !== undefined) patch.status = input.status;
  if (input.owner_member_id !== undefined) patch.owner_member_id = input.owner_member_id;
  if (input.tags !== undefined) patch.tags = input.tags;
  if (input.cost !== undefined) {
    patch.cost_amount = input.cost?.amount ?? null;
    patch.cost_currency = input.cost?.currency ?? null;
    patch.cost_period = input.cost?.period ?? null;
  }
  if (input.acquired_on !== undefined) patch.acquired_on = input.acquired_on;
  if (input.renews_on !== undefined) patch.renews_on = input.renews_on;
  if (input.contacts !== undefined) patch.contacts = JSON.stringify(input.contacts);
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.attributes !== undefined) patch.attributes = JSON.stringify(input.attributes);
  return patch;
}

/** Rules of one resource's fields that need no database: attributes against the kind, date order. */
export function fieldErrors(kind: ResourceKind, input: ResourceFields, base: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.attributes !== undefined) errors.push(...attributeErrors(kind, input.attributes, `${base}/attributes`));
  if (input.acquired_on && input.renews_on && input.renews_on < input.acquired_on) errors.push({ path: `${base}/renews_on`, message: 'is before acquired_on' });
  return errors;
}

/** Owners must be members of the workspace: one query for every owner named. */
export async function ownerErrors(ctx: ServiceContext, owners: Array<{ id: string | null | undefined; path: string }>): Promise<FieldError[]> {
  const named = owners.filter((o): o is { id: string; path: string } => typeof o.id === 'string');
  const found = await existingMembers(ctx.db, ctx.workspaceId, [...new Set(named.map((o) => o.id))]);
  return named.filter((o) => !found.has(o.id)).map((o) => ({ path: o.path, message: `names no member of this workspace (${o.id})` }));
}
