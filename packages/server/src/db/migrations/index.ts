import type { Migration } from 'kysely';
import * as foundation from './2026_11_27_120000_foundation.ts';
import * as sops from './2026_11_28_090000_sops.ts';
import * as hiring from './2026_11_28_100000_hiring.ts';
import * as resources from './2026_11_29_090000_resources.ts';
import * as metrics from './2026_11_29_100000_metrics.ts';
import * as imports from './2026_11_29_110000_imports.ts';
import * as customerFeedback from './2026_11_30_120000_customer_feedback.ts';
import * as planning from './2026_11_30_130000_planning.ts';
import * as alerts from './2026_11_30_140000_alerts.ts';

/**
 * Every migration, by name. A static list (rather than reading the folder) works the
 * same from source, from a build and from a bundle. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_120000_foundation': foundation,
  '2026_11_28_090000_sops': sops,
  '2026_11_28_100000_hiring': hiring,
  '2026_11_29_090000_resources': resources,
  '2026_11_29_100000_metrics': metrics,
  '2026_11_29_110000_imports': imports,
  '2026_11_30_120000_customer_feedback': customerFeedback,
  '2026_11_30_130000_planning': planning,
  '2026_11_30_140000_alerts': alerts,
};
