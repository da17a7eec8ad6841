import type { ReportType } from './types.ts';

/**
 * Every report type `POST /v1/imports` reads, for pickers and for checking input
 * before an upload. The type check below fails to compile when the API gains or
 * drops a type and this list was not updated (after `generate`).
 */
export const REPORT_TYPES = [
  'business_report_by_child',
  'business_report_by_date',
  'sp_search_term',
  'sp_advertised_product',
  'sp_targeting',
  'fba_inventory',
  'afn_inventory',
  'fba_customer_returns',
  'all_orders',
  'sp_api_sales_and_traffic',
] as const satisfies readonly ReportType[];

type Unlisted = Exclude<ReportType, (typeof REPORT_TYPES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;
