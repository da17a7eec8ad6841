import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { mentionsAny, normalizeText } from './text-match.ts';
import type { MissingArea } from './compare.ts';

export interface TrainingTemplate {
  id: string;
  name: string;
  category: string;
}

/**
 * Where suggested training comes from. Pluggable because SOP templates belong to
 * another module: whoever owns them can hand the hiring module a better source.
 */
export interface TrainingSource {
  /** Named in the response's `training_source`. */
  name: string;
  /** Every template of the workspace that could be suggested, or null when the source is not available. */
  templates(db: Db, workspaceId: string): Promise<TrainingTemplate[] | null>;
}

/**
 * The default source: the SOP module's `sop_templates` table (workspace_id, id, name,
 * category), when this database has it. Without it, no training is suggested and the
 * comparison says so (training_source: null).
 */
export const sopTemplatesTrainingSource: TrainingSource = {
  name: 'sop_templates',
  async templates(db, workspaceId) {
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'sop_templates'
        and column_name in ('workspace_id', 'id', 'name', 'category')`.execute(db);
    if (columns.rows.length < 4) return null;
    const rows = await sql<TrainingTemplate>`
      select id, name, category from sop_templates where workspace_id = ${workspaceId} order by name, id`.execute(db);
    return rows.rows;
  },
};

/** For each missing area, the templates whose name or category mentions it. */
export function suggestTraining(missing: readonly MissingArea[], templates: readonly TrainingTemplate[]) {
  const indexed = templates.map((t) => ({ template: t, text: normalizeText(`${t.name} ${t.category}`) }));
  return missing.map((area) => ({
    area: area.path.join(' > '),
    templates: indexed.filter((t) => mentionsAny(t.text, area.terms)).map((t) => ({ id: t.template.id, name: t.template.name, category: t.template.category })),
  }));
}
