import type { Question } from '@sellerops/schemas';
import type { QuestionRow } from '../../db/database.ts';
import { recordChange, recordChanges } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import type { StarterQuestion } from './library/starter-questions.ts';
import { pageArgs, type PageRequest } from './page.ts';
import * as repo from './questions.repository.ts';
import * as rolesRepo from './roles.repository.ts';
import { rubricOf } from './roles.service.ts';

export function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    object: 'question',
    text: row.text,
    dimension_key: row.dimension_key,
    role_id: row.role_id,
    strong_signals: row.strong_signals,
    weak_signals: row.weak_signals,
    tags: row.tags,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** A question tied to a role must name a dimension of the role's current rubric. */
async function assertDimensionOfRole(ctx: ServiceContext, roleId: string | null, dimensionKey: string): Promise<void> {
  if (roleId === null) return;
  const role = await rolesRepo.findRole(ctx.db, ctx.workspaceId, roleId);
  if (!role) throw new InvalidInput('role_id names no role of this workspace.', [{ path: '/body/role_id', message: 'unknown role' }]);
  const dimensions = await rubricOf(ctx, roleId, role.rubric_version);
  if (!dimensions.some((d) => d.key === dimensionKey)) {
    throw new InvalidInput(`The role's rubric has no dimension ${dimensionKey}; it has ${dimensions.map((d) => d.key).join(', ')}.`, [
      { path: '/body/dimension_key', message: 'unknown dimension' },
    ]);
  }
}

export async function createQuestion(
  ctx: ServiceContext,
  input: { text: string; dimension_key: string; role_id?: string | null | undefined; strong_signals: string[]; weak_signals: string[]; tags?: string[] | undefined },
): Promise<Question> {
  const roleId = input.role_id ?? null;
  await assertDimensionOfRole(ctx, roleId, input.dimension_key);
  const [row] = await repo.insertQuestions(ctx.db, [
    {
      workspace_id: ctx.workspaceId,
      id: newId(ID_PREFIX.question),
      text: input.text,
      dimension_key: input.dimension_key,
      role_id: roleId,
      strong_signals: input.strong_signals,
      weak_signals: input.weak_signals,
      tags: input.tags ?? [],
    },
  ]);
  const question = toQuestion(row!);
  await recordChange(ctx, { action: 'question.created', objectType: 'question', objectId: question.id, after: question });
  return question;
}

export async function createStarterQuestions(ctx: ServiceContext, roleId: string, questions: readonly StarterQuestion[]): Promise<Question[]> {
  const rows = await repo.insertQuestions(
    ctx.db,
    questions.map((q) => ({ workspace_id: ctx.workspaceId, id: newId(ID_PREFIX.question), role_id: roleId, ...q })),
  );
  const created = rows.map(toQuestion);
  await recordChanges(ctx, created.map((q) => ({ action: 'question.created', objectType: 'question', objectId: q.id, after: q })));
  return created;
}

export async function listQuestions(ctx: ServiceContext, filter: repo.QuestionFilter, page: PageRequest): Promise<Page<Question>> {
  const args = pageArgs(page);
  const rows = await repo.listQuestions(ctx.db, ctx.workspaceId, filter, args);
  return toPage(rows, args.limit, (r) => [r.id], toQuestion);
}

export async function getQuestion(ctx: ServiceContext, id: string): Promise<Question> {
  const row = await repo.findQuestion(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Question', id);
  return toQuestion(row);
}

export async function updateQuestion(
  ctx: ServiceContext,
  id: string,
  patch: { text?: string; dimension_key?: string; role_id?: string | null; strong_signals?: string[]; weak_signals?: string[]; tags?: string[] },
  expected: number | undefined,
): Promise<Question> {
  const current = await repo.findQuestion(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Question', id);
  assertVersion(current.version, expected);
  if (patch.role_id !== undefined || patch.dimension_key !== undefined) {
    await assertDimensionOfRole(ctx, patch.role_id === undefined ? current.role_id : patch.role_id, patch.dimension_key ?? current.dimension_key);
  }
  const row = await repo.updateQuestion(ctx.db, ctx.workspaceId, id, patch);
  await recordChange(ctx, { action: 'question.updated', objectType: 'question', objectId: id, before: toQuestion(current), after: toQuestion(row) });
  return toQuestion(row);
}

export async function deleteQuestion(ctx: ServiceContext, id: string, expected: number | undefined) {
  const current = await repo.findQuestion(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Question', id);
  assertVersion(current.version, expected);
  await repo.deleteQuestion(ctx.db, ctx.workspaceId, id);
  await recordChange(ctx, { action: 'question.deleted', objectType: 'question', objectId: id, before: toQuestion(current) });
  return { id, object: 'question', deleted: true as const };
}
