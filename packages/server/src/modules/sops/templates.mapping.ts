import type { SopStep, SopTemplate, SopTemplateVersion } from '@sellerops/schemas';
import type { SopTemplateVersionRow } from '../../db/database.ts';
import { iso } from '../../lib/time.ts';
import type { TemplateRecord } from './templates.repository.ts';

export function toTemplate(row: TemplateRecord): SopTemplate {
  return {
    id: row.id,
    object: 'sop_template',
    key: row.key,
    name: row.name,
    category: row.category,
    purpose: row.purpose,
    latest_version: row.latest_version,
    library_key: row.library_key,
    steps: row.steps as SopStep[],
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** A published version never changes: its version is always 1 and updated_at is when it was published. */
export function toTemplateVersion(row: SopTemplateVersionRow): SopTemplateVersion {
  return {
    id: row.id,
    object: 'sop_template_version',
    template_id: row.template_id,
    number: row.number,
    name: row.name,
    category: row.category,
    purpose: row.purpose,
    change_note: row.change_note,
    steps: row.steps as SopStep[],
    created_at: iso(row.created_at),
    updated_at: iso(row.created_at),
    version: 1,
  };
}
