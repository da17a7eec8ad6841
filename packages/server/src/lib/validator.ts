import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { NAMED_SCHEMAS } from '@sellerops/schemas';

// ajv-formats is CommonJS; under ESM its function may arrive wrapped in `default`.
type AddFormats = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

const BASE: Options = {
  useDefaults: true,
  // Unknown fields are refused, never silently dropped (no mass assignment).
  removeAdditional: false,
  allErrors: false,
  strict: false,
};

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...BASE, coerceTypes });
  addFormats(ajv);
  for (const schema of NAMED_SCHEMAS) ajv.addSchema(schema);
  return ajv;
}

/**
 * Query strings, path parameters and headers arrive as text, so they are coerced
 * ("50" -> 50). JSON bodies are not: a number where a string belongs is a client
 * bug to report, not to paper over.
 */
const coercing = makeAjv('array');
const strict = makeAjv(false);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};
