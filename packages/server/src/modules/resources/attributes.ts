import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { IDENTIFYING_KINDS, MoneySchema, RESOURCE_KIND_ATTRIBUTES, RESOURCE_KIND_GROUPS, RESOURCE_KINDS, type ResourceKind } from '@sellerops/schemas';
import type { FieldError } from '../../lib/errors.ts';

type AddFormats = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
addFormats(ajv);
ajv.addSchema(MoneySchema);
const validators = new Map<ResourceKind, ValidateFunction>(RESOURCE_KINDS.map((kind) => [kind, ajv.compile(RESOURCE_KIND_ATTRIBUTES[kind])]));

function issue(base: string, e: ErrorObject): FieldError {
  if (e.keyword === 'additionalProperties') return { path: `${base}${e.instancePath}/${String(e.params.additionalProperty)}`, message: 'is not an attribute of this kind' };
  if (e.keyword === 'required') return { path: `${base}${e.instancePath}/${String(e.params.missingProperty)}`, message: 'is required for this kind' };
  return { path: `${base}${e.instancePath}`, message: e.message ?? 'is invalid' };
}

/** Errors of `attributes` against its kind's schema, and the rules a schema cannot say. */
export function attributeErrors(kind: ResourceKind, attributes: Record<string, unknown>, base: string): FieldError[] {
  const validate = validators.get(kind)!;
  const errors = validate(attributes) ? [] : (validate.errors ?? []).map((e) => issue(base, e));
  if (kind === 'logistics_channel') {
    const { transit_days_min: min, transit_days_max: max } = attributes as { transit_days_min?: unknown; transit_days_max?: unknown };
    if (typeof min === 'number' && typeof max === 'number' && min > max) errors.push({ path: `${base}/transit_days_max`, message: 'is less than transit_days_min' });
  }
  return errors;
}

/** A schema as a client reads it: Money written out in place rather than referenced. */
function standalone(schema: object): Record<string, unknown> {
  const { $id: _id, ...money } = MoneySchema as unknown as Record<string, unknown>;
  const copy = JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    value && typeof value === 'object' && (value as { $ref?: unknown }).$ref === 'Money' ? { ...money, description: (value as { description?: string }).description ?? money.description } : value,
  ) as Record<string, unknown>;
  delete copy.$id;
  return copy;
}

export function resourceKinds() {
  return RESOURCE_KINDS.map((kind) => ({
    object: 'resource_kind' as const,
    kind,
    group: RESOURCE_KIND_GROUPS[kind].group,
    description: RESOURCE_KIND_GROUPS[kind].description,
    identifying: (IDENTIFYING_KINDS as readonly string[]).includes(kind),
    attributes_schema: standalone(RESOURCE_KIND_ATTRIBUTES[kind]),
  }));
}
