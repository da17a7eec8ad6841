import type { Generated, Selectable } from 'kysely';
import type { JsonOf, Timestamp } from '../column-types.ts';

export interface ImportsTable {
  workspace_id: string;
  id: string;
  type: string;
  format: string;
  filename: string | null;
  /** bigint, read as a number on both engines. */
  file_bytes: number;
  file_sha256: string;
  marketplace: string;
  seller_account_id: string | null;
  /** `date` columns are read as text (YYYY-MM-DD) on both engines. */
  date: string | null;
  mode: string;
  status: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_skipped: number;
  facts_inserted: number;
  facts_updated: number;
  facts_unchanged: number;
  products_created: number;
  unknown_columns: JsonOf<string[]>;
  errors: JsonOf<Array<{ row: number; column: string | null; reason: string }>>;
  errors_truncated: boolean;
  duration_ms: number;
  completed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ImportTables {
  imports: ImportsTable;
}

export type ImportRow = Selectable<ImportsTable>;
