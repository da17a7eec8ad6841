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

/** A JSON-body validator for data a service checks itself (e.g. rows of a batch checked one by one). */
export function compileBodyValidator(schema: object) {
  return strict.compile(schema);
}

export interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** An Ajv issue -> `{ path, message }`, the path a JSON pointer below `prefix`. */
export function fieldErrorOf(issue: ValidationIssue, prefix: string): { path: string; message: string } {
  const path = `${prefix}${issue.instancePath ?? ''}`;
  if (issue.keyword === 'additionalProperties' && issue.params?.additionalProperty) {
    return { path: `${path}/${String(issue.params.additionalProperty)}`, message: 'is not a known field' };
  }
  if (issue.keyword === 'required' && issue.params?.missingProperty) {
    return { path: `${path}/${String(issue.params.missingProperty)}`, message: 'is required' };
  }
  return { path, message: issue.message ?? 'is invalid' };
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};
