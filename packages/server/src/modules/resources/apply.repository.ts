import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NewRelation } from './relations.repository.ts';
import type { ResourceValues } from './resources.repository.ts';

/**
 * Set-based writes for apply: each is one statement however many rows, the rows passed
 * as one JSON document and expanded by jsonb_to_recordset (same on PGlite and PostgreSQL).
 */

const RESOURCE_RECORD = sql.raw(`x(id text, key text, kind text, name text, status text, owner_member_id text, tags text[], cost_amount numeric,
  cost_currency text, cost_period text, acquired_on date, renews_on date, contacts jsonb, notes text, attributes jsonb)`);

type ResourceRecord = Omit<ResourceValues, 'workspace_id' | 'contacts' | 'attributes'> & { contacts: unknown; attributes: unknown };

export async function insertResources(db: Db, workspaceId: string, rows: ResourceRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into resources (workspace_id, id, key, kind, name, status, owner_member_id, tags, cost_amount, cost_currency, cost_period, acquired_on, renews_on, contacts, notes, attributes)
    select ${workspaceId}, x.id, x.key, x.kind, x.name, x.status, x.owner_member_id, coalesce(x.tags, '{}'), x.cost_amount, x.cost_currency, x.cost_period,
      x.acquired_on, x.renews_on, x.contacts, x.notes, x.attributes
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${RESOURCE_RECORD}
  `.execute(db);
}

/** Every client-set column of each row, version and updated_at raised. */
export async function updateResources(db: Db, workspaceId: string, rows: ResourceRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update resources r set
      name = x.name, status = x.status, owner_member_id = x.owner_member_id, tags = coalesce(x.tags, '{}'),
      cost_amount = x.cost_amount, cost_currency = x.cost_currency, cost_period = x.cost_period,
      acquired_on = x.acquired_on, renews_on = x.renews_on, contacts = x.contacts, notes = x.notes, attributes = x.attributes,
      updated_at = now(), version = r.version + 1
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${RESOURCE_RECORD}
    where r.workspace_id = ${workspaceId} and r.id = x.id
  `.execute(db);
}

export async function retireResources(db: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update resources set status = 'retired', updated_at = now(), version = version + 1
    where workspace_id = ${workspaceId} and id = any(${[...ids]}::text[])
  `.execute(db);
}

export async function insertRelationRows(db: Db, workspaceId: string, rows: Omit<NewRelation, 'workspace_id'>[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into resource_relations (workspace_id, id, type, from_id, to_id, since, until, notes)
    select ${workspaceId}, x.id, x.type, x.from_id, x.to_id, x.since, x.until, x.notes
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, type text, from_id text, to_id text, since date, until date, notes text)
  `.execute(db);
}
