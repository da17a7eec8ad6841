import type { Resource, ResourceContact, ResourceCost, ResourceKind, ResourceRef, ResourceStatus } from '@sellerops/schemas';
import type { ResourceRow } from '../../db/database.ts';
import { iso } from '../../lib/time.ts';

/** numeric comes back as text; drop trailing zeros so "12.50" and "12.5" read alike. */
export function decimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function toResource(row: ResourceRow): Resource {
  const cost: ResourceCost | null =
    row.cost_amount !== null && row.cost_currency !== null && row.cost_period !== null
      ? { amount: decimal(row.cost_amount), currency: row.cost_currency, period: row.cost_period as ResourceCost['period'] }
      : null;
  return {
    id: row.id,
    object: 'resource',
    key: row.key,
    kind: row.kind as ResourceKind,
    name: row.name,
    status: row.status as ResourceStatus,
    owner_member_id: row.owner_member_id,
    tags: row.tags,
    cost,
    acquired_on: row.acquired_on,
    renews_on: row.renews_on,
    contacts: row.contacts as ResourceContact[],
    notes: row.notes,
    attributes: row.attributes,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toRef(row: Pick<ResourceRow, 'id' | 'key' | 'kind' | 'name'>): ResourceRef {
  return { id: row.id, key: row.key, kind: row.kind as ResourceKind, name: row.name };
}
