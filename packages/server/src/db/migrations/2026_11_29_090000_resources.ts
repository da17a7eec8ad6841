import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// The resource registry: company assets of every kind, keyed by a stable external key
// per workspace, and typed relations between them. Every key leads with workspace_id.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'suspended', 'retired')`))
    .addColumn('owner_member_id', 'text')
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('cost_amount', 'numeric')
    .addColumn('cost_currency', 'text')
    .addColumn('cost_period', 'text', (c) => c.check(sql`cost_period in ('one_time', 'monthly', 'yearly')`))
    .addColumn('acquired_on', 'date')
    .addColumn('renews_on', 'date')
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'text')
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('resources_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('resources_key_unique', ['workspace_id', 'key'])
    .addForeignKeyConstraint('resources_owner_fk', ['workspace_id', 'owner_member_id'], 'members', ['workspace_id', 'id'])
    .addCheckConstraint('resources_cost_complete', sql`(cost_amount is null) = (cost_currency is null) and (cost_amount is null) = (cost_period is null)`)
    .execute();
  await db.schema.createIndex('resources_kind').on('resources').columns(['workspace_id', 'kind', 'id']).execute();
  // Renewals read what is not retired, soonest first.
  await db.schema.createIndex('resources_renews_on').on('resources').columns(['workspace_id', 'renews_on', 'id']).where(sql.ref('status'), '<>', 'retired').execute();

  await db.schema
    .createTable('resource_relations')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('since', 'date')
    .addColumn('until', 'date')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('resource_relations_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('resource_relations_edge_unique', ['workspace_id', 'from_id', 'type', 'to_id'])
    .addForeignKeyConstraint('resource_relations_from_fk', ['workspace_id', 'from_id'], 'resources', ['workspace_id', 'id'])
    .addForeignKeyConstraint('resource_relations_to_fk', ['workspace_id', 'to_id'], 'resources', ['workspace_id', 'id'])
    .addCheckConstraint('resource_relations_not_self', sql`from_id <> to_id`)
    .addCheckConstraint('resource_relations_dates', sql`since is null or until is null or until >= since`)
    .execute();
  // Both directions are read: "what does this use" and "what uses this".
  await db.schema.createIndex('resource_relations_to').on('resource_relations').columns(['workspace_id', 'to_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resource_relations').execute();
  await db.schema.dropTable('resources').execute();
}
