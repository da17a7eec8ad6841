import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// Planning inputs of a product that the catalog does not hold: production and
// receiving days, safety and review (coverage) days, carton size, unit weight and
// volume for freight, the default logistics channel. One row per product, absent
// until first set; a null column means "use the documented default". The default
// channel is checked when set, not by a foreign key: the registry keeps its own life
// cycle, and a channel gone from it simply stops being used.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_planning')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('production_days', 'integer', (c) => c.check(sql`production_days between 0 and 365`))
    .addColumn('receiving_days', 'integer', (c) => c.check(sql`receiving_days between 0 and 120`))
    .addColumn('safety_days', 'integer', (c) => c.check(sql`safety_days between 0 and 365`))
    .addColumn('review_days', 'integer', (c) => c.check(sql`review_days between 0 and 365`))
    .addColumn('units_per_carton', 'integer', (c) => c.check(sql`units_per_carton between 1 and 100000`))
    .addColumn('unit_weight_kg', 'numeric(12, 6)', (c) => c.check(sql`unit_weight_kg > 0`))
    .addColumn('unit_volume_cbm', 'numeric(12, 6)', (c) => c.check(sql`unit_volume_cbm > 0`))
    .addColumn('default_logistics_channel_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('product_planning_pkey', ['workspace_id', 'product_id'])
    .addForeignKeyConstraint('product_planning_product_fk', ['workspace_id', 'product_id'], 'products', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_planning').execute();
}
