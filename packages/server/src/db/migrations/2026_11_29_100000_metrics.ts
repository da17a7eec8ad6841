import { sql, type Kysely } from 'kysely';

// Frozen once shipped: change the schema with a new migration.
// The product catalog (with tracked keywords and competitors) and the daily facts,
// one table per family. A fact's natural key is (workspace, product, marketplace,
// seller account, date) plus the family's own dimensions. Facts of no single product
// (account level) have product_id ''; facts of a product have seller_account_id ''
// (the account is the product's). Text dimensions are '' when absent so that they can
// be part of the key without NULL semantics.

const MARKETPLACES = "('US','CA','MX','BR','UK','DE','FR','IT','ES','NL','SE','PL','BE','TR','AE','SA','IN','JP','AU','SG')";

interface FactTable {
  name: string;
  dimensions: string[];
  columns: string;
  /** Families that only make sense for a product. */
  productOnly: boolean;
}

const FACT_TABLES: FactTable[] = [
  {
    name: 'metric_traffic_sales',
    dimensions: [],
    columns: `sessions integer, page_views integer, buy_box_percentage numeric(7,4), units_ordered integer,
              ordered_product_sales numeric(20,6), currency text, total_order_items integer`,
    productOnly: false,
  },
  {
    name: 'metric_ads',
    dimensions: ['campaign', 'ad_group', 'targeting', 'search_term'],
    columns: `impressions bigint, clicks integer, spend numeric(20,6), sales numeric(20,6), currency text, orders integer, units integer`,
    productOnly: false,
  },
  { name: 'metric_inventory', dimensions: [], columns: 'fulfillable integer, inbound integer, reserved integer, unfulfillable integer', productOnly: true },
  { name: 'metric_returns', dimensions: ['reason'], columns: 'units integer', productOnly: true },
  { name: 'metric_reviews', dimensions: [], columns: 'new_reviews integer, negative_reviews integer, rating numeric(4,3), review_count integer', productOnly: true },
  {
    name: 'metric_keyword_ranks',
    dimensions: ['keyword'],
    columns: 'organic_rank integer, sponsored_rank integer, search_volume integer, search_frequency_rank integer',
    productOnly: true,
  },
  {
    name: 'metric_competitor_snapshots',
    dimensions: ['competitor_asin'],
    columns: 'price numeric(20,6), currency text, best_seller_rank integer, rating numeric(4,3), review_count integer, in_stock boolean',
    productOnly: true,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('marketplace', 'text', (c) => c.notNull().check(sql.raw(`marketplace in ${MARKETPLACES}`)))
    .addColumn('asin', 'text', (c) => c.notNull())
    // '' when the product has no SKU (the API shows null), so the natural key has no NULL.
    .addColumn('sku', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parent_asin', 'text')
    .addColumn('seller_account_id', 'text')
    .addColumn('title', 'text')
    .addColumn('product_line', 'text')
    .addColumn('operator_member_id', 'text')
    .addColumn('unit_cost_amount', 'numeric(20, 6)')
    .addColumn('unit_cost_currency', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'inactive', 'archived')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('products_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('products_natural_key', ['workspace_id', 'marketplace', 'asin', 'sku'])
    .addCheckConstraint('products_unit_cost_pair', sql`(unit_cost_amount is null) = (unit_cost_currency is null)`)
    .execute();
  await db.schema.createIndex('products_asin').on('products').columns(['workspace_id', 'asin']).execute();

  await db.schema
    .createTable('product_keywords')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('product_keywords_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('product_keywords_unique', ['workspace_id', 'product_id', 'keyword'])
    .addForeignKeyConstraint('product_keywords_product_fk', ['workspace_id', 'product_id'], 'products', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('product_competitors')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('asin', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('A', 'B', 'C', 'D')`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('product_competitors_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('product_competitors_unique', ['workspace_id', 'product_id', 'asin'])
    .addForeignKeyConstraint('product_competitors_product_fk', ['workspace_id', 'product_id'], 'products', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  for (const table of FACT_TABLES) {
    const dimensions = table.dimensions.map((d) => `${d} text not null default ''`).join(', ');
    const key = ['workspace_id', 'product_id', 'marketplace', 'seller_account_id', 'date', ...table.dimensions].join(', ');
    await sql
      .raw(
        `create table ${table.name} (
          workspace_id text not null references workspaces(id) on delete cascade,
          product_id text not null,
          marketplace text not null check (marketplace in ${MARKETPLACES}),
          seller_account_id text not null default '',
          date date not null,
          ${dimensions ? `${dimensions},` : ''}
          ${table.columns},
          constraint ${table.name}_pkey primary key (${key})
          ${table.productOnly ? `, constraint ${table.name}_product check (product_id <> '')` : ''}
        )`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...FACT_TABLES].reverse()) await db.schema.dropTable(table.name).execute();
  await db.schema.dropTable('product_competitors').execute();
  await db.schema.dropTable('product_keywords').execute();
  await db.schema.dropTable('products').execute();
}
