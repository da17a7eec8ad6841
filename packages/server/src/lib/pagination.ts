import { sql, type Expression, type SqlBool } from 'kysely';
import { BadRequest } from './errors.ts';

/** A sort key of a list: a column (or expression) and its direction. */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made for `keys`; anything else is a 400 invalid_cursor. */
export function decodeCursor(cursor: string, keys: readonly SortKey[]): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== keys.length ||
    !values.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new BadRequest('invalid_cursor', 'The cursor is not one this list issued. Start again without a cursor.', [
      { path: '/cursor', message: 'not a valid cursor' },
    ]);
  }
  return values as CursorValue[];
}

/**
 * The keyset condition "after the row these values belong to" for a (possibly mixed
 * direction) sort: (k1 > v1) or (k1 = v1 and k2 > v2) or ... Never OFFSET, so pages stay
 * stable while rows are inserted.
 */
export function afterCursor(keys: readonly SortKey[], values: CursorValue[]): Expression<SqlBool> {
  const ors = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => sql`${sql.ref(k.column)} = ${values[j]}`);
    const op = key.direction === 'asc' ? sql`>` : sql`<`;
    return sql.join([...equalities, sql`${sql.ref(key.column)} ${op} ${values[i]}`], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(ors.map((o) => sql`(${o})`), sql` or `)})`;
}

export interface Page<T> {
  object: 'list';
  data: T[];
  next_cursor: string | null;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that there is a
 * next page. `cursorOf` reads the sort-key values of the last row on the page.
 */
export function toPage<Row, T>(rows: Row[], limit: number, cursorOf: (row: Row) => CursorValue[], map: (row: Row) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    object: 'list',
    data: pageRows.map(map),
    next_cursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

export const DEFAULT_PAGE_SIZE = 50;
