import type { ApiKey, ApiKeyWithSecret, Member, MemberRole, Scope, Workspace } from '@sellerops/schemas';
import { sql, type Kysely } from 'kysely';
import type { DB, Db } from '../../db/database.ts';
import { recordChange, recordChanges } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import { systemContext, type ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { hashSecret, keyPrefix, newApiKeySecret } from '../../lib/secrets.ts';
import * as repo from './workspace.repository.ts';
import { forgetCachedKeys } from '../../lib/auth-cache.ts';
import { toApiKey, toMember, toWorkspace } from './workspace.mapping.ts';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

function pageArgs(page: PageRequest) {
  return {
    limit: page.limit ?? 50,
    after: page.cursor ? decodeCursor(page.cursor, repo.NEWEST_FIRST) : undefined,
  };
}

// ---- workspaces ----

export async function getWorkspace(ctx: ServiceContext): Promise<Workspace> {
  const row = await repo.findWorkspace(ctx.db, ctx.workspaceId);
  if (!row) throw new NotFound('Workspace', ctx.workspaceId);
  return toWorkspace(row);
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await repo.slugExists(db, base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await repo.slugExists(db, candidate))) return candidate;
  }
}

/** Makes a key, stores only its hash, records it, and returns it with its secret (shown once). */
async function issueKey(
  ctx: ServiceContext,
  input: { name: string; scopes: Scope[]; member_id: string | null },
  givenSecret?: string,
): Promise<ApiKeyWithSecret> {
  const secret = givenSecret ?? newApiKeySecret();
  const row = await repo.insertApiKey(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.api_key),
    name: input.name,
    prefix: keyPrefix(secret),
    secret_hash: hashSecret(secret),
    scopes: input.scopes,
    member_id: input.member_id,
  });
  const key = toApiKey(row);
  await recordChange(ctx, { action: 'api_key.created', objectType: 'api_key', objectId: key.id, after: key });
  return { ...key, secret };
}

/** A new workspace and its first admin key. The caller's own workspace records that it made it. */
async function createWorkspaceWithKey(db: Db, name: string, secret?: string): Promise<{ workspace: Workspace; api_key: ApiKeyWithSecret }> {
  const workspace = await repo.insertWorkspace(db, { id: newId(ID_PREFIX.workspace), name, slug: await uniqueSlug(db, name) });
  const system = systemContext(db, workspace.id);
  await recordChange(system, { action: 'workspace.created', objectType: 'workspace', objectId: workspace.id, after: toWorkspace(workspace) });
  const api_key = await issueKey(system, { name: 'Initial admin key', scopes: ['admin'], member_id: null }, secret);
  return { workspace: toWorkspace(workspace), api_key };
}

export async function createWorkspace(ctx: ServiceContext, input: { name: string }) {
  const created = await createWorkspaceWithKey(ctx.db, input.name);
  await recordChange(ctx, { action: 'workspace.created', objectType: 'workspace', objectId: created.workspace.id, after: created.workspace });
  return created;
}

/**
 * On an empty database, creates the `default` workspace with an admin key: the given
 * bootstrap secret, or a generated one. Returns null when there is already a workspace.
 */
export async function bootstrap(db: Kysely<DB>, bootstrapSecret?: string): Promise<{ workspace: Workspace; api_key: ApiKeyWithSecret } | null> {
  return db.transaction().execute(async (trx) => {
    // Two processes starting at once on one database must not both bootstrap.
    await sql`select pg_advisory_xact_lock(7234001)`.execute(trx);
    if ((await repo.countWorkspaces(trx)) > 0) return null;
    return createWorkspaceWithKey(trx, 'default', bootstrapSecret);
  });
}

/**
 * A new admin key for the workspace with this slug, made from the command line by
 * whoever can reach the database: the way back in when every admin key is lost.
 */
export async function mintAdminKey(db: Kysely<DB>, slug: string): Promise<{ workspaceId: string; secret: string }> {
  return db.transaction().execute(async (trx) => {
    const workspace = await trx.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!workspace) throw new NotFound('Workspace', slug);
    const key = await issueKey(systemContext(trx, workspace.id), { name: 'Admin key made on the command line', scopes: ['admin'], member_id: null });
    return { workspaceId: workspace.id, secret: key.secret };
  });
}

// ---- API keys ----

export async function listApiKeys(ctx: ServiceContext, filter: { revoked?: boolean | undefined }, page: PageRequest): Promise<Page<ApiKey>> {
  const args = pageArgs(page);
  const rows = await repo.listApiKeys(ctx.db, ctx.workspaceId, filter, args);
  return toPage(rows, args.limit, (r) => [r.id], toApiKey);
}

export async function getApiKey(ctx: ServiceContext, id: string): Promise<ApiKey> {
  const row = await repo.findApiKey(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('API key', id);
  return toApiKey(row);
}

export async function createApiKey(ctx: ServiceContext, input: { name: string; scopes: Scope[]; member_id?: string | undefined }): Promise<ApiKeyWithSecret> {
  if (input.member_id) {
    const member = await repo.findMember(ctx.db, ctx.workspaceId, input.member_id);
    if (!member) throw new InvalidInput('member_id names no member of this workspace.', [{ path: '/body/member_id', message: 'unknown member' }]);
    if (!member.active) throw new InvalidInput('The member is inactive.', [{ path: '/body/member_id', message: 'member is inactive' }]);
  }
  return issueKey(ctx, { name: input.name, scopes: input.scopes, member_id: input.member_id ?? null });
}

export async function revokeApiKey(ctx: ServiceContext, id: string, expected: number | undefined): Promise<ApiKey> {
  const current = await repo.findApiKey(ctx.db, ctx.workspaceId, id);
  if (!current) throw new NotFound('API key', id);
  assertVersion(current.version, expected);
  if (current.revoked_at !== null) return toApiKey(current);
  if (current.scopes.includes('admin') && (await repo.countOtherActiveAdminKeys(ctx.db, ctx.workspaceId, id)) === 0) {
    throw new Conflict('This is the last active admin key of the workspace; create another admin key before revoking it.');
  }
  const row = await repo.revokeApiKey(ctx.db, ctx.workspaceId, id);
  ctx.afterCommit(forgetCachedKeys);
  await recordChange(ctx, { action: 'api_key.revoked', objectType: 'api_key', objectId: id, before: toApiKey(current), after: toApiKey(row) });
  return toApiKey(row);
}

// ---- members ----

export async function listMembers(ctx: ServiceContext, filter: repo.MemberFilter, page: PageRequest): Promise<Page<Member>> {
  const args = pageArgs(page);
  const rows = await repo.listMembers(ctx.db, ctx.workspaceId, filter, args);
  return toPage(rows, args.limit, (r) => [r.id], toMember);
}

export async function getMember(ctx: ServiceContext, id: string): Promise<Member> {
  const row = await repo.findMember(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Member', id);
  return toMember(row);
}

async function assertEmailFree(ctx: ServiceContext, email: string, exceptId?: string): Promise<void> {
  const existing = await repo.findMemberByEmail(ctx.db, ctx.workspaceId, email);
  if (existing && existing.id !== exceptId) throw new Conflict(`A member with email ${email} already exists (${existing.id}).`);
}

export async function createMember(ctx: ServiceContext, input: { name: string; email: string; role: MemberRole; title?: string | null | undefined }): Promise<Member> {
  await assertEmailFree(ctx, input.email);
  const row = await repo.insertMember(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.member),
    name: input.name,
    email: input.email,
    role: input.role,
    title: input.title ?? null,
  });
  const member = toMember(row);
  await recordChange(ctx, { action: 'member.created', objectType: 'member', objectId: member.id, after: member });
  return member;
}

export async function updateMember(
  ctx: ServiceContext,
  id: string,
  patch: { name?: string; email?: string; role?: MemberRole; title?: string | null; active?: boolean },
  expected: number | undefined,
): Promise<Member> {
  const current = await repo.findMember(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Member', id);
  assertVersion(current.version, expected);
  if (patch.email !== undefined) await assertEmailFree(ctx, patch.email, id);
  const row = await repo.updateMember(ctx.db, ctx.workspaceId, id, patch);
  if (patch.active === false && current.active) await revokeKeysOf(ctx, id);
  await recordChange(ctx, { action: 'member.updated', objectType: 'member', objectId: id, before: toMember(current), after: toMember(row) });
  return toMember(row);
}

/**
 * Removing a member deactivates them rather than erasing the row: runs, reviews and
 * the audit log keep pointing at who did the work. Their API keys are revoked.
 */
export async function deactivateMember(ctx: ServiceContext, id: string, expected: number | undefined): Promise<Member> {
  const current = await repo.findMember(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Member', id);
  assertVersion(current.version, expected);
  if (!current.active) return toMember(current);
  const row = await repo.updateMember(ctx.db, ctx.workspaceId, id, { active: false });
  await revokeKeysOf(ctx, id);
  await recordChange(ctx, { action: 'member.deactivated', objectType: 'member', objectId: id, before: toMember(current), after: toMember(row) });
  return toMember(row);
}

async function revokeKeysOf(ctx: ServiceContext, memberId: string): Promise<void> {
  const revoked = await repo.revokeApiKeysOfMember(ctx.db, ctx.workspaceId, memberId);
  if (revoked.length > 0) ctx.afterCommit(forgetCachedKeys);
  await recordChanges(
    ctx,
    revoked.map((k) => ({ action: 'api_key.revoked', objectType: 'api_key', objectId: k.id, after: toApiKey(k) })),
  );
}
