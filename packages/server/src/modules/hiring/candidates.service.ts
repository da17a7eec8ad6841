import type { Candidate } from '@sellerops/schemas';
import type { CandidateRow } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { toPage, type Page } from '../../lib/pagination.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import * as applicationsRepo from './applications.repository.ts';
import * as repo from './candidates.repository.ts';
import * as knowledgeRepo from './knowledge.repository.ts';
import { pageArgs, type PageRequest } from './page.ts';
import * as scorecardsRepo from './scorecards.repository.ts';
import * as workSamplesRepo from './work-samples.repository.ts';

export function toCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    object: 'candidate',
    name: row.name,
    email: row.email,
    phone: row.phone,
    resume_text: row.resume_text,
    resume_url: row.resume_url,
    background: row.background,
    followed_sources: row.followed_sources,
    notes: row.notes,
    source: row.source as Candidate['source'],
    years_experience: row.years_experience,
    style: row.style as Candidate['style'],
    erased_at: isoOrNull(row.erased_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/**
 * What the audit log keeps of a candidate: ids and non-personal fields only, so that
 * erasure never has to rewrite the log.
 */
function auditView(row: CandidateRow): Record<string, unknown> {
  return { id: row.id, source: row.source, years_experience: row.years_experience, style: row.style, erased: row.erased_at !== null, version: row.version };
}

/** Names (never values) of the personal fields a change touched. */
function personalFieldsIn(patch: repo.CandidateFields): string[] {
  return repo.PERSONAL_CANDIDATE_FIELDS.filter((f) => patch[f] !== undefined);
}

export async function createCandidate(ctx: ServiceContext, input: repo.CandidateFields & { name: string }): Promise<Candidate> {
  const row = await repo.insertCandidate(ctx.db, { ...input, workspace_id: ctx.workspaceId, id: newId(ID_PREFIX.candidate) });
  await recordChange(ctx, { action: 'candidate.created', objectType: 'candidate', objectId: row.id, after: { ...auditView(row), personal_fields: personalFieldsIn(input) } });
  return toCandidate(row);
}

export async function listCandidates(ctx: ServiceContext, filter: { erased?: boolean | undefined }, page: PageRequest): Promise<Page<Candidate>> {
  const args = pageArgs(page);
  const rows = await repo.listCandidates(ctx.db, ctx.workspaceId, filter, args);
  return toPage(rows, args.limit, (r) => [r.id], toCandidate);
}

export async function getCandidate(ctx: ServiceContext, id: string): Promise<Candidate> {
  const row = await repo.findCandidate(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Candidate', id);
  return toCandidate(row);
}

export async function updateCandidate(ctx: ServiceContext, id: string, patch: repo.CandidateFields, expected: number | undefined): Promise<Candidate> {
  const current = await repo.findCandidate(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Candidate', id);
  assertVersion(current.version, expected);
  if (current.erased_at) throw new Conflict('The candidate was erased; an erased candidate cannot be given personal data again.');
  const row = await repo.updateCandidate(ctx.db, ctx.workspaceId, id, patch);
  await recordChange(ctx, {
    action: 'candidate.updated',
    objectType: 'candidate',
    objectId: id,
    before: auditView(current),
    after: { ...auditView(row), personal_fields_changed: personalFieldsIn(patch) },
  });
  return toCandidate(row);
}

/**
 * Erasure on request: the candidate's personal data (name, contacts, résumé, free
 * text) goes from every table: the candidate row, rejection reasons, scorecard
 * evidence and notes, work-sample texts, knowledge-map trees, and stored idempotent
 * responses that could replay any of them. Scores, recommendations, stages and
 * knowledge-map comparisons stay, anonymous, for statistics. The audit log never held
 * personal values, and records the erasure with counts only.
 */
export async function eraseCandidate(ctx: ServiceContext, id: string, expected: number | undefined): Promise<Candidate> {
  const current = await repo.findCandidate(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Candidate', id);
  assertVersion(current.version, expected);
  if (current.erased_at) return toCandidate(current);

  const applicationIds = (await applicationsRepo.findApplicationsOfCandidate(ctx.db, ctx.workspaceId, id)).map((a) => a.id);
  await applicationsRepo.clearRejectionReasons(ctx.db, ctx.workspaceId, id);
  const scorecardIds = await scorecardsRepo.stripScorecardText(ctx.db, ctx.workspaceId, applicationIds);
  const workSampleIds = await workSamplesRepo.stripWorkSampleText(ctx.db, ctx.workspaceId, applicationIds);
  const mapIds = await knowledgeRepo.clearCandidateMaps(ctx.db, ctx.workspaceId, id);
  const row = await repo.eraseCandidate(ctx.db, ctx.workspaceId, id);
  const idempotencyRecords = await repo.deleteIdempotencyRecordsMentioning(ctx.db, ctx.workspaceId, [id, ...applicationIds, ...scorecardIds, ...workSampleIds, ...mapIds]);

  await recordChange(ctx, {
    action: 'candidate.erased',
    objectType: 'candidate',
    objectId: id,
    before: auditView(current),
    after: {
      ...auditView(row),
      applications: applicationIds.length,
      scorecards: scorecardIds.length,
      work_samples: workSampleIds.length,
      knowledge_maps: mapIds.length,
      idempotency_records: idempotencyRecords,
    },
  });
  return toCandidate(row);
}
