import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document holds it (only the keywords we generate from). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
}

export type SchemaResolver = (ref: string) => JsonSchema;

/**
 * Values a hostile client sends: wrong types, boundary numbers, huge and odd strings
 * (NUL, lone surrogates, right-to-left marks, SQL and HTML metacharacters) and deeply
 * nested JSON.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, -(2 ** 53), 1e308, 0.1, '', ' ', '0', 'null', '[]', '{}'),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\u202e', "'; drop table members; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '𝕊𝕖𝕝𝕝𝕖𝕣'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constant('x'.repeat(70_000)),
  fc.integer({ min: 2, max: 400 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.pattern) {
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? Infinity;
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 24, 24)) });
}

/** Values that satisfy `schema` (as far as these keywords go). */
export function validValue(schema: JsonSchema, resolve: SchemaResolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return validValue(resolve(schema.$ref), resolve, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, resolve, depth)));
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf.map((s) => (s.$ref ? resolve(s.$ref) : s))), resolve, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, resolve, depth)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1, max: schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4 || !schema.items) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items, resolve, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (depth > 4) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = validValue(property, resolve, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Mostly-valid values with one fault somewhere: a field replaced by a hostile value,
 * a required field dropped, an unknown field added; or a wholly hostile value.
 */
export function fuzzedValue(schema: JsonSchema, resolve: SchemaResolver): fc.Arbitrary<unknown> {
  const valid = validValue(schema, resolve);
  const corrupted = fc.tuple(valid, fc.nat(), hostileValue, fc.constantFrom('replace', 'drop', 'add')).map(([value, pick, hostile, how]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return hostile;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (how === 'add' || keys.length === 0) copy[`unexpected_${pick % 7}`] = hostile;
    else if (how === 'drop') delete copy[keys[pick % keys.length]!];
    else copy[keys[pick % keys.length]!] = hostile;
    return copy;
  });
  return fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: corrupted, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
}
