import { sql, type Kysely } from 'kysely';

/** Reviews and voice-of-the-customer complaints of a product, word for word. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_feedback')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('review', 'voice_of_customer')`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('rating', 'smallint', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('verified_purchase', 'boolean')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('customer_feedback_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('customer_feedback_unique', ['workspace_id', 'product_id', 'source', 'external_id'])
    .addForeignKeyConstraint('customer_feedback_product_fk', ['workspace_id', 'product_id'], 'products', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('customer_feedback_review_rated', sql`source <> 'review' or rating is not null`)
    .execute();
  await db.schema.createIndex('customer_feedback_by_date').on('customer_feedback').columns(['workspace_id', 'product_id', 'date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_feedback').execute();
}
