import type { StoredDimension, StoredScore } from '../../db/database.ts';
import { InvalidInput, type FieldError } from '../../lib/errors.ts';

/**
 * Scores must name dimensions of the rubric they are made on, each at most once
 * (ranges 1-5 are the schema's job). `requireAll` for rubrics that are scored whole.
 */
export function validateScores(
  dimensions: readonly StoredDimension[],
  scores: ReadonlyArray<{ dimension_key: string; score: number; evidence?: string | null | undefined }>,
  opts: { requireAll?: boolean; path?: string } = {},
): StoredScore[] {
  const path = opts.path ?? '/body/scores';
  const keys = new Set(dimensions.map((d) => d.key));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  scores.forEach((s, i) => {
    if (!keys.has(s.dimension_key)) errors.push({ path: `${path}/${i}/dimension_key`, message: `unknown dimension ${s.dimension_key}` });
    else if (seen.has(s.dimension_key)) errors.push({ path: `${path}/${i}/dimension_key`, message: `${s.dimension_key} is scored twice` });
    seen.add(s.dimension_key);
  });
  if (opts.requireAll) {
    for (const d of dimensions) if (!seen.has(d.key)) errors.push({ path, message: `missing a score for ${d.key}` });
  }
  if (errors.length) {
    throw new InvalidInput(`The scores do not fit the rubric (dimensions: ${[...keys].join(', ')}): ${errors.map((e) => e.message).join('; ')}.`, errors);
  }
  return scores.map((s) => ({ dimension_key: s.dimension_key, score: s.score, evidence: s.evidence ?? null }));
}
