import type { SopStep } from '@sellerops/schemas';
import type { FieldError } from '../../lib/errors.ts';
import { addDays } from './dates.ts';
import { validateFieldDefinitions } from './step-fields.ts';

/**
 * The steps of a template form a small directed acyclic graph: a step names the steps
 * it waits for. Problems are reported per step, at the path of the offending entry,
 * so that whoever writes the template sees every mistake at once.
 */
export function validateSteps(steps: readonly SopStep[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    const first = index.get(step.key);
    if (first !== undefined) errors.push({ path: `${path}/${i}/key`, message: `duplicates the key of step ${first} (${step.key})` });
    else index.set(step.key, i);
  });
  steps.forEach((step, i) => {
    step.depends_on.forEach((dep, j) => {
      if (dep === step.key) errors.push({ path: `${path}/${i}/depends_on/${j}`, message: 'a step cannot depend on itself' });
      else if (!index.has(dep)) errors.push({ path: `${path}/${i}/depends_on/${j}`, message: `names no step of this template (${dep})` });
    });
    errors.push(...validateFieldDefinitions(step.fields, `${path}/${i}/fields`));
  });
  for (const cycle of findCycles(steps)) {
    const text = [...cycle, cycle[0]].join(' -> ');
    for (const key of new Set(cycle)) errors.push({ path: `${path}/${index.get(key)}/depends_on`, message: `is part of a cycle: ${text}` });
  }
  return errors;
}

/** Each dependency cycle once, as the list of step keys around it. Self-loops and unknown keys are left to the checks above. */
function findCycles(steps: readonly SopStep[]): string[][] {
  const deps = new Map(steps.map((s) => [s.key, s.depends_on.filter((d) => d !== s.key)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (key: string): void => {
    state.set(key, 'visiting');
    stack.push(key);
    for (const dep of deps.get(key) ?? []) {
      if (!deps.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === 'visiting') cycles.push(stack.slice(stack.indexOf(dep)));
      else if (seen === undefined) visit(dep);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const step of steps) if (!state.has(step.key)) visit(step.key);
  return cycles;
}

/**
 * The planned due date of every step: `due_offset_days` after the latest due date of
 * the steps it depends on, or after the run's start for a step that waits on nothing.
 * Assumes a valid graph (checked when the version was published).
 */
export function plannedDueDates(steps: readonly SopStep[], startDate: string): Map<string, string> {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const due = new Map<string, string>();
  const resolve = (key: string): string => {
    const known = due.get(key);
    if (known) return known;
    const step = byKey.get(key)!;
    const base = step.depends_on.map(resolve).reduce((latest, d) => (d > latest ? d : latest), startDate);
    const date = addDays(base, step.due_offset_days);
    due.set(key, date);
    return date;
  };
  for (const step of steps) resolve(step.key);
  return due;
}
