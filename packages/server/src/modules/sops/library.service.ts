import type { SopLibraryTemplate, SopTemplate } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { NotFound } from '../../lib/errors.ts';
import type { Page } from '../../lib/pagination.ts';
import { STARTER_LIBRARY } from './library/index.ts';
import { createTemplate, normalizeStep } from './templates.service.ts';

export function listLibrary(): Page<SopLibraryTemplate> {
  return {
    object: 'list',
    data: STARTER_LIBRARY.map((t) => ({ object: 'sop_library_template', key: t.key, name: t.name, category: t.category, purpose: t.purpose, steps: t.steps.map(normalizeStep) })),
    next_cursor: null,
  };
}

export async function installFromLibrary(ctx: ServiceContext, libraryKey: string, options: { key?: string | undefined; name?: string | undefined }): Promise<SopTemplate> {
  const starter = STARTER_LIBRARY.find((t) => t.key === libraryKey);
  if (!starter) throw new NotFound('Starter template', libraryKey);
  return createTemplate(
    ctx,
    {
      key: options.key ?? starter.key,
      name: options.name ?? starter.name,
      category: starter.category,
      purpose: starter.purpose,
      steps: starter.steps,
      change_note: `Installed from the starter library (${starter.key}).`,
    },
    starter.key,
  );
}
