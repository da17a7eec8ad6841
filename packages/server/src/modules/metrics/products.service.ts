import type { Marketplace, Product, ProductCreate, ProductUpdate } from '@sellerops/schemas';
import { recordChange, recordChanges } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { findMember } from '../workspace/workspace.repository.ts';
import { normalizeMarketplace } from './marketplaces.ts';
import { toProduct } from './products.mapping.ts';
import { assertSellerAccount } from './seller-accounts.ts';
import * as repo from './products.repository.ts';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

async function checkOperator(ctx: ServiceContext, memberId: string | null | undefined): Promise<void> {
  if (!memberId) return;
  if (!(await findMember(ctx.db, ctx.workspaceId, memberId))) {
    throw new InvalidInput('operator_member_id names no member of this workspace.', [{ path: '/body/operator_member_id', message: 'unknown member' }]);
  }
}

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  const row = await repo.findProduct(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Product', id);
  return toProduct(row);
}

/** 404 unless the product is the workspace's: for routes under /v1/products/{id}. */
export async function assertProduct(ctx: ServiceContext, id: string): Promise<void> {
  await getProduct(ctx, id);
}

export async function listProducts(ctx: ServiceContext, filter: repo.ProductFilter, page: PageRequest): Promise<Page<Product>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.PRODUCT_SORT) : undefined;
  const marketplace = filter.marketplace ? normalizeMarketplace(filter.marketplace) : undefined;
  const rows = await repo.listProducts(ctx.db, ctx.workspaceId, { ...filter, marketplace }, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toProduct);
}

export async function createProduct(ctx: ServiceContext, input: ProductCreate): Promise<Product> {
  await checkOperator(ctx, input.operator_member_id);
  await assertSellerAccount(ctx, input.seller_account_id, '/body/seller_account_id');
  const key = { marketplace: normalizeMarketplace(input.marketplace), asin: input.asin, sku: input.sku ?? '' };
  const row = await repo.insertProduct(ctx.db, ctx.workspaceId, {
    id: newId(ID_PREFIX.product),
    ...key,
    parent_asin: input.parent_asin ?? null,
    seller_account_id: input.seller_account_id ?? null,
    title: input.title ?? null,
    product_line: input.product_line ?? null,
    operator_member_id: input.operator_member_id ?? null,
    unit_cost_amount: input.unit_cost?.amount ?? null,
    unit_cost_currency: input.unit_cost?.currency ?? null,
    status: input.status ?? 'active',
  });
  if (!row) {
    const existing = await repo.findProductIdByKey(ctx.db, ctx.workspaceId, key);
    throw new Conflict(`The catalog already has ${key.marketplace} ${key.asin}${key.sku ? ` / ${key.sku}` : ''} (${existing ?? 'another product'}).`);
  }
  const created = toProduct(row);
  await recordChange(ctx, { action: 'product.created', objectType: 'product', objectId: created.id, after: created });
  return created;
}

export async function updateProduct(ctx: ServiceContext, id: string, input: ProductUpdate, expected: number | undefined): Promise<Product> {
  const current = await repo.lockProduct(ctx.db, ctx.workspaceId, id);
  if (!current) throw new NotFound('Product', id);
  assertVersion(current.version, expected);
  await checkOperator(ctx, input.operator_member_id);
  await assertSellerAccount(ctx, input.seller_account_id, '/body/seller_account_id');
  const patch: Partial<repo.NewProduct> = {};
  for (const field of ['parent_asin', 'seller_account_id', 'title', 'product_line', 'operator_member_id', 'status'] as const) {
    if (input[field] !== undefined) (patch as Record<string, unknown>)[field] = input[field];
  }
  if (input.unit_cost !== undefined) {
    patch.unit_cost_amount = input.unit_cost?.amount ?? null;
    patch.unit_cost_currency = input.unit_cost?.currency ?? null;
  }
  const before = toProduct(current);
  const after = toProduct(await repo.updateProduct(ctx.db, ctx.workspaceId, id, patch));
  await recordChange(ctx, { action: 'product.updated', objectType: 'product', objectId: id, before, after });
  return after;
}

/** A product as an Amazon file names it. `sku` absent or '' means the ASIN's product without a SKU. */
export interface ProductKey {
  marketplace: string;
  asin: string;
  sku?: string | null | undefined;
  /** Used only when the product is created. */
  parent_asin?: string | null | undefined;
  title?: string | null | undefined;
  seller_account_id?: string | null | undefined;
}

/** The map key of a product identity: `UK|B0ABCDEFGH|MY-SKU` (GB already read as UK). */
export const productKeyOf = (key: { marketplace: string; asin: string; sku?: string | null | undefined }) =>
  `${normalizeMarketplace(key.marketplace)}|${key.asin}|${key.sku ?? ''}`;

/**
 * Finds or creates the catalog products of `keys`, set-based (two statements whatever
 * their number), and returns a map from `productKeyOf(key)` to the product id.
 * Products seen for the first time are added with what the key carries (parent ASIN,
 * title, seller account); existing products are left as they are.
 */
export async function findOrCreateProducts(ctx: ServiceContext, keys: readonly ProductKey[]): Promise<Map<string, string>> {
  const wanted = new Map<string, ProductKey & { marketplace: Marketplace; sku: string }>();
  for (const key of keys) {
    const marketplace = normalizeMarketplace(key.marketplace);
    const mapKey = productKeyOf(key);
    if (!wanted.has(mapKey)) wanted.set(mapKey, { ...key, marketplace, sku: key.sku ?? '' });
  }
  const list = [...wanted.values()];
  const ids = new Map<string, string>();
  const created: repo.ProductKeyRow[] = [];
  // A second pass finds products a concurrent transaction committed after our snapshot.
  for (let pass = 0, pending = list; pass < 2 && pending.length > 0; pass++) {
    const found = await repo.insertMissingProducts(ctx.db, ctx.workspaceId, {
      ids: pending.map(() => newId(ID_PREFIX.product)),
      marketplaces: pending.map((k) => k.marketplace),
      asins: pending.map((k) => k.asin),
      skus: pending.map((k) => k.sku),
      parentAsins: pending.map((k) => k.parent_asin ?? null),
      titles: pending.map((k) => k.title ?? null),
      sellerAccountIds: pending.map((k) => k.seller_account_id ?? null),
    });
    for (const p of found) {
      ids.set(productKeyOf(p), p.id);
      if (p.created) created.push(p);
    }
    pending = pending.filter((k) => !ids.has(productKeyOf(k)));
  }
  if (created.length > 0) {
    await recordChanges(
      ctx,
      created.map((p) => ({ action: 'product.created', objectType: 'product', objectId: p.id, after: { marketplace: p.marketplace, asin: p.asin, sku: p.sku || null } })),
    );
  }
  return ids;
}
