import type { Role, RubricTemplate } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { InvalidInput, NotFound } from '../../lib/errors.ts';
import { RUBRIC_TEMPLATES, findRubricTemplate, type RubricTemplateDefinition } from './library/rubric-templates.ts';
import { createStarterQuestions } from './questions.service.ts';
import { createRole, toDimension } from './roles.service.ts';

function toTemplate(t: RubricTemplateDefinition): RubricTemplate {
  return {
    key: t.key,
    object: 'rubric_template',
    kind: t.kind,
    name: t.name,
    level: t.level,
    description: t.description,
    dimensions: t.dimensions.map(toDimension),
    question_count: t.questions.length,
  };
}

export function listRubricTemplates() {
  return { object: 'list' as const, data: RUBRIC_TEMPLATES.map(toTemplate), next_cursor: null };
}

/** Copies a library rubric into a new role of the workspace, with its starter questions. */
export async function installRubricTemplate(ctx: ServiceContext, key: string, input: { name?: string | undefined }): Promise<Role> {
  const template = findRubricTemplate(key);
  if (!template) throw new NotFound('Rubric template', key);
  if (template.kind !== 'role' || !template.level) {
    throw new InvalidInput(`${key} is the work-sample rubric: it scores every work sample and is not installed as a role.`, [{ path: '/params/key', message: 'not a role rubric' }]);
  }
  const role = await createRole(
    ctx,
    { name: input.name ?? template.name, level: template.level, description: template.description, dimensions: template.dimensions },
    template.key,
  );
  await createStarterQuestions(ctx, role.id, template.questions);
  return role;
}
