import { Type, type Static, type TSchema, type TObject, type TProperties } from '@sinclair/typebox';

/**
 * A reference to a named schema (one with `$id`), typed as the schema itself. Named
 * schemas appear once in the OpenAPI document's components and by name in the SDK.
 */
export const Ref = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));

/**
 * A string enum as one JSON Schema `enum` (not a union of literals), so a wrong value
 * gets one clear validation error and the SDK a plain union type.
 */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; $id?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** Opaque, type-prefixed object id, e.g. `mem_01J...`. */
export const IdSchema = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z]+_[0-9A-Za-z]+$', description: 'Opaque, type-prefixed object id' });

/** ISO 8601 timestamp in UTC. */
export const TimestampSchema = Type.String({ format: 'date-time', description: 'ISO 8601 timestamp, UTC' });

/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date YYYY-MM-DD' });

/** ISO week `YYYY-Www`. */
export const IsoWeekSchema = Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$', description: 'ISO week, e.g. 2026-W47' });

/** ISO 4217 currency code. */
export const CurrencySchema = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' });

/** A decimal amount as a string: never a float. */
export const DecimalStringSchema = Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,6})?$', description: 'Decimal number as a string' });

export const MoneySchema = Type.Object(
  { amount: DecimalStringSchema, currency: CurrencySchema },
  { $id: 'Money', additionalProperties: false, description: 'A decimal amount with its ISO 4217 currency' },
);
export type Money = Static<typeof MoneySchema>;

/** The fields every API object carries. */
export const objectBase = <O extends string>(object: O) => ({
  id: IdSchema,
  object: Type.Literal(object),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  version: Type.Integer({ minimum: 1, description: 'Raised by every change; sent back as ETag' }),
});

/** A cursor page of `item`. */
export const ListSchema = <T extends TSchema>(item: T, id?: string) =>
  Type.Object(
    {
      object: Type.Literal('list'),
      data: Type.Array(item),
      next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page' }),
    },
    id ? { $id: id, additionalProperties: false } : { additionalProperties: false },
  );

/** Query parameters every list accepts. */
export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size, 1-200' })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque cursor from a previous page' })),
});

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

/** Merge page query parameters with a route's own filters. */
export const pageQuery = <P extends TProperties>(filters: P): TObject<P & (typeof PageQuerySchema)['properties']> =>
  Type.Object({ ...PageQuerySchema.properties, ...filters }, { additionalProperties: false }) as never;
