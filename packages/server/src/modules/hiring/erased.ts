import type { ServiceContext } from '../../lib/context.ts';
import { Conflict } from '../../lib/errors.ts';
import * as candidatesRepo from './candidates.repository.ts';

/**
 * After erasure nothing new may be written about the person: no evidence, notes,
 * submissions or rejection reasons on their applications.
 */
export async function assertCandidateNotErased(ctx: ServiceContext, candidateId: string): Promise<void> {
  const candidate = await candidatesRepo.findCandidate(ctx.db, ctx.workspaceId, candidateId);
  if (candidate?.erased_at) throw new Conflict('The candidate was erased; nothing new is recorded about them.');
}
