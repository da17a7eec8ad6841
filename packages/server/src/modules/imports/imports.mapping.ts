import type { Import } from '@sellerops/schemas';
import type { ImportRow } from '../../db/tables/imports.ts';

export function toImport(row: ImportRow): Import {
  return {
    id: row.id,
    object: 'import',
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
    type: row.type as Import['type'],
    format: row.format as Import['format'],
    filename: row.filename,
    file_bytes: Number(row.file_bytes),
    file_sha256: row.file_sha256,
    marketplace: row.marketplace as Import['marketplace'],
    seller_account_id: row.seller_account_id,
    date: row.date,
    mode: row.mode as Import['mode'],
    status: row.status as Import['status'],
    rows_read: row.rows_read,
    rows_accepted: row.rows_accepted,
    rows_rejected: row.rows_rejected,
    rows_skipped: row.rows_skipped,
    facts_inserted: row.facts_inserted,
    facts_updated: row.facts_updated,
    facts_unchanged: row.facts_unchanged,
    products_created: row.products_created,
    unknown_columns: row.unknown_columns,
    errors: row.errors,
    errors_truncated: row.errors_truncated,
    duration_ms: row.duration_ms,
    completed_at: row.completed_at.toISOString(),
  };
}
