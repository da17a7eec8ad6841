import { sql } from 'kysely';
import { IDENTIFYING_KINDS } from '@sellerops/schemas';
import type { Db } from '../../db/database.ts';

/** How many relations from an account sharing is followed: account -> browser profile -> cloud server -> payment account. */
export const MAX_HOPS = 3;

/** One identifier two seller accounts both reach, with the closest path from each. */
export interface SharedIdentifierRow {
  account_id: string;
  other_id: string;
  /** The resource id, or `ip:<address>` for cloud servers: two servers with one IP are one identifier. */
  ident: string;
  kind: string;
  account_node: string;
  account_path: string[];
  other_node: string;
  other_path: string[];
}

/**
 * Every identifier shared by two seller accounts, found in one statement: a recursive
 * walk from each account through identifying resources only (the first relation in
 * either direction, then forward from user to what it uses), the shortest path to each,
 * then a join of the accounts on the identifiers they reach. `accountId` narrows the
 * answer to the pairs of one account.
 */
export async function sharedIdentifiers(db: Db, workspaceId: string, accountId?: string): Promise<SharedIdentifierRow[]> {
  const kinds = [...IDENTIFYING_KINDS];
  const result = await sql<SharedIdentifierRow>`
    with recursive
    nodes as (
      select id, kind, case when kind = 'cloud_server' and attributes->>'ip' is not null then 'ip:' || lower(attributes->>'ip') else id end as ident
      from resources
      where workspace_id = ${workspaceId} and kind = any(${kinds}::text[])
    ),
    reach (account_id, node_id, path, depth) as (
      -- An identifier related to the account either way is held by it...
      select s.id, n.id, array[s.id, n.id]::text[], 1
      from resources s
      join resource_relations e on e.workspace_id = s.workspace_id and (e.from_id = s.id or e.to_id = s.id)
      join nodes n on n.id = case when e.from_id = s.id then e.to_id else e.from_id end
      where s.workspace_id = ${workspaceId} and s.kind = 'seller_account'
      union all
      -- ...and so is what that identifier uses, following relations forward (profile
      -- hosted_on server), never back: a server's other profiles are not this account's.
      select r.account_id, e.to_id, r.path || e.to_id, r.depth + 1
      from reach r
      join resource_relations e on e.workspace_id = ${workspaceId} and e.from_id = r.node_id
      join nodes n on n.id = e.to_id
      where r.depth < ${MAX_HOPS} and not (e.to_id = any(r.path))
    ),
    held as (
      select distinct on (r.account_id, n.ident) r.account_id, n.ident, n.kind, n.id as node_id, r.path
      from reach r
      join nodes n on n.id = r.node_id
      order by r.account_id, n.ident, r.depth, n.id
    )
    select a.account_id, b.account_id as other_id, a.ident, a.kind, a.node_id as account_node, a.path as account_path, b.node_id as other_node, b.path as other_path
    from held a
    join held b on b.ident = a.ident and b.account_id <> a.account_id
    where ${accountId === undefined ? sql`a.account_id < b.account_id` : sql`a.account_id = ${accountId}`}
  `.execute(db);
  return result.rows;
}
