import type { KeywordMovement } from '@sellerops/schemas';
import {
  effect,
  fmt,
  NEGATIVE_REVIEW_EFFECT,
  pct,
  PRICE_ELASTICITY,
  RATING_EFFECT_PER_STAR,
  REVIEW_COUNT_EFFECT,
  type CandidateCause,
  type Pair,
} from './causes.ts';

/** What the diagnosis knows of the two periods, as plain numbers (null: no data). */
export interface Evidence {
  sessions: Pair<number>;
  units: Pair<number>;
  adClicks: Pair<number>;
  adImpressions: Pair<number>;
  keywords: KeywordMovement[];
  ownPrice: Pair<number>;
  competitorPrice: Pair<number>;
  priceIndex: Pair<number>;
  competitorsCompared: number;
  buyBox: Pair<number>;
  rating: Pair<number>;
  reviewCount: Pair<number>;
  negativeReviews: Pair<number>;
  stockoutDays: Pair<number>;
  /** Units per in-stock day (product-day), from the compared period when it has any. */
  dailyRate: number | null;
}

const money = (n: number | null) => (n === null ? 'unknown' : n.toFixed(2));
const both = <T>(p: Pair<T>): p is { previous: T; current: T } => p.previous !== null && p.current !== null;
const delta = (p: Pair<number>) => (both(p) ? p.current - p.previous : null);

/** Ad clicks land on the detail page: their change is a measured change of sessions, worth the mean conversion each. */
export function adCandidate(e: Evidence, meanConversion: number): CandidateCause | null {
  if (!both(e.adClicks)) return null;
  const clicks = e.adClicks.current - e.adClicks.previous;
  const lostSponsored = e.keywords
    .filter((k) => both(k.sponsored_visibility) && k.sponsored_visibility.current < k.sponsored_visibility.previous)
    .sort((a, b) => a.sponsored_visibility.current! - a.sponsored_visibility.previous! - (b.sponsored_visibility.current! - b.sponsored_visibility.previous!))
    .slice(0, 3)
    .map((k) => k.keyword);
  return {
    key: 'ad_traffic',
    type: 'ad_traffic',
    part: 'traffic',
    estimate: clicks * meanConversion,
    evidence: {
      ad_clicks_previous: e.adClicks.previous,
      ad_clicks_current: e.adClicks.current,
      ad_impressions_previous: e.adImpressions.previous,
      ad_impressions_current: e.adImpressions.current,
      mean_conversion: meanConversion,
      keywords_losing_sponsored_rank: lostSponsored.length ? lostSponsored.join(', ') : null,
    },
    explain: (units) =>
      `Ad clicks went from ${e.adClicks.previous} to ${e.adClicks.current} (impressions ${fmt(e.adImpressions.previous, 0)} to ${fmt(e.adImpressions.current, 0)})` +
      `${lostSponsored.length ? `, with sponsored rank lost on ${lostSponsored.join(', ')}` : ''}: at ${pct(meanConversion)} conversion that is ${effect(units)}.`,
  };
}

/**
 * A keyword's organic visibility is its search volume times the position weight of its
 * rank; the tracked keywords are taken to bring the organic sessions, so a change of
 * visibility is worth its share of them.
 */
export function keywordCandidates(e: Evidence, organicSessions: Pair<number>, meanConversion: number): CandidateCause[] {
  const compared = e.keywords.filter((k) => both(k.organic_visibility));
  const visibility = compared.reduce((sum, k) => sum + k.organic_visibility.previous! + k.organic_visibility.current!, 0);
  if (!both(organicSessions) || visibility === 0) return [];
  const sessionsPerVisibility = (organicSessions.previous + organicSessions.current) / visibility;
  return compared
    .filter((k) => k.organic_visibility.current !== k.organic_visibility.previous)
    .map((k) => {
      const change = k.organic_visibility.current! - k.organic_visibility.previous!;
      const page = (p: number | null) => (p === null ? 'unranked' : `rank ${fmt(p, 1)}`);
      const pageOne = k.page_one_days.previous! > 0 && k.page_one_days.current === 0 ? ', off page one' : k.page_one_days.previous === 0 && k.page_one_days.current! > 0 ? ', onto page one' : '';
      return {
        key: `keyword_rank:${k.keyword}`,
        type: 'keyword_rank' as const,
        part: 'traffic' as const,
        estimate: change * sessionsPerVisibility * meanConversion,
        evidence: {
          keyword: k.keyword,
          search_volume: k.search_volume,
          organic_rank_previous: k.organic_rank.previous,
          organic_rank_current: k.organic_rank.current,
          page_one_days_previous: k.page_one_days.previous,
          page_one_days_current: k.page_one_days.current,
          sponsored_rank_previous: k.sponsored_rank.previous,
          sponsored_rank_current: k.sponsored_rank.current,
          organic_visibility_previous: k.organic_visibility.previous,
          organic_visibility_current: k.organic_visibility.current,
          visibility_share: Math.round((Math.abs(change) / visibility) * 10_000) / 10_000,
        },
        explain: (units: number) =>
          `"${k.keyword}"${k.search_volume !== null ? ` (${k.search_volume} searches a month)` : ''} went from organic ${page(k.organic_rank.previous)} to ${page(k.organic_rank.current)}` +
          `${pageOne}: ${change < 0 ? 'fewer' : 'more'} shoppers find the listing in search, ${effect(units)}.`,
      };
    });
}

/** Own price against the tracked competitors: units follow (price index ratio) ^ elasticity. */
export function priceCandidate(e: Evidence, baseUnits: number): CandidateCause | null {
  if (!both(e.priceIndex) || e.priceIndex.previous === 0) return null;
  const ratio = e.priceIndex.current / e.priceIndex.previous;
  if (ratio === 1) return null;
  const ownMoved = both(e.ownPrice) && e.ownPrice.current !== e.ownPrice.previous;
  const theirsMoved = both(e.competitorPrice) && e.competitorPrice.current !== e.competitorPrice.previous;
  const who = theirsMoved && !ownMoved ? 'Competitors changed their price' : ownMoved && !theirsMoved ? 'Our price changed' : 'Prices moved';
  return {
    key: 'price',
    type: 'price',
    part: 'conversion',
    estimate: baseUnits * (ratio ** PRICE_ELASTICITY - 1),
    evidence: {
      own_price_previous: e.ownPrice.previous,
      own_price_current: e.ownPrice.current,
      competitor_price_previous: e.competitorPrice.previous,
      competitor_price_current: e.competitorPrice.current,
      price_index_previous: Math.round(e.priceIndex.previous * 10_000) / 10_000,
      price_index_current: Math.round(e.priceIndex.current * 10_000) / 10_000,
      competitors_compared: e.competitorsCompared,
      elasticity: PRICE_ELASTICITY,
    },
    explain: (units) =>
      `${who}: ours ${money(e.ownPrice.previous)} -> ${money(e.ownPrice.current)} against the competitors' average ${money(e.competitorPrice.previous)} -> ${money(e.competitorPrice.current)}, ` +
      `so we are ${ratio > 1 ? 'relatively dearer' : 'relatively cheaper'} (price index ${fmt(e.priceIndex.previous, 3)} -> ${fmt(e.priceIndex.current, 3)}): ${effect(units)}.`,
  };
}

/** Sessions without the buy box rarely buy from us: units follow the buy box percentage. */
export function buyBoxCandidate(e: Evidence, baseUnits: number): CandidateCause | null {
  if (!both(e.buyBox) || e.buyBox.previous === 0 || e.buyBox.current === e.buyBox.previous) return null;
  return {
    key: 'buy_box',
    type: 'buy_box',
    part: 'conversion',
    estimate: baseUnits * (e.buyBox.current / e.buyBox.previous - 1),
    evidence: { buy_box_percentage_previous: e.buyBox.previous, buy_box_percentage_current: e.buyBox.current },
    explain: (units) => `The buy box went from ${fmt(e.buyBox.previous, 1)}% to ${fmt(e.buyBox.current, 1)}% of sessions: ${effect(units)}.`,
  };
}

/** Rating, number of ratings and new negative reviews: what a shopper reads before buying. */
export function reviewsCandidate(e: Evidence, baseUnits: number): CandidateCause | null {
  const rating = delta(e.rating);
  const negatives = delta(e.negativeReviews);
  const countRatio = both(e.reviewCount) && e.reviewCount.previous > 0 && e.reviewCount.current > 0 ? e.reviewCount.current / e.reviewCount.previous : null;
  if (rating === null && negatives === null && countRatio === null) return null;
  const share = RATING_EFFECT_PER_STAR * (rating ?? 0) + REVIEW_COUNT_EFFECT * Math.log(countRatio ?? 1) - NEGATIVE_REVIEW_EFFECT * (negatives ?? 0);
  if (share === 0) return null;
  const parts = [
    rating !== null && rating !== 0 ? `the rating went from ${fmt(e.rating.previous)} to ${fmt(e.rating.current)} stars` : null,
    negatives ? `${e.negativeReviews.current} new 1-3 star reviews against ${e.negativeReviews.previous} before` : null,
    countRatio !== null && countRatio !== 1 ? `ratings ${e.reviewCount.previous} -> ${e.reviewCount.current}` : null,
  ].filter(Boolean);
  return {
    key: 'reviews',
    type: 'reviews',
    part: 'conversion',
    estimate: baseUnits * share,
    evidence: {
      rating_previous: e.rating.previous,
      rating_current: e.rating.current,
      review_count_previous: e.reviewCount.previous,
      review_count_current: e.reviewCount.current,
      negative_reviews_previous: e.negativeReviews.previous,
      negative_reviews_current: e.negativeReviews.current,
    },
    explain: (units) => `${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}: ${effect(units)}.`,
  };
}

/** A day without sellable stock sells nothing: lost units are the extra stock-out days at the in-stock daily pace. */
export function stockoutCandidate(e: Evidence): CandidateCause | null {
  const days = delta(e.stockoutDays);
  if (days === null || days === 0 || e.dailyRate === null) return null;
  const rate = e.dailyRate;
  return {
    key: 'stockout',
    type: 'stockout',
    part: 'conversion',
    estimate: -days * rate,
    evidence: { stockout_days_previous: e.stockoutDays.previous, stockout_days_current: e.stockoutDays.current, units_per_in_stock_day: Math.round(rate * 100) / 100 },
    explain: (units) =>
      `${e.stockoutDays.current} day${e.stockoutDays.current === 1 ? '' : 's'} out of stock against ${e.stockoutDays.previous} before, at ${fmt(rate, 1)} units a day in stock: ${effect(units)}.`,
  };
}
