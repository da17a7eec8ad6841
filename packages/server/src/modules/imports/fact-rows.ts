import type { FactFamily } from '@sellerops/schemas';
import type { MoneyValue } from './parse/values.ts';
import type { RowFact } from './read-report.ts';
import { isAsin } from './reports/identifiers.ts';

/** A fact as the facts service takes it (TrafficSalesFact, AdsFact, ...). */
export type FactRowInput = Record<string, unknown> & { date: string };

/** Keyword match types: the same keyword text under two match types is two targets. */
const KEYWORD_MATCH = new Set(['BROAD', 'PHRASE', 'EXACT']);

const present = (entries: Array<[string, unknown]>) => Object.fromEntries(entries.filter(([, v]) => v !== null && v !== undefined && v !== ''));

/** Percent points (0-100, two decimals) from a fraction. */
const percentPoints = (fraction: unknown) => (typeof fraction === 'number' ? Math.round(fraction * 1e4) / 1e2 : null);

/** Why a fact's product cannot go to the catalog, or null. */
export function productProblem(fact: RowFact): { column: string; reason: string } | null {
  const p = fact.product;
  if (!p) return null;
  if (!p.asin || !isAsin(p.asin)) return { column: 'asin', reason: `${JSON.stringify(p.asin)} is not an ASIN` };
  if (p.sku && p.sku.length > 100) return { column: 'sku', reason: 'is longer than 100 characters' };
  if (p.parent_asin && !isAsin(p.parent_asin)) return { column: 'parent_asin', reason: `${JSON.stringify(p.parent_asin)} is not an ASIN` };
  return null;
}

/**
 * A fact read from a file as a row of the facts service: families and field names of
 * the catalog of facts (order items -> total_order_items, attributed sales -> sales),
 * buy box share in percent points, and keyword targets told apart by match type
 * (`spoon rest [exact]`), as the facts' key has no match type of its own.
 */
export function toFactRow(fact: RowFact, productId: string | null, sellerAccountId: string | null): { family: FactFamily; row: FactRowInput } {
  const v = fact.values;
  const subject = present([
    ['date', fact.date],
    ['product_id', productId],
    ['marketplace', productId ? null : fact.marketplace],
    ['seller_account_id', sellerAccountId],
  ]) as { date: string };
  switch (fact.family) {
    case 'traffic_sales':
      return {
        family: 'traffic_sales',
        row: {
          ...subject,
          ...present([
            ['sessions', v.sessions],
            ['page_views', v.page_views],
            ['buy_box_percentage', percentPoints(v.buy_box_percentage)],
            ['units_ordered', v.units_ordered],
            ['ordered_product_sales', v.ordered_product_sales as MoneyValue | null],
            ['total_order_items', v.order_items],
          ]),
        },
      };
    case 'ads': {
      const d = fact.dimensions;
      const match = d.match_type?.toUpperCase();
      const targeting = d.targeting && match && KEYWORD_MATCH.has(match) ? `${d.targeting} [${match.toLowerCase()}]` : d.targeting;
      return {
        family: 'ads',
        row: {
          ...subject,
          ...present([
            ['campaign', d.campaign],
            ['ad_group', d.ad_group],
            ['targeting', targeting],
            ['search_term', d.search_term],
            ['impressions', v.impressions],
            ['clicks', v.clicks],
            ['spend', v.spend],
            ['sales', v.attributed_sales],
            ['orders', v.attributed_orders],
            ['units', v.attributed_units],
          ]),
        },
      };
    }
    case 'inventory':
      return {
        family: 'inventory',
        row: { ...subject, ...present([['fulfillable', v.fulfillable], ['inbound', v.inbound], ['reserved', v.reserved], ['unfulfillable', v.unfulfillable]]) },
      };
    case 'returns':
      return { family: 'returns', row: { ...subject, ...present([['reason', fact.dimensions.reason], ['units', v.units]]) } };
  }
}
