import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// The record of each import of an Amazon report file: what was read, what was
// written, and the per-row errors (the first 1,000). The facts themselves live in the
// metric fact tables.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'tsv', 'xlsx', 'json')`))
    .addColumn('filename', 'text')
    .addColumn('file_bytes', 'bigint', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('marketplace', 'text', (c) => c.notNull())
    .addColumn('seller_account_id', 'text')
    .addColumn('date', 'date')
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('skip_invalid', 'all_or_nothing')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('completed', 'completed_with_errors')`))
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_accepted', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('facts_inserted', 'integer', (c) => c.notNull())
    .addColumn('facts_updated', 'integer', (c) => c.notNull())
    .addColumn('facts_unchanged', 'integer', (c) => c.notNull())
    .addColumn('products_created', 'integer', (c) => c.notNull())
    .addColumn('unknown_columns', 'jsonb', (c) => c.notNull())
    .addColumn('errors', 'jsonb', (c) => c.notNull())
    .addColumn('errors_truncated', 'boolean', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('imports_pkey', ['workspace_id', 'id'])
    .execute();
  // The list is newest first by id (ids sort by creation time); filters by type and status.
  await db.schema.createIndex('imports_type_idx').on('imports').columns(['workspace_id', 'type', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').ifExists().execute();
}
