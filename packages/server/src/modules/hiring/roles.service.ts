import type { Role, RoleLevel, Rubric, RubricDimension } from '@sellerops/schemas';
import type { HiringRoleRow, RubricVersionRow, StoredDimension } from '../../db/database.ts';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound, type FieldError } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { toPage, type Page } from '../../lib/pagination.ts';
import { iso } from '../../lib/time.ts';
import { pageArgs, type PageRequest } from './page.ts';
import * as repo from './roles.repository.ts';

export function toRubric(row: RubricVersionRow): Rubric {
  return { version: row.number, dimensions: row.dimensions.map(toDimension), created_at: iso(row.created_at) };
}

export function toDimension(d: StoredDimension): RubricDimension {
  return { key: d.key, name: d.name, description: d.description, weight: d.weight, levels: d.levels, knock_out: d.knock_out };
}

export function toRole(row: HiringRoleRow, rubric: RubricVersionRow): Role {
  return {
    id: row.id,
    object: 'role',
    name: row.name,
    level: row.level as RoleLevel,
    description: row.description,
    library_key: row.library_key,
    rubric: toRubric(rubric),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/**
 * Checks a rubric that the schema cannot: keys unique, one anchor for each score 1-5.
 * Returns the stored form (levels in score order, defaults filled in).
 */
export function normalizeDimensions(dimensions: readonly RubricDimension[], path = '/body/dimensions'): StoredDimension[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  dimensions.forEach((d, i) => {
    if (seen.has(d.key)) errors.push({ path: `${path}/${i}/key`, message: `duplicate dimension key ${d.key}` });
    seen.add(d.key);
    const scores = d.levels.map((l) => l.score).sort();
    if (scores.join(',') !== '1,2,3,4,5') errors.push({ path: `${path}/${i}/levels`, message: 'needs exactly one anchor for each score 1 to 5' });
  });
  if (errors.length) throw new InvalidInput(`The rubric is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  return dimensions.map((d) => ({
    key: d.key,
    name: d.name,
    description: d.description ?? '',
    weight: d.weight,
    levels: [...d.levels].sort((a, b) => a.score - b.score).map((l) => ({ score: l.score, anchor: l.anchor })),
    knock_out: d.knock_out ? { minimum: d.knock_out.minimum } : null,
  }));
}

async function currentRubrics(ctx: ServiceContext, rows: readonly HiringRoleRow[]): Promise<Map<string, RubricVersionRow>> {
  const versions = await repo.findRubricVersions(ctx.db, ctx.workspaceId, rows.map((r) => ({ role_id: r.id, number: r.rubric_version })));
  return new Map(versions.map((v) => [`${v.role_id}:${v.number}`, v]));
}

/** Roles with their current rubric, in two queries whatever their number. */
export async function rolesWithRubrics(ctx: ServiceContext, rows: readonly HiringRoleRow[]): Promise<Role[]> {
  const rubrics = await currentRubrics(ctx, rows);
  return rows.map((r) => toRole(r, rubrics.get(`${r.id}:${r.rubric_version}`)!));
}

export async function createRole(
  ctx: ServiceContext,
  input: { name: string; level: RoleLevel; description?: string | null | undefined; dimensions: StoredDimension[] },
  libraryKey: string | null = null,
): Promise<Role> {
  const row = await repo.insertRole(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.role),
    name: input.name,
    level: input.level,
    description: input.description ?? null,
    library_key: libraryKey,
  });
  const rubric = await repo.insertRubricVersion(ctx.db, ctx.workspaceId, row.id, 1, input.dimensions);
  const role = toRole(row, rubric);
  await recordChange(ctx, { action: 'role.created', objectType: 'role', objectId: role.id, after: role });
  return role;
}

export async function listRoles(ctx: ServiceContext, filter: { level?: RoleLevel | undefined }, page: PageRequest): Promise<Page<Role>> {
  const args = pageArgs(page);
  const rows = await repo.listRoles(ctx.db, ctx.workspaceId, filter, args);
  const page_ = toPage(rows, args.limit, (r) => [r.id], (r) => r);
  return { ...page_, data: await rolesWithRubrics(ctx, page_.data) };
}

export async function getRole(ctx: ServiceContext, id: string, rubricVersion?: number): Promise<Role> {
  const row = await repo.findRole(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('Role', id);
  const number = rubricVersion ?? row.rubric_version;
  const [rubric] = await repo.findRubricVersions(ctx.db, ctx.workspaceId, [{ role_id: id, number }]);
  if (!rubric) throw new NotFound(`Rubric version ${number} of role`, id);
  return toRole(row, rubric);
}

/** The rubric version `number` of a role (what a scorecard was made on). */
export async function rubricOf(ctx: ServiceContext, roleId: string, number: number): Promise<StoredDimension[]> {
  const [rubric] = await repo.findRubricVersions(ctx.db, ctx.workspaceId, [{ role_id: roleId, number }]);
  if (!rubric) throw new NotFound(`Rubric version ${number} of role`, roleId);
  return rubric.dimensions;
}

// jsonb does not keep key order, so compare in the fixed order toDimension writes.
const canonical = (dimensions: StoredDimension[]) => JSON.stringify(dimensions.map((d) => ({ ...toDimension(d), levels: d.levels.map((l) => ({ score: l.score, anchor: l.anchor })), knock_out: d.knock_out ? { minimum: d.knock_out.minimum } : null })));
const sameDimensions = (a: StoredDimension[], b: StoredDimension[]) => canonical(a) === canonical(b);

/** Changing the dimensions publishes a new rubric version; earlier versions stay for the scorecards made on them. */
export async function updateRole(
  ctx: ServiceContext,
  id: string,
  patch: { name?: string; level?: RoleLevel; description?: string | null; dimensions?: RubricDimension[] },
  expected: number | undefined,
): Promise<Role> {
  const current = await repo.findRole(ctx.db, ctx.workspaceId, id, { forUpdate: true });
  if (!current) throw new NotFound('Role', id);
  assertVersion(current.version, expected);
  const before = await getRole(ctx, id);
  const { dimensions, ...fields } = patch;
  let rubricVersion = current.rubric_version;
  if (dimensions) {
    const stored = normalizeDimensions(dimensions);
    const existing = await rubricOf(ctx, id, current.rubric_version);
    if (!sameDimensions(stored, existing)) {
      rubricVersion += 1;
      await repo.insertRubricVersion(ctx.db, ctx.workspaceId, id, rubricVersion, stored);
    }
  }
  await repo.updateRole(ctx.db, ctx.workspaceId, id, { ...fields, rubric_version: rubricVersion });
  const after = await getRole(ctx, id);
  await recordChange(ctx, { action: 'role.updated', objectType: 'role', objectId: id, before, after });
  return after;
}

export async function createCustomRole(
  ctx: ServiceContext,
  input: { name: string; level: RoleLevel; description?: string | null | undefined; dimensions: RubricDimension[] },
): Promise<Role> {
  return createRole(ctx, { ...input, dimensions: normalizeDimensions(input.dimensions) });
}
