import type { MercuriusContext } from 'mercurius';

/**
 * A mercurius loader that resolves a field by id: collects the ids of every parent in
 * the batch, fetches them with one query, and hands each parent its object (or null).
 */
export function byId<Parent, Child extends { id: string }>(
  idOf: (parent: Parent) => string | null,
  fetch: (ids: string[], ctx: MercuriusContext) => Promise<Child[]>,
) {
  return async (queries: Array<{ obj: Parent }>, ctx: MercuriusContext): Promise<Array<Child | null>> => {
    const ids = [...new Set(queries.map((q) => idOf(q.obj)).filter((id): id is string => id !== null))];
    const found = new Map((await fetch(ids, ctx)).map((c) => [c.id, c]));
    return queries.map((q) => {
      const id = idOf(q.obj);
      return id === null ? null : (found.get(id) ?? null);
    });
  };
}
