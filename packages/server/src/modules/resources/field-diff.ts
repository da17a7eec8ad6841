import type { FieldChange } from '@sellerops/schemas';

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Fields the audit log and the apply plan compare; the server-owned ones are left out. */
const IGNORED = new Set(['id', 'object', 'created_at', 'updated_at', 'version']);
/** The order a resource's fields are shown in (stored snapshots come back in jsonb's own key order). */
const ORDER = ['key', 'kind', 'name', 'status', 'owner_member_id', 'tags', 'cost', 'acquired_on', 'renews_on', 'contacts', 'notes', 'attributes', 'relations'];
const rank = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);

/**
 * What changed between two snapshots of a resource, field by field; attributes one
 * attribute at a time (`attributes.ip`), since that is what a reader wants to see.
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const changes: FieldChange[] = [];
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((f) => !IGNORED.has(f))
    .sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  for (const field of fields) {
    if (field === 'attributes') {
      const ba = (b.attributes ?? {}) as Record<string, unknown>;
      const aa = (a.attributes ?? {}) as Record<string, unknown>;
      for (const name of [...new Set([...Object.keys(ba), ...Object.keys(aa)])].sort()) {
        if (canonical(ba[name]) !== canonical(aa[name])) changes.push({ field: `attributes.${name}`, before: ba[name] ?? null, after: aa[name] ?? null });
      }
      continue;
    }
    if (canonical(b[field] ?? null) !== canonical(a[field] ?? null)) changes.push({ field, before: b[field] ?? null, after: a[field] ?? null });
  }
  return changes;
}
