import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FamilySpec } from './fact-families.ts';

/** A batch of facts as columns: one array per column, all of the same length. */
export interface FactColumns {
  product_id: string[];
  marketplace: string[];
  seller_account_id: string[];
  date: string[];
  /** Text dimensions by name ('' when absent). */
  dimensions: Record<string, string[]>;
  /** Measure columns by name; null keeps the stored value. */
  measures: Record<string, Array<number | string | boolean | null>>;
  /** The row's currency, for families with money. */
  currency: Array<string | null>;
}

/** Columns of the natural key, in the order of the primary key. */
export const keyColumns = (spec: FamilySpec) => ['workspace_id', 'product_id', 'marketplace', 'seller_account_id', 'date', ...spec.dimensions];

/** Measure columns as stored, currency included. */
export const storedMeasures = (spec: FamilySpec): Array<{ name: string; type: string }> => [
  ...spec.measures.map((m) => ({ name: m.name, type: m.type })),
  ...(spec.measures.some((m) => m.money) ? [{ name: 'currency', type: 'text' }] : []),
];

/**
 * Upserts a batch in one statement: INSERT ... SELECT FROM unnest(<one array per
 * column>) ON CONFLICT (natural key) DO UPDATE. A null measure keeps what is stored
 * (partial rows merge), and a row whose values are already stored is not touched at
 * all, so posting the same batch twice changes nothing. Rows must have distinct keys.
 */
export async function upsertFacts(db: Db, workspaceId: string, spec: FamilySpec, columns: FactColumns): Promise<{ inserted: number; updated: number }> {
  if (columns.date.length === 0) return { inserted: 0, updated: 0 };
  const measures = storedMeasures(spec);
  const arrays: RawBuilder<unknown>[] = [
    sql`${sql.val(columns.product_id)}::text[]`,
    sql`${sql.val(columns.marketplace)}::text[]`,
    sql`${sql.val(columns.seller_account_id)}::text[]`,
    sql`${sql.val(columns.date)}::date[]`,
    ...spec.dimensions.map((d) => sql`${sql.val(columns.dimensions[d])}::text[]`),
    ...measures.map((m) => sql`${sql.val(m.name === 'currency' ? columns.currency : columns.measures[m.name])}::${sql.raw(m.type)}[]`),
  ];
  const insertColumns = sql.raw([...keyColumns(spec), ...measures.map((m) => m.name)].join(', '));
  const merged = measures.map((m) => `coalesce(excluded.${m.name}, t.${m.name})`);
  const setList = sql.raw(measures.map((m, i) => `${m.name} = ${merged[i]}`).join(', '));
  const stored = sql.raw(`(${measures.map((m) => `t.${m.name}`).join(', ')})`);
  const incoming = sql.raw(`(${merged.join(', ')})`);
  const result = await sql<{ inserted: number; updated: number }>`
    with written as (
      insert into ${sql.raw(spec.table)} as t (${insertColumns})
      select ${workspaceId}, * from unnest(${sql.join(arrays)})
      on conflict (${sql.raw(keyColumns(spec).join(', '))}) do update set ${setList}
      where ${stored} is distinct from ${incoming}
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from written`.execute(db);
  return result.rows[0] ?? { inserted: 0, updated: 0 };
}
