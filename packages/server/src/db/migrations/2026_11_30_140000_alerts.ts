import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// Alert rules and the alerts they raise. An alert is open (or acknowledged) at most once
// per (rule, product, condition key): the partial unique index is what the evaluation's
// INSERT ... ON CONFLICT relies on, so a condition seen again updates the open alert
// instead of raising a second one. Resolved alerts are history and never conflict.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('all', 'products', 'product_line')`))
    .addColumn('product_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('product_line', 'text')
    .addColumn('threshold', 'numeric', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull().check(sql`window_days between 1 and 90`))
    .addColumn('sop_template_id', 'text')
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('alert_rules_pkey', ['workspace_id', 'id'])
    .execute();
  // Facts arriving look up the enabled rules of the types they can change.
  await sql`create index alert_rules_enabled on alert_rules (workspace_id, type) where enabled`.execute(db);

  await db.schema
    .createTable('alerts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    // No foreign key: a deleted rule's alerts stay as history.
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    // '' when the type has no condition key, so that it can be part of the unique index.
    .addColumn('condition_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'acknowledged', 'resolved')`))
    .addColumn('observed_value', 'numeric')
    .addColumn('reference_value', 'numeric')
    .addColumn('threshold', 'numeric', (c) => c.notNull())
    .addColumn('window_start', 'date', (c) => c.notNull())
    .addColumn('window_end', 'date', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('operator_member_id', 'text')
    .addColumn('sop_run_id', 'text')
    .addColumn('sop_run_skipped_reason', 'text')
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('condition_cleared', 'manual', 'rule_deleted')`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('alerts_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint('alerts_product_fk', ['workspace_id', 'product_id'], 'products', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('alerts_resolved_pair', sql`(status = 'resolved') = (resolved_at is not null)`)
    .execute();
  await sql`create unique index alerts_open_unique on alerts (workspace_id, rule_id, product_id, condition_key) where status in ('open', 'acknowledged')`.execute(db);
  await db.schema.createIndex('alerts_product').on('alerts').columns(['workspace_id', 'product_id']).execute();
  await db.schema.createIndex('alerts_rule').on('alerts').columns(['workspace_id', 'rule_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('alert_rules').execute();
}
