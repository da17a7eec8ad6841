import { sql } from 'kysely';
import type { CustomerFeedbackRow, Db } from '../../db/database.ts';
import { afterCursor, type SortKey } from '../../lib/pagination.ts';

// Newest first, as an operator reads them.
export const FEEDBACK_SORT: SortKey[] = [
  { column: 'date', direction: 'desc' },
  { column: 'id', direction: 'desc' },
];

/** A batch as columns: one array per column, all of the same length. */
export interface FeedbackColumns {
  id: string[];
  source: string[];
  external_id: string[];
  date: string[];
  rating: Array<number | null>;
  title: Array<string | null>;
  text: string[];
  category: Array<string | null>;
  verified_purchase: Array<boolean | null>;
}

const VALUE_COLUMNS = ['date', 'rating', 'title', 'text', 'category', 'verified_purchase'] as const;

/**
 * Upserts a product's feedback in one statement on (product, source, external_id). A
 * review whose stored words are the same is not touched, so posting the same batch
 * twice changes nothing; an edited review (Amazon lets customers edit) is updated and
 * its version raised.
 */
export async function upsertFeedback(db: Db, workspaceId: string, productId: string, c: FeedbackColumns): Promise<{ inserted: number; updated: number }> {
  const stored = sql.raw(`(${VALUE_COLUMNS.map((n) => `t.${n}`).join(', ')})`);
  const incoming = sql.raw(`(${VALUE_COLUMNS.map((n) => `excluded.${n}`).join(', ')})`);
  const result = await sql<{ inserted: number; updated: number }>`
    with written as (
      insert into customer_feedback as t (workspace_id, product_id, id, source, external_id, date, rating, title, text, category, verified_purchase)
      select ${workspaceId}, ${productId}, * from unnest(
        ${c.id}::text[], ${c.source}::text[], ${c.external_id}::text[], ${c.date}::date[], ${c.rating}::smallint[],
        ${c.title}::text[], ${c.text}::text[], ${c.category}::text[], ${c.verified_purchase}::boolean[])
      on conflict (workspace_id, product_id, source, external_id) do update
        set date = excluded.date, rating = excluded.rating, title = excluded.title, text = excluded.text,
            category = excluded.category, verified_purchase = excluded.verified_purchase,
            updated_at = now(), version = t.version + 1
      where ${stored} is distinct from ${incoming}
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from written`.execute(db);
  return result.rows[0] ?? { inserted: 0, updated: 0 };
}

export interface FeedbackFilter {
  source?: string | undefined;
  negative?: boolean | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Negative: a review of 1 to `negativeMax` stars, or any complaint. */
const negativeSql = (negativeMax: number) => sql<boolean>`(source = 'voice_of_customer' or rating <= ${negativeMax})`;

export async function listFeedback(
  db: Db,
  workspaceId: string,
  productId: string,
  filter: FeedbackFilter,
  negativeMax: number,
  page: { limit: number; after: (string | number)[] | undefined },
): Promise<CustomerFeedbackRow[]> {
  let query = db.selectFrom('customer_feedback').selectAll().where('workspace_id', '=', workspaceId).where('product_id', '=', productId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  if (filter.negative !== undefined) query = query.where(filter.negative ? negativeSql(negativeMax) : sql<boolean>`not ${negativeSql(negativeMax)}`);
  if (page.after) query = query.where(afterCursor(FEEDBACK_SORT, page.after));
  return query.orderBy('date', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
}
