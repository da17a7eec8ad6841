import type { InventoryResource, ResourceKind } from '@sellerops/schemas';
import type { ResourceRow } from '../../db/database.ts';
import type { RelationWithEnds } from './relations.repository.ts';
import { decimal, toResource } from './resources.mapping.ts';

/** A relation as an inventory file holds it: by the key of the other end. */
export interface InventoryRelationState {
  type: string;
  to: string;
  since: string | null;
  until: string | null;
  notes: string | null;
}

/**
 * Everything apply compares for one resource, with every default written out: an
 * absent field in a file means empty, so a file and the database compare field by field.
 */
export interface ResourceState {
  key: string;
  kind: ResourceKind;
  name: string;
  status: string;
  owner_member_id: string | null;
  tags: string[];
  cost: { amount: string; currency: string; period: string } | null;
  acquired_on: string | null;
  renews_on: string | null;
  contacts: unknown[];
  notes: string | null;
  attributes: Record<string, unknown>;
  relations: InventoryRelationState[];
}

const byTypeAndKey = (a: InventoryRelationState, b: InventoryRelationState) => (a.type + ' ' + a.to < b.type + ' ' + b.to ? -1 : a.type + ' ' + a.to > b.type + ' ' + b.to ? 1 : 0);

export function stateOfItem(item: InventoryResource): ResourceState {
  return {
    key: item.key,
    kind: item.kind,
    name: item.name,
    status: item.status ?? 'active',
    owner_member_id: item.owner_member_id ?? null,
    tags: item.tags ?? [],
    cost: item.cost ? { amount: decimal(item.cost.amount), currency: item.cost.currency, period: item.cost.period } : null,
    acquired_on: item.acquired_on ?? null,
    renews_on: item.renews_on ?? null,
    contacts: item.contacts ?? [],
    notes: item.notes ?? null,
    attributes: item.attributes ?? {},
    relations: (item.relations ?? []).map((r) => ({ type: r.type, to: r.to, since: r.since ?? null, until: r.until ?? null, notes: r.notes ?? null })).sort(byTypeAndKey),
  };
}

export function stateOfRow(row: ResourceRow, outgoing: readonly RelationWithEnds[]): ResourceState {
  const r = toResource(row);
  return {
    key: r.key,
    kind: r.kind,
    name: r.name,
    status: r.status,
    owner_member_id: r.owner_member_id,
    tags: r.tags,
    cost: r.cost,
    acquired_on: r.acquired_on,
    renews_on: r.renews_on,
    contacts: r.contacts,
    notes: r.notes,
    attributes: r.attributes,
    relations: outgoing.map((e) => ({ type: e.type, to: e.to_key, since: e.since, until: e.until, notes: e.notes })).sort(byTypeAndKey),
  };
}

/** The state as a file shows it: empty fields left out, so an exported file stays short. */
export function toInventoryItem(state: ResourceState): InventoryResource {
  const item: Record<string, unknown> = { key: state.key, kind: state.kind, name: state.name };
  if (state.status !== 'active') item.status = state.status;
  if (state.owner_member_id) item.owner_member_id = state.owner_member_id;
  if (state.tags.length > 0) item.tags = state.tags;
  if (state.cost) item.cost = state.cost;
  if (state.acquired_on) item.acquired_on = state.acquired_on;
  if (state.renews_on) item.renews_on = state.renews_on;
  if (state.contacts.length > 0) item.contacts = state.contacts;
  if (state.notes !== null) item.notes = state.notes;
  if (Object.keys(state.attributes).length > 0) item.attributes = state.attributes;
  if (state.relations.length > 0) {
    item.relations = state.relations.map((r) => ({
      type: r.type,
      to: r.to,
      ...(r.since ? { since: r.since } : {}),
      ...(r.until ? { until: r.until } : {}),
      ...(r.notes !== null ? { notes: r.notes } : {}),
    }));
  }
  return item as InventoryResource;
}
