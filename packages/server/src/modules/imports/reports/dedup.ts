import type { ImportedFact } from './imported-fact.ts';

const TRAFFIC_KEYS = ['sessions', 'page_views', 'buy_box_percentage'] as const;

/**
 * Business Reports repeat data, and each fact must count once:
 * - the same child ASIN and SKU can be listed under two parent ASINs: the second row adds nothing;
 * - a report by child item with SKU repeats an ASIN's sessions, page views and buy box
 *   share on each SKU row of that ASIN: traffic belongs to the ASIN, so it stays on the
 *   first SKU row and is dropped from the others, while units and sales stay with each SKU.
 * Memory grows with the number of distinct ASINs and SKUs in the report, not its size.
 */
export class BusinessReportDedup {
  private readonly seenProducts = new Set<string>();
  private readonly trafficOwner = new Map<string, string>();

  /** The fact as it should be written, or a reason to skip the row. */
  apply(fact: ImportedFact): ImportedFact | { skip: string } {
    const p = fact.product;
    if (fact.family !== 'traffic_sales' || !p?.asin) return fact;
    const productKey = `${fact.marketplace}\0${fact.date}\0${p.asin}\0${p.sku ?? ''}`;
    if (this.seenProducts.has(productKey)) return { skip: `child ASIN ${p.asin}${p.sku ? ` with SKU ${p.sku}` : ''} already counted under another parent` };
    this.seenProducts.add(productKey);
    const asinKey = `${fact.marketplace}\0${fact.date}\0${p.asin}`;
    const owner = this.trafficOwner.get(asinKey);
    if (owner === undefined) {
      this.trafficOwner.set(asinKey, p.sku ?? '');
      return fact;
    }
    const values = { ...fact.values };
    for (const key of TRAFFIC_KEYS) delete values[key];
    return { ...fact, values };
  }
}
