import type { ColumnType, Generated, Selectable } from 'kysely';
import type { JsonOf, Timestamp } from '../column-types.ts';

export interface ResourcesTable {
  workspace_id: string;
  id: string;
  key: string;
  kind: string;
  name: string;
  status: Generated<string>;
  owner_member_id: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  /** numeric: a decimal string on both engines. */
  cost_amount: string | null;
  cost_currency: string | null;
  cost_period: string | null;
  /** Dates are 'YYYY-MM-DD' strings on both engines (see connect.ts). */
  acquired_on: string | null;
  renews_on: string | null;
  contacts: JsonOf<unknown[]>;
  notes: string | null;
  attributes: JsonOf<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ResourceRelationsTable {
  workspace_id: string;
  id: string;
  type: string;
  from_id: string;
  to_id: string;
  since: string | null;
  until: string | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The resource registry: resources and the typed relations between them. */
export interface ResourceTables {
  resources: ResourcesTable;
  resource_relations: ResourceRelationsTable;
}

export type ResourceRow = Selectable<ResourcesTable>;
export type ResourceRelationRow = Selectable<ResourceRelationsTable>;
