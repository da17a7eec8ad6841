import { decodeCursor, type SortKey } from '../../lib/pagination.ts';

export type Cursor = (string | number)[] | undefined;

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** Hiring lists are newest first; ids sort by creation time, so the id alone is the keyset. */
export const NEWEST_FIRST: SortKey[] = [{ column: 'id', direction: 'desc' }];

export function pageArgs(page: PageRequest): { limit: number; after: Cursor } {
  return { limit: page.limit ?? 50, after: page.cursor ? decodeCursor(page.cursor, NEWEST_FIRST) : undefined };
}
