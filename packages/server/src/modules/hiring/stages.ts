import type { ApplicationStage } from '@sellerops/schemas';

/**
 * The hiring process moves forward one step at a time (a work sample may be skipped),
 * and can be ended from any open stage. Hired, rejected and withdrawn are final.
 */
export const STAGE_TRANSITIONS: Record<ApplicationStage, readonly ApplicationStage[]> = {
  screen: ['interview', 'rejected', 'withdrawn'],
  interview: ['work_sample', 'decision', 'rejected', 'withdrawn'],
  work_sample: ['decision', 'rejected', 'withdrawn'],
  decision: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const ORDER: readonly ApplicationStage[] = ['screen', 'interview', 'work_sample', 'decision'];

export function canMove(from: ApplicationStage, to: ApplicationStage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/**
 * Whether an application at `current` has reached `stage`: a scorecard for the
 * interview cannot come while the candidate is still being screened. Final stages
 * have passed every assessment stage they went through, so late scorecards are taken.
 */
export function hasReached(current: ApplicationStage, stage: ApplicationStage): boolean {
  const at = ORDER.indexOf(current);
  return at === -1 || ORDER.indexOf(stage) <= at;
}
