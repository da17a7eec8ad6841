import type { SopRunStepUpdate, StepAction } from '@sellerops/schemas';
import type { SopRunStepRow } from '../../db/database.ts';
import { Conflict, InvalidInput, type FieldError } from '../../lib/errors.ts';
import type { StepPatch } from './runs.repository.ts';

/**
 * The life of a run step:
 *
 *   todo --start--> in_progress --complete--> done
 *     |                 |
 *     +--block--> blocked <--block--+      (unblock returns to where it was)
 *   todo / in_progress / blocked --skip--> skipped
 *   todo / in_progress --complete--> done  (small steps need no separate start)
 *
 * Starting or completing needs every step it depends on done or skipped. Skipping
 * does not: deciding not to do a step needs nothing from the steps before it.
 */

const ALLOWED_FROM: Record<StepAction, readonly string[]> = {
  start: ['todo'],
  block: ['todo', 'in_progress'],
  unblock: ['blocked'],
  complete: ['todo', 'in_progress'],
  skip: ['todo', 'in_progress', 'blocked'],
  reassign: ['todo', 'in_progress', 'blocked'],
};

const NEEDS_DEPENDENCIES: ReadonlySet<StepAction> = new Set(['start', 'complete']);

/** The parts of the request that only make sense with one action, checked before anything else. */
export function checkRequestShape(input: SopRunStepUpdate): void {
  const errors: FieldError[] = [];
  const action = input.action;
  if (input.reason !== undefined && action !== 'block' && action !== 'skip') errors.push({ path: '/body/reason', message: 'is only given to block or skip a step' });
  if ((action === 'block' || action === 'skip') && input.reason === undefined) errors.push({ path: '/body/reason', message: `is required to ${action} a step` });
  if (input.data !== undefined && action !== 'complete') errors.push({ path: '/body/data', message: 'is only recorded when completing a step' });
  if (input.assignee_id !== undefined && action !== 'reassign') errors.push({ path: '/body/assignee_id', message: 'is only given to reassign a step' });
  if (action === 'reassign' && input.assignee_id === undefined) errors.push({ path: '/body/assignee_id', message: 'is required to reassign a step' });
  if (action === undefined && input.note === undefined) errors.push({ path: '/body/action', message: 'give an action, a note, or both' });
  if (errors.length > 0) throw new InvalidInput(`The request does not fit the action: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

/**
 * What `action` changes on `step`, or the reason it cannot happen now: 409
 * invalid_transition for a step in the wrong state, 409 dependencies_unfinished
 * (naming the blocking steps) for one whose predecessors are not finished.
 */
export function planTransition(step: SopRunStepRow, input: SopRunStepUpdate, waitingOn: readonly string[], now: Date): StepPatch {
  const action = input.action;
  if (!action) return {};
  if (!ALLOWED_FROM[action].includes(step.status)) {
    const hint = step.status === 'blocked' ? ' Unblock it first.' : '';
    throw new Conflict(`Step ${step.key} is ${step.status}; it cannot ${action} from there.${hint}`, 'invalid_transition');
  }
  if (NEEDS_DEPENDENCIES.has(action) && waitingOn.length > 0) {
    throw new Conflict(
      `Step ${step.key} cannot ${action} while ${waitingOn.join(', ')} ${waitingOn.length === 1 ? 'is' : 'are'} neither done nor skipped.`,
      'dependencies_unfinished',
      [...waitingOn],
    );
  }
  switch (action) {
    case 'start':
      return { status: 'in_progress', started_at: now };
    case 'block':
      return { status: 'blocked', block_reason: input.reason! };
    case 'unblock':
      return { status: step.started_at ? 'in_progress' : 'todo', block_reason: null };
    case 'complete':
      return { status: 'done', started_at: step.started_at ?? now, finished_at: now };
    case 'skip':
      return { status: 'skipped', skip_reason: input.reason!, block_reason: null, finished_at: now };
    case 'reassign':
      return { assignee_id: input.assignee_id! };
  }
}
