import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput } from '../../lib/errors.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';

/** Interviewers and reviewers are active members of the workspace. */
export async function assertActiveMembers(ctx: ServiceContext, ids: ReadonlyArray<{ id: string; path: string }>): Promise<void> {
  const unique = [...new Set(ids.map((i) => i.id))];
  const found = new Map((await findMembersByIds(ctx.db, ctx.workspaceId, unique)).map((m) => [m.id, m]));
  const errors = ids.filter((i) => !found.get(i.id)?.active).map((i) => ({ path: i.path, message: found.has(i.id) ? 'member is inactive' : 'unknown member' }));
  if (errors.length) throw new InvalidInput(`Not an active member of this workspace: ${errors.map((e) => e.path).join(', ')}.`, errors);
}
