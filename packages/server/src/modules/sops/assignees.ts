import type { MemberRow } from '../../db/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, type FieldError } from '../../lib/errors.ts';
import { findMembersByIds } from '../workspace/workspace.repository.ts';

/** A member id as given in a request, with where it was given. */
export interface MemberReference {
  id: string;
  path: string;
}

/**
 * Work is assigned to people of this workspace who are still here: an id of another
 * workspace reads exactly like an id that does not exist, and a deactivated member
 * cannot be given new work. One query for every reference of a request.
 */
export async function assertActiveMembers(ctx: ServiceContext, refs: readonly MemberReference[]): Promise<Map<string, MemberRow>> {
  const members = new Map((await findMembersByIds(ctx.db, ctx.workspaceId, [...new Set(refs.map((r) => r.id))])).map((m) => [m.id, m]));
  const errors: FieldError[] = [];
  for (const ref of refs) {
    const member = members.get(ref.id);
    if (!member) errors.push({ path: ref.path, message: `names no member of this workspace (${ref.id})` });
    else if (!member.active) errors.push({ path: ref.path, message: `member ${ref.id} is inactive` });
  }
  if (errors.length > 0) throw new InvalidInput(`Work can only be assigned to active members of the workspace: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  return members;
}
