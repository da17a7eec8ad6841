import type { Recommendation } from '@sellerops/schemas';
import type { StoredDimension, StoredScore } from '../../db/database.ts';
import { mean, round2, stddev } from './numbers.ts';

/** The part of a scorecard the arithmetic needs. */
export interface ScoredCard {
  interviewer_id: string;
  stage: string;
  scores: StoredScore[];
  recommendation: string;
}

export interface DimensionResult {
  key: string;
  name: string;
  weight: number;
  knock_out_minimum: number | null;
  score_count: number;
  mean: number | null;
  spread: number | null;
  stddev: number | null;
  scores: Array<{ interviewer_id: string; stage: string; score: number }>;
}

export interface ScoreSummary {
  weighted_score: number | null;
  scored_weight_share: number;
  dimensions: DimensionResult[];
  knock_outs: Array<{ dimension_key: string; name: string; minimum: number; mean: number }>;
  knocked_out: boolean;
  recommendations: Record<Recommendation, number>;
}

/** Adjusts one score before it is averaged (calibration); identity for raw scores. */
export type ScoreTransform = (score: number, card: ScoredCard) => number;

/**
 * Weighted score = sum(weight_d x mean_d) / sum(weight_d), over the dimensions of the
 * rubric that have at least one score; a dimension nobody scored neither helps nor
 * hurts, and `scored_weight_share` says how much of the rubric the score rests on.
 * A knock-out triggers when a knock-out dimension's raw mean is below its minimum.
 * Scores for keys the rubric does not have (an older rubric version) are left out.
 */
export function summarizeScores(dimensions: readonly StoredDimension[], cards: readonly ScoredCard[], transform?: ScoreTransform): ScoreSummary {
  const results: DimensionResult[] = dimensions.map((d) => {
    const scores = cards.flatMap((card) =>
      card.scores.filter((s) => s.dimension_key === d.key).map((s) => ({ interviewer_id: card.interviewer_id, stage: card.stage, score: s.score, card })),
    );
    const values = scores.map((s) => (transform ? transform(s.score, s.card) : s.score));
    const m = mean(values);
    return {
      key: d.key,
      name: d.name,
      weight: d.weight,
      knock_out_minimum: d.knock_out?.minimum ?? null,
      score_count: values.length,
      mean: m,
      spread: values.length ? Math.max(...values) - Math.min(...values) : null,
      stddev: stddev(values),
      scores: scores.map(({ interviewer_id, stage, score }) => ({ interviewer_id, stage, score })),
    };
  });

  const scored = results.filter((r) => r.mean !== null);
  const totalWeight = results.reduce((a, r) => a + r.weight, 0);
  const scoredWeight = scored.reduce((a, r) => a + r.weight, 0);
  const weighted = scoredWeight > 0 ? scored.reduce((a, r) => a + r.weight * r.mean!, 0) / scoredWeight : null;

  const knockOuts = dimensions.flatMap((d) => {
    if (!d.knock_out) return [];
    const raw = mean(cards.flatMap((c) => c.scores.filter((s) => s.dimension_key === d.key).map((s) => s.score)));
    return raw !== null && raw < d.knock_out.minimum ? [{ dimension_key: d.key, name: d.name, minimum: d.knock_out.minimum, mean: round2(raw) }] : [];
  });

  const recommendations: Record<Recommendation, number> = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };
  for (const card of cards) recommendations[card.recommendation as Recommendation] += 1;

  return {
    weighted_score: weighted === null ? null : round2(weighted),
    scored_weight_share: totalWeight > 0 ? round2(scoredWeight / totalWeight) : 0,
    dimensions: results.map((r) => ({
      ...r,
      mean: r.mean === null ? null : round2(r.mean),
      spread: r.spread === null ? null : round2(r.spread),
      stddev: r.stddev === null ? null : round2(r.stddev),
    })),
    knock_outs: knockOuts,
    knocked_out: knockOuts.length > 0,
    recommendations,
  };
}
