import type { CauseType, DiagnosisCause } from '@sellerops/schemas';

/**
 * Causes of a change in units and their estimated effects. The measured traffic and
 * conversion parts are shared out among the causes of their side: ad clicks are
 * measured sessions; keywords, price, buy box, reviews and stock-outs get a model
 * estimate (the constants below, documented in docs/diagnostics.md). When the
 * estimates of one direction exceed what the part leaves them, they are scaled down
 * to it; when they fall short, the rest is named as unexplained ('other_traffic',
 * 'other_conversion'). So the causes always add up to the change in units.
 */

/** Organic positions shown on the first page of search results. */
export const PAGE_SIZE = 48;
/** Units change by (own price / competitor price) ^ PRICE_ELASTICITY. */
export const PRICE_ELASTICITY = -2;
/** Share of units gained or lost per star of rating. */
export const RATING_EFFECT_PER_STAR = 0.25;
/** Share of units per unit of ln(review count): doubling the ratings is worth about 3.5%. */
export const REVIEW_COUNT_EFFECT = 0.05;
/** Share of units lost per new 1-3 star review beyond the compared period's count. */
export const NEGATIVE_REVIEW_EFFECT = 0.01;

export interface Pair<T> {
  previous: T | null;
  current: T | null;
}

export interface CandidateCause {
  key: string;
  type: CauseType;
  part: 'traffic' | 'conversion';
  /** The model's estimate of the effect on units, before sharing out the measured part. */
  estimate: number;
  evidence: Record<string, number | string | null>;
  explain: (units: number) => string;
}

/**
 * Shares a measured part out among candidate estimates. Estimates against the part's
 * direction are kept (they are counter-forces); those along it cover what is left,
 * scaled down when they would exceed it; whatever remains is returned as `rest`.
 */
export function allocate(part: number, estimates: readonly number[]): { allocated: number[]; rest: number } {
  if (part === 0) return { allocated: [...estimates], rest: -estimates.reduce((a, b) => a + b, 0) };
  const sign = Math.sign(part);
  const along = estimates.filter((e) => Math.sign(e) === sign).reduce((a, b) => a + b, 0);
  const against = estimates.filter((e) => Math.sign(e) === -sign).reduce((a, b) => a + b, 0);
  const target = part - against;
  const scale = Math.abs(along) > Math.abs(target) ? target / along : 1;
  const allocated = estimates.map((e) => (Math.sign(e) === sign ? e * scale : e));
  return { allocated, rest: scale === 1 ? target - along : 0 };
}

const round2 = (n: number) => Math.round(n * 100) / 100 + 0;

/** Ranks causes by absolute effect, largest first; causes of no effect are dropped. */
export function rankCauses(causes: Array<{ candidate: CandidateCause; units: number }>, change: number | null): DiagnosisCause[] {
  return causes
    .map(({ candidate, units }) => ({ candidate, units: round2(units) }))
    .filter((c) => c.units !== 0)
    .sort((a, b) => Math.abs(b.units) - Math.abs(a.units) || a.candidate.key.localeCompare(b.candidate.key))
    .map(({ candidate, units }, i) => ({
      rank: i + 1,
      key: candidate.key,
      type: candidate.type,
      part: candidate.part,
      estimated_units: units,
      share_of_change: change ? Math.round((units / change) * 10_000) / 10_000 + 0 : null,
      evidence: candidate.evidence,
      explanation: candidate.explain(units),
    }));
}

// ---- plain language ----

export const fmt = (n: number | null, digits = 2): string => (n === null ? 'unknown' : String(Math.round(n * 10 ** digits) / 10 ** digits));
export const pct = (n: number | null): string => (n === null ? 'unknown' : `${fmt(n * 100, 1)}%`);
export const effect = (units: number): string => (units < 0 ? `about ${fmt(-units, 1)} fewer units` : `about ${fmt(units, 1)} more units`);
