import type { DiagnosisConversion, DiagnosisTraffic, KeywordMovement, Money } from '@sellerops/schemas';
import type { SeriesRow } from '../metrics/series.repository.ts';
import { divideMoney } from '../metrics/measures.ts';
import type { Evidence } from './candidates.ts';
import type { Pair } from './causes.ts';
import { microsText, toMicros } from './decomposition.ts';
import type { CompetitorRow, KeywordRow, Side, StockRow } from './diagnosis.repository.ts';

/** Turns the rows of the two periods into the numbers of the diagnosis: what it shows, and what the causes read. */

export interface PeriodRows {
  series: Record<Side, SeriesRow | undefined>;
  stock: StockRow[];
  keywords: KeywordRow[];
  competitors: CompetitorRow[];
}

const SIDES: Side[] = ['previous', 'current'];
const pair = <T>(f: (side: Side) => T | null): Pair<T> => ({ previous: f('previous'), current: f('current') });
const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits + 0);

export interface Measured {
  evidence: Evidence;
  traffic: DiagnosisTraffic;
  conversion: DiagnosisConversion;
  sales: Pair<string>;
  salesCurrency: Pair<string>;
  /** Sides with rows of a family, for naming what is unknown. */
  hasKeywords: Pair<boolean>;
  hasCompetitors: Pair<boolean>;
}

export function measure(rows: PeriodRows): Measured {
  const num = (side: Side, key: string): number | null => {
    const v = rows.series[side]?.[key];
    return v === null || v === undefined ? null : Number(v);
  };
  const text = (side: Side, key: string): string | null => {
    const v = rows.series[side]?.[key];
    return v === null || v === undefined ? null : String(v);
  };
  const currency = (side: Side, family: 'traffic_sales' | 'ads') => text(side, `cur_${family}`);
  const money = (side: Side, key: string, family: 'traffic_sales' | 'ads'): Money | null => {
    const amount = text(side, key);
    const cur = currency(side, family);
    return amount === null || cur === null ? null : { amount: microsText(toMicros(amount)), currency: cur };
  };
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

  const sessions = pair((s) => num(s, 'sessions'));
  const units = pair((s) => num(s, 'units_ordered'));
  const adUnits = pair((s) => num(s, 'ad_units'));
  const ownPriceMoney = pair<Money>((s) => {
    const amount = text(s, 'ordered_product_sales');
    const u = num(s, 'units_ordered');
    const cur = currency(s, 'traffic_sales');
    return amount === null || !u || cur === null ? null : { amount: divideMoney(amount, u), currency: cur };
  });
  const organicSales = pair<Money>((s) => {
    const total = money(s, 'ordered_product_sales', 'traffic_sales');
    const ads = money(s, 'ad_sales', 'ads');
    return total === null || ads === null || total.currency !== ads.currency ? null : { amount: microsText(toMicros(total.amount) - toMicros(ads.amount)), currency: total.currency };
  });

  // Competitors seen in both periods, in our currency, so that a competitor appearing or leaving does not move the average.
  const ourCurrency = currency('current', 'traffic_sales') ?? currency('previous', 'traffic_sales');
  const priced = rows.competitors.filter((c) => c.price !== null && (ourCurrency === null || c.currency === ourCurrency));
  const firstCurrency = priced[0]?.currency ?? null;
  const inBoth = [...new Set(priced.map((c) => c.competitor_asin))].filter((asin) =>
    SIDES.every((side) => priced.some((c) => c.competitor_asin === asin && c.side === side && c.currency === firstCurrency)),
  );
  const competitorPriceMoney = pair<Money>((side) => {
    const prices = priced.filter((c) => c.side === side && inBoth.includes(c.competitor_asin) && c.currency === firstCurrency);
    if (prices.length === 0 || firstCurrency === null) return null;
    const sum = prices.reduce((total, c) => total + toMicros(c.price!), 0n);
    return { amount: divideMoney(microsText(sum), prices.length), currency: firstCurrency };
  });
  const amount = (m: Money | null) => (m === null ? null : Number(m.amount));
  const ownPrice = pair((s) => amount(ownPriceMoney[s]));
  const competitorPrice = pair((s) => amount(competitorPriceMoney[s]));
  const sameCurrency = ownPriceMoney.current?.currency === competitorPriceMoney.current?.currency;
  const priceIndex = pair((s) => (sameCurrency ? ratio(ownPrice[s], competitorPrice[s]) : null));

  const stock = (side: Side) => rows.stock.find((r) => r.side === side);
  const rate = (side: Side) => {
    const r = stock(side);
    return r && r.in_stock_days > 0 && r.in_stock_units !== null ? r.in_stock_units / r.in_stock_days : null;
  };
  const reviewsKnown = (side: Side) => ['negative_reviews', 'review_count', 'rating_weight', 'new_reviews'].some((k) => num(side, k) !== null);

  const keywords = keywordMovements(rows.keywords);
  const evidence: Evidence = {
    sessions,
    units,
    adClicks: pair((s) => num(s, 'clicks')),
    adImpressions: pair((s) => num(s, 'impressions')),
    keywords,
    ownPrice,
    competitorPrice,
    priceIndex,
    competitorsCompared: inBoth.length,
    buyBox: pair((s) => ratio(num(s, 'buy_box_sessions'), num(s, 'buy_box_weight'))),
    rating: pair((s) => ratio(num(s, 'rating_weight'), num(s, 'review_count'))),
    reviewCount: pair((s) => num(s, 'review_count')),
    negativeReviews: pair((s) => (reviewsKnown(s) ? (num(s, 'negative_reviews') ?? 0) : null)),
    stockoutDays: pair((s) => stock(s)?.stockout_days ?? null),
    dailyRate: rate('previous') ?? rate('current'),
  };

  const traffic: DiagnosisTraffic = {
    sessions,
    page_views: pair((s) => num(s, 'page_views')),
    keywords,
    ad_impressions: evidence.adImpressions,
    ad_clicks: evidence.adClicks,
    ad_spend: pair((s) => money(s, 'ad_spend', 'ads')),
    ad_units: adUnits,
    organic_units: pair((s) => (units[s] === null || adUnits[s] === null ? null : units[s]! - adUnits[s]!)),
    ad_sales: pair((s) => money(s, 'ad_sales', 'ads')),
    organic_sales: organicSales,
  };
  const conversion: DiagnosisConversion = {
    conversion: pair((s) => ratio(units[s], sessions[s])),
    own_price: ownPriceMoney,
    competitor_price: competitorPriceMoney,
    price_index: pair((s) => round(priceIndex[s], 4)),
    buy_box_percentage: pair((s) => round(evidence.buyBox[s], 4)),
    rating: pair((s) => round(evidence.rating[s], 3)),
    review_count: evidence.reviewCount,
    negative_reviews: evidence.negativeReviews,
    stockout_days: evidence.stockoutDays,
  };
  return {
    evidence,
    traffic,
    conversion,
    sales: pair((s) => text(s, 'ordered_product_sales')),
    salesCurrency: pair((s) => currency(s, 'traffic_sales')),
    hasKeywords: pair((s) => rows.keywords.some((k) => k.side === s)),
    hasCompetitors: pair((s) => rows.competitors.some((c) => c.side === s)),
  };
}

/**
 * Per keyword, the two periods side by side. Visibility = search volume x the average
 * position weight (1 / rank on page one, 0 beyond it or unranked); a keyword without a
 * known volume counts as one search, so that its rank still weighs.
 */
function keywordMovements(rows: KeywordRow[]): KeywordMovement[] {
  const byKeyword = new Map<string, Partial<Record<Side, KeywordRow>>>();
  for (const row of rows) byKeyword.set(row.keyword, { ...byKeyword.get(row.keyword), [row.side]: row });
  const movements = [...byKeyword.entries()].map(([keyword, sides]): KeywordMovement => {
    const volumes = SIDES.map((s) => sides[s]?.search_volume ?? null).filter((v): v is number => v !== null);
    const volume = (side: Side) => sides[side]?.search_volume ?? (volumes.length ? Math.max(...volumes) : 1);
    const visibility = (side: Side, weight: 'organic_weight' | 'sponsored_weight') => {
      const row = sides[side];
      return row ? round(volume(side) * row[weight], 4) : null;
    };
    return {
      keyword,
      search_volume: volumes.length ? Math.max(...volumes) : null,
      organic_rank: pair((s) => round(sides[s]?.organic_rank ?? null, 2)),
      sponsored_rank: pair((s) => round(sides[s]?.sponsored_rank ?? null, 2)),
      page_one_days: pair((s) => sides[s]?.page_one_days ?? null),
      organic_visibility: pair((s) => visibility(s, 'organic_weight')),
      sponsored_visibility: pair((s) => visibility(s, 'sponsored_weight')),
    };
  });
  const change = (k: KeywordMovement) => Math.abs((k.organic_visibility.current ?? 0) - (k.organic_visibility.previous ?? 0));
  return movements.sort((a, b) => change(b) - change(a) || a.keyword.localeCompare(b.keyword));
}
