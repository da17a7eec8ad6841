import type { ColumnType } from 'kysely';

/** Column types shared by every table: how each reads and writes on both engines. */

/** A timestamp column: read as a Date, written as a Date or an ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A jsonb object column, written as JSON text. */
export type Json = ColumnType<Record<string, unknown> | null, string | null, string | null>;
/** A jsonb column holding any JSON value of a known shape (an array, an object...): written as JSON text. */
export type JsonOf<T> = ColumnType<T, string, string>;
