import { competitorAnalysis } from './competitor-analysis.ts';
import { dailyOperations } from './daily-operations.ts';
import { inventoryManagement } from './inventory-management.ts';
import { keywordResearch } from './keyword-research.ts';
import { listingBuild } from './listing-build.ts';
import { productLifecycle } from './product-lifecycle.ts';
import { reorderPlan } from './reorder-plan.ts';
import type { StarterTemplate } from './types.ts';

export type { StarterTemplate } from './types.ts';

/** The built-in templates, in the order a new workspace would read them. */
export const STARTER_LIBRARY: readonly StarterTemplate[] = [
  productLifecycle,
  keywordResearch,
  competitorAnalysis,
  listingBuild,
  inventoryManagement,
  reorderPlan,
  dailyOperations,
];
