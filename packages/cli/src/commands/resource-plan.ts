import type { ResourceApplyResult } from '@sellerops/sdk';

const SIGN = { create: '+', update: '~', archive: '-', unchanged: '=' } as const;

const show = (value: unknown) => (value === null || value === undefined ? '-' : JSON.stringify(value));

/**
 * An apply plan as a reader scans a diff: one line per resource that changes, its
 * fields under it (+ for a new resource's fields, ~ before -> after for a change),
 * unchanged resources counted, then the summary.
 */
export function formatPlan(result: ResourceApplyResult): string {
  const lines: string[] = [];
  for (const change of result.changes) {
    if (change.action === 'unchanged') continue;
    lines.push(`${SIGN[change.action]} ${change.action} ${change.key} (${change.kind})`);
    for (const field of change.changes) {
      lines.push(change.action === 'create' ? `    + ${field.field}: ${show(field.after)}` : `    ~ ${field.field}: ${show(field.before)} -> ${show(field.after)}`);
    }
  }
  const { create, update, archive, unchanged } = result.summary;
  if (unchanged > 0) lines.push(`= ${unchanged} unchanged`);
  const counts = `${create} to create, ${update} to update, ${archive} to archive, ${unchanged} unchanged`;
  lines.push('', result.dry_run ? `Plan: ${counts}. Dry run: nothing was changed.` : `Applied: ${counts}.`);
  return lines.join('\n');
}
