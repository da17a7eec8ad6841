import type { Competitor, CompetitorCreate, Keyword, KeywordCreate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { assertProduct, type PageRequest } from './products.service.ts';
import * as repo from './tracking.repository.ts';
import { toCompetitor, toKeyword } from './tracking.mapping.ts';

/** Search terms are compared as shoppers type them, whatever the case and spacing. */
const normalizeKeyword = (keyword: string) => keyword.trim().replace(/\s+/g, ' ').toLowerCase();

export async function listKeywords(ctx: ServiceContext, productId: string, page: PageRequest): Promise<Page<Keyword>> {
  await assertProduct(ctx, productId);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.ITEM_SORT) : undefined;
  return toPage(await repo.listKeywords(ctx.db, ctx.workspaceId, productId, { limit, after }), limit, (r) => [r.id], toKeyword);
}

export async function addKeyword(ctx: ServiceContext, productId: string, input: KeywordCreate): Promise<Keyword> {
  await assertProduct(ctx, productId);
  const keyword = normalizeKeyword(input.keyword);
  const row = await repo.insertKeyword(ctx.db, ctx.workspaceId, { id: newId(ID_PREFIX.keyword), product_id: productId, keyword });
  if (!row) throw new Conflict(`The product already tracks "${keyword}".`);
  const created = toKeyword(row);
  await recordChange(ctx, { action: 'keyword.created', objectType: 'keyword', objectId: created.id, after: created });
  return created;
}

export async function listCompetitors(ctx: ServiceContext, productId: string, page: PageRequest): Promise<Page<Competitor>> {
  await assertProduct(ctx, productId);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.ITEM_SORT) : undefined;
  return toPage(await repo.listCompetitors(ctx.db, ctx.workspaceId, productId, { limit, after }), limit, (r) => [r.id], toCompetitor);
}

export async function addCompetitor(ctx: ServiceContext, productId: string, input: CompetitorCreate): Promise<Competitor> {
  await assertProduct(ctx, productId);
  const row = await repo.insertCompetitor(ctx.db, ctx.workspaceId, { id: newId(ID_PREFIX.competitor), product_id: productId, asin: input.asin, tier: input.tier, note: input.note ?? null });
  if (!row) throw new Conflict(`The product already tracks competitor ${input.asin}.`);
  const created = toCompetitor(row);
  await recordChange(ctx, { action: 'competitor.created', objectType: 'competitor', objectId: created.id, after: created });
  return created;
}

export async function deleteKeyword(ctx: ServiceContext, productId: string, id: string, expected: number | undefined) {
  await assertProduct(ctx, productId);
  const current = await repo.lockKeyword(ctx.db, ctx.workspaceId, productId, id);
  if (!current) throw new NotFound('Keyword', id);
  assertVersion(current.version, expected);
  await repo.deleteItem(ctx.db, 'product_keywords', ctx.workspaceId, id);
  await recordChange(ctx, { action: 'keyword.deleted', objectType: 'keyword', objectId: id, before: toKeyword(current) });
  return { id, object: 'keyword', deleted: true as const };
}

export async function deleteCompetitor(ctx: ServiceContext, productId: string, id: string, expected: number | undefined) {
  await assertProduct(ctx, productId);
  const current = await repo.lockCompetitor(ctx.db, ctx.workspaceId, productId, id);
  if (!current) throw new NotFound('Competitor', id);
  assertVersion(current.version, expected);
  await repo.deleteItem(ctx.db, 'product_competitors', ctx.workspaceId, id);
  await recordChange(ctx, { action: 'competitor.deleted', objectType: 'competitor', objectId: id, before: toCompetitor(current) });
  return { id, object: 'competitor', deleted: true as const };
}
