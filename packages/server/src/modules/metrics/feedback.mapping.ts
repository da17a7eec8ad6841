import { NEGATIVE_RATING_MAX, type CustomerFeedback } from '@sellerops/schemas';
import type { CustomerFeedbackRow } from '../../db/database.ts';
import { iso } from '../../lib/time.ts';

export function toCustomerFeedback(row: CustomerFeedbackRow): CustomerFeedback {
  return {
    id: row.id,
    object: 'customer_feedback',
    product_id: row.product_id,
    source: row.source as CustomerFeedback['source'],
    external_id: row.external_id,
    date: row.date,
    rating: row.rating,
    negative: row.source === 'voice_of_customer' || (row.rating !== null && row.rating <= NEGATIVE_RATING_MAX),
    title: row.title,
    text: row.text,
    category: row.category,
    verified_purchase: row.verified_purchase,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
