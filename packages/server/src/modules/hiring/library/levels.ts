import type { StoredDimension } from '../../../db/database.ts';

/** Five anchors, for scores 1 to 5 in order. */
export function levels(...anchors: [string, string, string, string, string]): StoredDimension['levels'] {
  return anchors.map((anchor, i) => ({ score: i + 1, anchor }));
}
