import { marketplaceOfId } from '../parse/marketplace-locale.ts';
import type { SalesAndTrafficPart } from '../parse/readers/json.ts';
import { decimalOfNumber, percentToFraction, type MoneyValue } from '../parse/values.ts';
import type { ImportedFact } from './imported-fact.ts';
import type { CellProblem } from './row-reader.ts';

/** What the report's `reportSpecification` says about every row. */
export interface SalesAndTrafficSpec {
  start: string | null;
  end: string | null;
  dateGranularity: string;
  asinGranularity: string;
  marketplace: string | null;
}

export function readSpecification(value: Record<string, unknown>): SalesAndTrafficSpec {
  const options = (value.reportOptions ?? {}) as Record<string, unknown>;
  const ids = Array.isArray(value.marketplaceIds) ? value.marketplaceIds : [];
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
  return {
    start: day(value.dataStartTime),
    end: day(value.dataEndTime),
    dateGranularity: String(options.dateGranularity ?? 'DAY').toUpperCase(),
    asinGranularity: String(options.asinGranularity ?? 'PARENT').toUpperCase(),
    marketplace: typeof ids[0] === 'string' ? marketplaceOfId(ids[0]) : null,
  };
}

type Obj = Record<string, unknown>;

/** Reads typed values from one JSON element, recording wrong types as problems with their JSON path. */
class JsonFields {
  readonly problems: CellProblem[] = [];
  constructor(private readonly prefix: string) {}

  count(obj: Obj | undefined, key: string, path: string): number | null {
    const value = obj?.[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problems.push({ column: `${this.prefix}.${path}.${key}`, reason: `${JSON.stringify(value)} is not a whole number` });
      return null;
    }
    return value;
  }

  percent(obj: Obj | undefined, key: string, path: string): number | null {
    const value = obj?.[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number') {
      this.problems.push({ column: `${this.prefix}.${path}.${key}`, reason: `${JSON.stringify(value)} is not a number` });
      return null;
    }
    return percentToFraction(value);
  }

  money(obj: Obj | undefined, key: string, path: string): MoneyValue | null {
    const value = obj?.[key] as { amount?: unknown; currencyCode?: unknown } | undefined | null;
    if (value === undefined || value === null) return null;
    if (typeof value.amount !== 'number' || typeof value.currencyCode !== 'string' || !/^[A-Z]{3}$/.test(value.currencyCode)) {
      this.problems.push({ column: `${this.prefix}.${path}.${key}`, reason: 'is not an amount with a currencyCode' });
      return null;
    }
    return { amount: decimalOfNumber(value.amount), currency: value.currencyCode };
  }
}

export type MappedElement = { facts: ImportedFact[]; problems: CellProblem[] };

/** One element of `salesAndTrafficByDate` or `salesAndTrafficByAsin` as facts. */
export function mapSalesAndTraffic(part: Exclude<SalesAndTrafficPart, { section: 'specification' }>, spec: SalesAndTrafficSpec, marketplace: string): MappedElement {
  const value = part.value;
  if (part.section === 'by_date') {
    const f = new JsonFields(`salesAndTrafficByDate[${part.index}]`);
    const date = typeof value.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? value.date : null;
    if (date === null) f.problems.push({ column: `salesAndTrafficByDate[${part.index}].date`, reason: 'is not a date YYYY-MM-DD' });
    if (spec.dateGranularity !== 'DAY') {
      f.problems.push({ column: 'reportSpecification.reportOptions.dateGranularity', reason: `is ${spec.dateGranularity}: facts are daily, so request the report with dateGranularity DAY` });
    }
    const sales = value.salesByDate as Obj | undefined;
    const traffic = value.trafficByDate as Obj | undefined;
    const values = {
      sessions: f.count(traffic, 'sessions', 'trafficByDate'),
      page_views: f.count(traffic, 'pageViews', 'trafficByDate'),
      buy_box_percentage: f.percent(traffic, 'buyBoxPercentage', 'trafficByDate'),
      units_ordered: f.count(sales, 'unitsOrdered', 'salesByDate'),
      ordered_product_sales: f.money(sales, 'orderedProductSales', 'salesByDate'),
      order_items: f.count(sales, 'totalOrderItems', 'salesByDate'),
    };
    if (f.problems.length > 0 || date === null) return { facts: [], problems: f.problems };
    return { facts: [{ family: 'traffic_sales', date, marketplace, product: null, dimensions: {}, values }], problems: [] };
  }

  const f = new JsonFields(`salesAndTrafficByAsin[${part.index}]`);
  const asin = typeof value.childAsin === 'string' ? value.childAsin : null;
  const sku = typeof value.sku === 'string' ? value.sku : null;
  const parent = typeof value.parentAsin === 'string' ? value.parentAsin : null;
  if (asin === null) {
    f.problems.push({ column: `salesAndTrafficByAsin[${part.index}].childAsin`, reason: 'is missing: request the report with asinGranularity CHILD or SKU' });
  }
  // By-ASIN totals cover the whole report period: they are a day's facts only when the period is one day.
  if (spec.start === null || spec.start !== spec.end) {
    f.problems.push({
      column: 'reportSpecification.dataStartTime',
      reason: `the ASIN totals cover ${spec.start ?? '?'} to ${spec.end ?? '?'}: facts are daily, so request one day per report`,
    });
  }
  const sales = value.salesByAsin as Obj | undefined;
  const traffic = value.trafficByAsin as Obj | undefined;
  const values = {
    sessions: f.count(traffic, 'sessions', 'trafficByAsin'),
    page_views: f.count(traffic, 'pageViews', 'trafficByAsin'),
    buy_box_percentage: f.percent(traffic, 'buyBoxPercentage', 'trafficByAsin'),
    units_ordered: f.count(sales, 'unitsOrdered', 'salesByAsin'),
    ordered_product_sales: f.money(sales, 'orderedProductSales', 'salesByAsin'),
    order_items: f.count(sales, 'totalOrderItems', 'salesByAsin'),
  };
  if (f.problems.length > 0 || asin === null || spec.start === null) return { facts: [], problems: f.problems };
  return {
    facts: [{ family: 'traffic_sales', date: spec.start, marketplace, product: { asin, sku, parent_asin: parent }, dimensions: {}, values }],
    problems: [],
  };
}
