import type { ApiKey, Member, MemberRole, Scope, Workspace } from '@sellerops/schemas';
import type { MemberRow, WorkspaceRow } from '../../db/database.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import type { ApiKeyRecord } from './workspace.repository.ts';

export function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    object: 'workspace',
    name: row.name,
    slug: row.slug,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toApiKey(row: ApiKeyRecord): ApiKey {
  return {
    id: row.id,
    object: 'api_key',
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    member_id: row.member_id,
    last_used_at: isoOrNull(row.last_used_at),
    revoked_at: isoOrNull(row.revoked_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    object: 'member',
    name: row.name,
    email: row.email,
    role: row.role as MemberRole,
    title: row.title,
    active: row.active,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}
