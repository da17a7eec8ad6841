import type { Review, ReviewAnalysis, ReviewAnalysisCreate, ReviewCreate, ReviewOutcome, ReviewStatus, ReviewUpdate } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { assertActiveMembers } from './assignees.ts';
import { addWeeks, isIsoWeek } from './dates.ts';
import { groupBy } from './group-by.ts';
import { toAnalysis, toReview } from './reviews.mapping.ts';
import * as repo from './reviews.repository.ts';
import type { PageRequest } from './templates.service.ts';

const STATUS_ORDER: Record<ReviewStatus, number> = { open: 0, acted: 1, evaluated: 2 };

function fail(message: string, errors: FieldError[]): never {
  throw new InvalidInput(`${message}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

function weekErrors(week: string, dueWeek: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoWeek(week)) errors.push({ path: '/body/week', message: 'is not a week of that year' });
  if (!isIsoWeek(dueWeek)) errors.push({ path: '/body/due_week', message: 'is not a week of that year' });
  else if (dueWeek < week) errors.push({ path: '/body/due_week', message: `is before the week of the review (${week})` });
  return errors;
}

async function withAnalyses(ctx: ServiceContext, id: string): Promise<Review> {
  const row = await repo.findReview(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Review', id);
  return toReview(row, await repo.findAnalyses(ctx.db, ctx.workspaceId, [id]));
}

export async function getReview(ctx: ServiceContext, id: string): Promise<Review> {
  return withAnalyses(ctx, id);
}

export async function listReviews(ctx: ServiceContext, filter: repo.ReviewFilter, page: PageRequest): Promise<Page<Review>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.REVIEW_SORT) : undefined;
  const rows = await repo.listReviews(ctx.db, ctx.workspaceId, filter, { limit, after });
  const analyses = groupBy(await repo.findAnalyses(ctx.db, ctx.workspaceId, rows.slice(0, limit).map((r) => r.id)), (a) => a.review_id);
  return toPage(rows, limit, (r) => [r.week, r.id], (r) => toReview(r, analyses.get(r.id) ?? []));
}

export async function createReview(ctx: ServiceContext, input: ReviewCreate): Promise<Review> {
  const dueWeek = input.due_week ?? (isIsoWeek(input.week) ? addWeeks(input.week, 1) : input.week);
  const errors = weekErrors(input.week, dueWeek);
  if (errors.length > 0) fail('The review weeks are not valid', errors);
  if (input.owner_id) await assertActiveMembers(ctx, [{ id: input.owner_id, path: '/body/owner_id' }]);
  const row = await repo.insertReview(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.review),
    week: input.week,
    subject_type: input.subject?.type ?? null,
    subject_id: input.subject?.id ?? null,
    problem: input.problem,
    data_points: JSON.stringify(input.data_points ?? []),
    diagnosis: input.diagnosis ?? null,
    action: input.action ?? null,
    expected_effect: input.expected_effect ?? null,
    due_week: dueWeek,
    owner_id: input.owner_id ?? null,
  });
  const review = toReview(row, []);
  await recordChange(ctx, { action: 'review.created', objectType: 'review', objectId: review.id, after: review });
  return review;
}

/**
 * A review moves forward only: open, then acted (the action decided was taken, so it
 * needs an action), then evaluated (the effect was measured, so it needs an outcome).
 * The outcome is recorded once the action has been taken.
 */
export async function updateReview(ctx: ServiceContext, id: string, patch: ReviewUpdate, expected: number | undefined): Promise<Review> {
  const current = await repo.findReview(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Review', id);
  assertVersion(current.version, expected);
  const from = current.status as ReviewStatus;
  const to = patch.status ?? from;
  if (STATUS_ORDER[to] < STATUS_ORDER[from]) throw new Conflict(`The review is ${from}; it cannot go back to ${to}.`, 'invalid_transition');

  const action = patch.action !== undefined ? patch.action : current.action;
  const outcome = patch.outcome !== undefined ? patch.outcome : (current.outcome as ReviewOutcome | null);
  const errors: FieldError[] = [];
  if (patch.due_week !== undefined) errors.push(...weekErrors(current.week, patch.due_week).filter((e) => e.path === '/body/due_week'));
  if (STATUS_ORDER[to] >= STATUS_ORDER.acted && !action) errors.push({ path: '/body/action', message: `is required for a review that is ${to}` });
  if (to === 'evaluated' && !outcome) errors.push({ path: '/body/outcome', message: 'is required to evaluate a review: record the measured effect' });
  if (patch.outcome && to === 'open') errors.push({ path: '/body/outcome', message: 'is recorded once the action has been taken (status acted)' });
  if (errors.length > 0) fail('The review cannot change that way', errors);
  if (patch.owner_id) await assertActiveMembers(ctx, [{ id: patch.owner_id, path: '/body/owner_id' }]);

  const { subject, data_points, outcome: _outcome, status: _status, ...plain } = patch;
  const now = new Date();
  const row = await repo.updateReview(ctx.db, ctx.workspaceId, id, {
    ...plain,
    ...(subject !== undefined ? { subject_type: subject?.type ?? null, subject_id: subject?.id ?? null } : {}),
    ...(data_points !== undefined ? { data_points: JSON.stringify(data_points) } : {}),
    ...(patch.outcome !== undefined ? { outcome: patch.outcome ? JSON.stringify({ reason: null, learning: null, ...patch.outcome }) : null } : {}),
    ...(to !== from ? { status: to } : {}),
    ...(STATUS_ORDER[to] >= STATUS_ORDER.acted && !current.acted_at ? { acted_at: now } : {}),
    ...(to === 'evaluated' && !current.evaluated_at ? { evaluated_at: now } : {}),
  });
  const analyses = await repo.findAnalyses(ctx.db, ctx.workspaceId, [id]);
  const after = toReview(row, analyses);
  await recordChange(ctx, { action: 'review.updated', objectType: 'review', objectId: id, before: toReview(current, analyses), after });
  return after;
}

/**
 * Anyone may add their own reading of the problem. A member's key always writes as
 * that member; a key without a member (an integration) names the author.
 */
export async function addAnalysis(ctx: ServiceContext, reviewId: string, input: ReviewAnalysisCreate): Promise<ReviewAnalysis> {
  const review = await repo.findReview(ctx.db, ctx.workspaceId, reviewId, { forUpdate: true });
  if (!review) throw new NotFound('Review', reviewId);
  const own = ctx.actor.memberId;
  if (own && input.author_id && input.author_id !== own) fail('An analysis is written by its author', [{ path: '/body/author_id', message: `this key belongs to member ${own}; it writes as that member` }]);
  const authorId = own ?? input.author_id;
  if (!authorId) fail('Name the author', [{ path: '/body/author_id', message: 'is required for a key that belongs to no member' }]);
  await assertActiveMembers(ctx, [{ id: authorId, path: '/body/author_id' }]);
  const row = await repo.insertAnalysis(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.review_analysis),
    review_id: reviewId,
    author_id: authorId,
    body: input.body,
    suggested_action: input.suggested_action ?? null,
  });
  await repo.updateReview(ctx.db, ctx.workspaceId, reviewId, {});
  const analysis = toAnalysis(row);
  await recordChange(ctx, { action: 'review.analysis_added', objectType: 'review', objectId: reviewId, after: analysis });
  return analysis;
}
