import { NEGATIVE_RATING_MAX, type CustomerFeedback, type CustomerFeedbackBatch, type CustomerFeedbackBatchResult } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import * as repo from './feedback.repository.ts';
import { toCustomerFeedback } from './feedback.mapping.ts';
import { assertProduct, type PageRequest } from './products.service.ts';

type FieldErrors = Array<{ path: string; message: string }>;

/** The rules the schema cannot say: a review has stars, a complaint has none, and a batch names each item once. */
function checkBatch(batch: CustomerFeedbackBatch): FieldErrors {
  const errors: FieldErrors = [];
  const seen = new Map<string, number>();
  batch.items.forEach((item, i) => {
    if (item.source === 'review' && item.rating === undefined) errors.push({ path: `/body/items/${i}/rating`, message: 'a review needs its rating (1 to 5 stars)' });
    if (item.source === 'voice_of_customer' && item.rating !== undefined) errors.push({ path: `/body/items/${i}/rating`, message: 'a voice-of-the-customer complaint has no rating' });
    const key = `${item.source}|${item.external_id}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path: `/body/items/${i}/external_id`, message: `repeats item ${first}` });
    else seen.set(key, i);
  });
  return errors;
}

/** Writes a product's reviews and complaints, all or nothing, in one statement. */
export async function postFeedback(ctx: ServiceContext, productId: string, batch: CustomerFeedbackBatch): Promise<CustomerFeedbackBatchResult> {
  await assertProduct(ctx, productId);
  const errors = checkBatch(batch);
  if (errors.length > 0) throw new InvalidInput(`${errors.length} problem(s) in the items, so none was written.`, errors);
  const { inserted, updated } = await repo.upsertFeedback(ctx.db, ctx.workspaceId, productId, {
    id: batch.items.map(() => newId(ID_PREFIX.customer_feedback)),
    source: batch.items.map((i) => i.source),
    external_id: batch.items.map((i) => i.external_id),
    date: batch.items.map((i) => i.date),
    rating: batch.items.map((i) => i.rating ?? null),
    title: batch.items.map((i) => i.title ?? null),
    text: batch.items.map((i) => i.text),
    category: batch.items.map((i) => i.category ?? null),
    verified_purchase: batch.items.map((i) => i.verified_purchase ?? null),
  });
  const result: CustomerFeedbackBatchResult = {
    object: 'customer_feedback_batch_result',
    received: batch.items.length,
    inserted,
    updated,
    unchanged: batch.items.length - inserted - updated,
  };
  if (inserted + updated > 0) await recordChange(ctx, { action: 'customer_feedback.upserted', objectType: 'product', objectId: productId, after: result });
  return result;
}

export async function listFeedback(ctx: ServiceContext, productId: string, filter: repo.FeedbackFilter, page: PageRequest): Promise<Page<CustomerFeedback>> {
  await assertProduct(ctx, productId);
  if (filter.from && filter.to && filter.from > filter.to) throw new InvalidInput('from is after to.', [{ path: '/querystring/from', message: 'must not be after to' }]);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.FEEDBACK_SORT) : undefined;
  const rows = await repo.listFeedback(ctx.db, ctx.workspaceId, productId, filter, NEGATIVE_RATING_MAX, { limit, after });
  return toPage(rows, limit, (r) => [r.date, r.id], toCustomerFeedback);
}
