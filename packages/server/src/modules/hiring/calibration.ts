import type { StoredScore } from '../../db/database.ts';
import { clamp, mean, round2 } from './numbers.ts';

/** Scorecards needed before half of an interviewer's observed deviation is trusted. */
export const CALIBRATION_SHRINKAGE = 3;

export const CALIBRATION_METHOD =
  "For every scorecard, each dimension score is compared with the mean score other interviewers gave the same application on the same dimension; " +
  "the scorecard's deviation is the mean of those differences. An interviewer's bias is the mean deviation over their compared scorecards, " +
  'shrunk towards zero by n / (n + k) where n is the number of compared scorecards and k the shrinkage. ' +
  'Calibrated scores subtract the bias from each of the interviewer\'s scores (kept within 1-5) before the weighted score is computed. Knock-outs use raw scores.';

export interface CalibrationCard {
  application_id: string;
  interviewer_id: string;
  scores: StoredScore[];
}

export interface InterviewerBias {
  interviewer_id: string;
  compared_scorecards: number;
  mean_deviation: number;
  bias: number;
}

/**
 * Each interviewer's leniency (positive bias) or severity (negative), from every
 * scorecard of the workspace: leniency is a habit of the person, not of one role.
 * Only scores that another interviewer also gave count, so a lone interviewer has no
 * bias rather than a made-up one.
 */
export function interviewerBiases(cards: readonly CalibrationCard[], shrinkage = CALIBRATION_SHRINKAGE): Map<string, InterviewerBias> {
  // application -> dimension -> interviewer -> scores
  const panel = new Map<string, Map<string, Map<string, number[]>>>();
  for (const card of cards) {
    const byDimension = panel.get(card.application_id) ?? new Map<string, Map<string, number[]>>();
    panel.set(card.application_id, byDimension);
    for (const s of card.scores) {
      const byInterviewer = byDimension.get(s.dimension_key) ?? new Map<string, number[]>();
      byDimension.set(s.dimension_key, byInterviewer);
      byInterviewer.set(card.interviewer_id, [...(byInterviewer.get(card.interviewer_id) ?? []), s.score]);
    }
  }

  const deviations = new Map<string, number[]>();
  for (const card of cards) {
    const diffs: number[] = [];
    for (const s of card.scores) {
      const others = [...(panel.get(card.application_id)?.get(s.dimension_key) ?? new Map<string, number[]>()).entries()]
        .filter(([interviewer]) => interviewer !== card.interviewer_id)
        .flatMap(([, scores]) => scores);
      const othersMean = mean(others);
      if (othersMean !== null) diffs.push(s.score - othersMean);
    }
    const cardDeviation = mean(diffs);
    if (cardDeviation !== null) deviations.set(card.interviewer_id, [...(deviations.get(card.interviewer_id) ?? []), cardDeviation]);
  }

  const result = new Map<string, InterviewerBias>();
  for (const card of cards) {
    if (result.has(card.interviewer_id)) continue;
    const own = deviations.get(card.interviewer_id) ?? [];
    const meanDeviation = mean(own) ?? 0;
    const n = own.length;
    const bias = n === 0 ? 0 : (n / (n + shrinkage)) * meanDeviation;
    result.set(card.interviewer_id, { interviewer_id: card.interviewer_id, compared_scorecards: n, mean_deviation: meanDeviation, bias });
  }
  return result;
}

/** A score with the interviewer's bias taken out, kept on the 1-5 scale. */
export function calibrate(score: number, bias: number): number {
  return clamp(score - bias, 1, 5);
}

export function roundedBias(b: InterviewerBias): InterviewerBias {
  return { ...b, mean_deviation: round2(b.mean_deviation), bias: round2(b.bias) };
}
