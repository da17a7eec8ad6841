import type { StepField } from '@sellerops/schemas';
import type { FieldError } from '../../lib/errors.ts';
import { isCalendarDate } from './dates.ts';

/**
 * Typed fields: what a step (or a checklist) records. Definitions are checked when a
 * template is written; values when the work is recorded, so that the data a lead
 * reads later is in the format everybody agreed on.
 */

export function validateFieldDefinitions(fields: readonly StepField[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  fields.forEach((field, i) => {
    const first = seen.get(field.key);
    if (first !== undefined) errors.push({ path: `${path}/${i}/key`, message: `duplicates the key of field ${first}` });
    else seen.set(field.key, i);
    if (field.type === 'choice' && (!field.options || field.options.length === 0)) {
      errors.push({ path: `${path}/${i}/options`, message: 'a choice field needs its options' });
    }
    if (field.type !== 'choice' && field.options !== undefined) {
      errors.push({ path: `${path}/${i}/options`, message: 'only a choice field has options' });
    }
    if (field.type !== 'number' && field.unit !== undefined) {
      errors.push({ path: `${path}/${i}/unit`, message: 'only a number field has a unit' });
    }
  });
  return errors;
}

/** Absent, null and blank text all mean "no value". */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Why `value` does not fit `field`, or null when it does. Never called with an empty value. */
export function fieldValueProblem(field: StepField, value: unknown): string | null {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length <= 5000 ? null : 'must be at most 5000 characters';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? null : `must be one of: ${(field.options ?? []).join(', ')}`;
    case 'url':
      return typeof value === 'string' && isWebUrl(value) ? null : 'must be an http or https link';
  }
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks recorded data against field definitions: unknown keys, missing required
 * values and values of the wrong type, each reported at its own path. Returns the data
 * to store (empty values dropped).
 */
export function validateRecordedData(
  fields: readonly StepField[],
  data: Record<string, unknown>,
  path: string,
): { errors: FieldError[]; clean: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const clean: Record<string, unknown> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(data)) {
    if (!byKey.has(key)) errors.push({ path: `${path}/${key}`, message: 'is not a field of this step' });
  }
  for (const field of fields) {
    const value = data[field.key];
    if (isEmptyValue(value)) {
      if (field.required) errors.push({ path: `${path}/${field.key}`, message: `is required (${field.label})` });
      continue;
    }
    const problem = fieldValueProblem(field, value);
    if (problem) errors.push({ path: `${path}/${field.key}`, message: problem });
    else clean[field.key] = value;
  }
  return { errors, clean };
}
