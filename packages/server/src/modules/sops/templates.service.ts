import type { SopStep, SopStepInput, SopTemplate, SopTemplateCreate, SopTemplatePublish, SopTemplateVersion } from '@sellerops/schemas';
import { recordChange } from '../../lib/audit.ts';
import { assertVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { Conflict, InvalidInput, NotFound } from '../../lib/errors.ts';
import { ID_PREFIX, newId } from '../../lib/ids.ts';
import { decodeCursor, toPage, type Page } from '../../lib/pagination.ts';
import { validateSteps } from './dag.ts';
import { toTemplate, toTemplateVersion } from './templates.mapping.ts';
import * as repo from './templates.repository.ts';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** A step as stored: every optional part spelled out, so readers never guess a default. */
export function normalizeStep(step: SopStepInput): SopStep {
  return {
    key: step.key,
    title: step.title,
    instructions: step.instructions ?? '',
    default_role: step.default_role,
    depends_on: step.depends_on ?? [],
    due_offset_days: step.due_offset_days ?? 0,
    checklist: step.checklist ?? [],
    fields: (step.fields ?? []).map((f) => ({ ...f })),
    handoff: step.handoff ?? null,
  };
}

function checkedSteps(input: SopStepInput[]): SopStep[] {
  const steps = input.map(normalizeStep);
  const errors = validateSteps(steps, '/body/steps');
  if (errors.length > 0) throw new InvalidInput(`The steps are not a valid procedure: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  return steps;
}

export async function listTemplates(ctx: ServiceContext, filter: repo.TemplateFilter, page: PageRequest): Promise<Page<SopTemplate>> {
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.TEMPLATE_SORT) : undefined;
  const rows = await repo.listTemplates(ctx.db, ctx.workspaceId, filter, { limit, after });
  return toPage(rows, limit, (r) => [r.id], toTemplate);
}

export async function getTemplate(ctx: ServiceContext, id: string): Promise<SopTemplate> {
  const row = await repo.findTemplate(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFound('SOP template', id);
  return toTemplate(row);
}

/** Creates a template and publishes its version 1. `libraryKey` names the starter template it came from. */
export async function createTemplate(ctx: ServiceContext, input: SopTemplateCreate, libraryKey: string | null = null): Promise<SopTemplate> {
  const steps = checkedSteps(input.steps);
  const existing = await repo.findTemplateIdByKey(ctx.db, ctx.workspaceId, input.key);
  if (existing) throw new Conflict(`A template with key ${input.key} already exists (${existing}); publish a new version of it or choose another key.`);
  const template = await repo.insertTemplate(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.sop_template),
    key: input.key,
    name: input.name,
    category: input.category,
    purpose: input.purpose,
    latest_version: 1,
    library_key: libraryKey,
  });
  await repo.insertVersion(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.sop_template_version),
    template_id: template.id,
    number: 1,
    name: input.name,
    category: input.category,
    purpose: input.purpose,
    change_note: input.change_note ?? null,
    steps,
  });
  const created = toTemplate({ ...template, steps });
  await recordChange(ctx, { action: 'sop_template.created', objectType: 'sop_template', objectId: created.id, after: created });
  return created;
}

/**
 * Publishes a new version. Existing versions are never touched: runs started on them
 * keep reading exactly what they started with.
 */
export async function publishVersion(ctx: ServiceContext, id: string, input: SopTemplatePublish, expected: number | undefined): Promise<SopTemplateVersion> {
  const template = await repo.lockTemplate(ctx.db, ctx.workspaceId, id);
  if (!template) throw new NotFound('SOP template', id);
  assertVersion(template.version, expected);
  const steps = checkedSteps(input.steps);
  const number = template.latest_version + 1;
  const content = {
    name: input.name ?? template.name,
    category: input.category ?? template.category,
    purpose: input.purpose ?? template.purpose,
  };
  const row = await repo.insertVersion(ctx.db, {
    workspace_id: ctx.workspaceId,
    id: newId(ID_PREFIX.sop_template_version),
    template_id: id,
    number,
    ...content,
    change_note: input.change_note ?? null,
    steps,
  });
  await repo.setLatestVersion(ctx.db, ctx.workspaceId, id, { ...content, latest_version: number });
  const published = toTemplateVersion(row);
  await recordChange(ctx, { action: 'sop_template.version_published', objectType: 'sop_template', objectId: id, after: published });
  return published;
}

export async function getVersion(ctx: ServiceContext, templateId: string, number: number): Promise<SopTemplateVersion> {
  const row = await repo.findVersion(ctx.db, ctx.workspaceId, templateId, number);
  if (!row) {
    if (!(await repo.findTemplate(ctx.db, ctx.workspaceId, templateId))) throw new NotFound('SOP template', templateId);
    throw new NotFound(`Version ${number} of SOP template ${templateId}`);
  }
  return toTemplateVersion(row);
}

export async function listVersions(ctx: ServiceContext, templateId: string, page: PageRequest): Promise<Page<SopTemplateVersion>> {
  if (!(await repo.findTemplate(ctx.db, ctx.workspaceId, templateId))) throw new NotFound('SOP template', templateId);
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor, repo.VERSION_SORT) : undefined;
  const rows = await repo.listVersions(ctx.db, ctx.workspaceId, templateId, { limit, after });
  return toPage(rows, limit, (r) => [r.number], toTemplateVersion);
}
