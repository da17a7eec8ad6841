import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';
import type { AlertTables } from './tables/alerts.ts';
import type { HiringTables } from './tables/hiring.ts';
import type { ImportTables } from './tables/imports.ts';
import type { MetricsTables } from './tables/metrics.ts';
import type { PlanningTables } from './tables/planning.ts';
import type { ResourceTables } from './tables/resources.ts';
import type { SopTables } from './tables/sops.ts';

export type * from './tables/alerts.ts';
export type * from './tables/hiring.ts';
export type * from './tables/imports.ts';
export type * from './tables/metrics.ts';
export type * from './tables/planning.ts';
export type * from './tables/resources.ts';
export type * from './tables/sops.ts';


export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MembersTable {
  workspace_id: string;
  id: string;
  name: string;
  email: string;
  role: string;
  title: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  member_id: string | null;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AuditEventsTable {
  workspace_id: string;
  id: string;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_member_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  route: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Json;
  response_body: string | null;
  created_at: Timestamp;
}

/** The foundation's tables: workspaces, people, keys, the audit log, idempotency records. */
export interface FoundationTables {
  workspaces: WorkspacesTable;
  members: MembersTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** Every table, one interface per domain in db/tables/. */
export interface DB extends FoundationTables, SopTables, HiringTables, MetricsTables, ImportTables, ResourceTables, PlanningTables, AlertTables {}

/** The database or a transaction on it: what every repository function takes first. */
export type Db = Kysely<DB> | Transaction<DB>;

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberPatch = Updateable<MembersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
