import type { Review, ReviewAnalysis, ReviewDataPoint, ReviewOutcome, Subject } from '@sellerops/schemas';
import type { ReviewAnalysisRow, ReviewRow } from '../../db/database.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import { subjectOf } from './runs.mapping.ts';

export function toAnalysis(row: ReviewAnalysisRow): ReviewAnalysis {
  return {
    id: row.id,
    object: 'review_analysis',
    review_id: row.review_id,
    author_id: row.author_id,
    body: row.body,
    suggested_action: row.suggested_action,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toReview(row: ReviewRow, analyses: readonly ReviewAnalysisRow[]): Review {
  return {
    id: row.id,
    object: 'review',
    week: row.week,
    subject: subjectOf(row) as Subject | null,
    problem: row.problem,
    data_points: row.data_points as ReviewDataPoint[],
    diagnosis: row.diagnosis,
    action: row.action,
    expected_effect: row.expected_effect,
    due_week: row.due_week,
    owner_id: row.owner_id,
    status: row.status as Review['status'],
    outcome: row.outcome as ReviewOutcome | null,
    acted_at: isoOrNull(row.acted_at),
    evaluated_at: isoOrNull(row.evaluated_at),
    analyses: analyses.map(toAnalysis),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
