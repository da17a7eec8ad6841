import type { Association, ResourceRef, SharedIdentifier } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { decodeCursor, encodeCursor, type Page, type SortKey } from '../../lib/pagination.ts';
import { sharedIdentifiers, type SharedIdentifierRow } from './associations.repository.ts';
import { toRef } from './resources.mapping.ts';
import { findResourcesByIds } from './resources.repository.ts';
import { fail, requireResource, type PageRequest } from './resources.service.ts';

/** Worst first: most shared identifiers, then by account and other account. */
const ASSOCIATION_SORT: SortKey[] = [
  { column: 'shared_count', direction: 'desc' },
  { column: 'account', direction: 'asc' },
  { column: 'other', direction: 'asc' },
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function toAssociations(ctx: ServiceContext, rows: SharedIdentifierRow[]): Promise<Association[]> {
  const ids = new Set<string>();
  for (const r of rows) for (const id of [...r.account_path, ...r.other_path]) ids.add(id);
  const refs = new Map((await findResourcesByIds(ctx.db, ctx.workspaceId, [...ids])).map((row) => [row.id, toRef(row)]));
  const ref = (id: string): ResourceRef => refs.get(id)!;
  const pairs = new Map<string, Association>();
  for (const r of rows) {
    const pairKey = `${r.account_id} ${r.other_id}`;
    let pair = pairs.get(pairKey);
    if (!pair) {
      pair = { object: 'association', account: ref(r.account_id), other_account: ref(r.other_id), shared_count: 0, shared: [] };
      pairs.set(pairKey, pair);
    }
    const ip = r.ident.startsWith('ip:') ? r.ident.slice(3) : null;
    const shared: SharedIdentifier = {
      identifier: ip ? r.ident : ref(r.account_node).key,
      kind: ref(r.account_node).kind,
      ip,
      account_resource: ref(r.account_node),
      account_path: r.account_path.map(ref),
      other_resource: ref(r.other_node),
      other_path: r.other_path.map(ref),
    };
    pair.shared.push(shared);
    pair.shared_count++;
  }
  for (const pair of pairs.values()) pair.shared.sort((a, b) => compare(a.identifier, b.identifier));
  return [...pairs.values()].sort((a, b) => b.shared_count - a.shared_count || compare(a.account.key, b.account.key) || compare(a.other_account.key, b.other_account.key));
}

/** A keyset page over pairs already in worst-first order. */
function pageOf(all: Association[], page: PageRequest): Page<Association> {
  const limit = page.limit ?? 50;
  let start = 0;
  if (page.cursor) {
    const [count, account, other] = decodeCursor(page.cursor, ASSOCIATION_SORT) as [number, string, string];
    start = all.findIndex(
      (a) => a.shared_count < count || (a.shared_count === count && (a.account.key > account || (a.account.key === account && a.other_account.key > other))),
    );
    if (start < 0) start = all.length;
  }
  const data = all.slice(start, start + limit);
  const last = data[data.length - 1];
  const more = start + limit < all.length;
  return { object: 'list', data, next_cursor: more && last ? encodeCursor([last.shared_count, last.account.key, last.other_account.key]) : null };
}

/** Every other seller account that shares an identifying resource with this one. */
export async function accountAssociations(ctx: ServiceContext, accountId: string, page: PageRequest): Promise<Page<Association>> {
  const account = await requireResource(ctx, accountId);
  if (account.kind !== 'seller_account') fail('Associations are computed for seller accounts', [{ path: '/params/id', message: `is a ${account.kind}, not a seller_account` }]);
  return pageOf(await toAssociations(ctx, await sharedIdentifiers(ctx.db, ctx.workspaceId, accountId)), page);
}

/** The associations of several accounts (GraphQL): one walk for all of them. */
export async function associationsOf(ctx: ServiceContext, accountIds: readonly string[]): Promise<Map<string, Association[]>> {
  const wanted = new Set(accountIds);
  const rows = (await sharedIdentifiers(ctx.db, ctx.workspaceId)).flatMap((r) => [
    r,
    { ...r, account_id: r.other_id, other_id: r.account_id, account_node: r.other_node, other_node: r.account_node, account_path: r.other_path, other_path: r.account_path },
  ]);
  const all = await toAssociations(ctx, rows.filter((r) => wanted.has(r.account_id)));
  const byAccount = new Map<string, Association[]>();
  for (const a of all) byAccount.set(a.account.id, [...(byAccount.get(a.account.id) ?? []), a]);
  return byAccount;
}

/** Every pair of seller accounts that share an identifying resource, worst first. */
export async function associationRisks(ctx: ServiceContext, page: PageRequest): Promise<Page<Association>> {
  return pageOf(await toAssociations(ctx, await sharedIdentifiers(ctx.db, ctx.workspaceId)), page);
}
