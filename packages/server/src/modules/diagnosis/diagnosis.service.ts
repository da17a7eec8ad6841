import type { Compare, Diagnosis, DiagnosisCause, DiagnosisDecomposition, DiagnosisScopeType, DiagnosisUnknown, FactFamily, Marketplace } from '@sellerops/schemas';
import type { ServiceContext } from '../../lib/context.ts';
import { BadRequest, NotFound } from '../../lib/errors.ts';
import { normalizeMarketplace } from '../metrics/marketplaces.ts';
import { PARTS } from '../metrics/measures.ts';
import { seriesRows } from '../metrics/series.repository.ts';
import { adCandidate, buyBoxCandidate, keywordCandidates, priceCandidate, reviewsCandidate, stockoutCandidate, type Evidence } from './candidates.ts';
import { allocate, effect, PAGE_SIZE, pct, rankCauses, type CandidateCause, type Pair } from './causes.ts';
import { DECOMPOSITION_METHOD, microsText, splitSales, splitUnits, toMicros, type UnitsSplit } from './decomposition.ts';
import { comparedRange, diagnosedRange, type PeriodInput } from './diagnosis-periods.ts';
import * as repo from './diagnosis.repository.ts';
import { measure, type Measured } from './evidence.ts';

/** The measure parts a diagnosis reads through the series query (stock-outs, keywords and competitors have their own). */
const DIAGNOSIS_PARTS = PARTS.filter((p) =>
  [
    'sessions',
    'page_views',
    'units_ordered',
    'ordered_product_sales',
    'buy_box_sessions',
    'buy_box_weight',
    'impressions',
    'clicks',
    'ad_spend',
    'ad_sales',
    'ad_units',
    'new_reviews',
    'negative_reviews',
    'review_count',
    'rating_weight',
  ].includes(p.key),
);

export interface DiagnosisRequest extends PeriodInput {
  compare?: Compare | undefined;
}

export interface ScopeRequest extends DiagnosisRequest {
  parent_asin?: string | undefined;
  product_line?: string | undefined;
  marketplace?: string | undefined;
}

interface Scope {
  type: DiagnosisScopeType;
  filter: repo.ScopeFilter;
}

export async function diagnoseProduct(ctx: ServiceContext, productId: string, input: DiagnosisRequest): Promise<Diagnosis> {
  return diagnose(ctx, { type: 'product', filter: { productId } }, input);
}

/** A parent ASIN's children, a product line's products, or (with neither) every product of the workspace, diagnosed together. */
export async function diagnoseGroup(ctx: ServiceContext, input: ScopeRequest): Promise<Diagnosis> {
  const { parent_asin, product_line, marketplace, ...period } = input;
  if (parent_asin !== undefined && product_line !== undefined) {
    throw new BadRequest('validation_failed', 'Give parent_asin or product_line, not both (for one product: GET /v1/products/{id}/diagnosis).', [
      { path: '/querystring/product_line', message: 'give parent_asin or product_line' },
    ]);
  }
  const filter = { parentAsin: parent_asin, productLine: product_line, marketplace: marketplace ? normalizeMarketplace(marketplace) : undefined };
  const type = parent_asin !== undefined ? 'parent_asin' : product_line !== undefined ? 'product_line' : 'workspace';
  return diagnose(ctx, { type, filter }, period);
}

async function diagnose(ctx: ServiceContext, scope: Scope, input: DiagnosisRequest): Promise<Diagnosis> {
  const current = diagnosedRange(input);
  const compare = input.compare ?? 'previous_period';
  const previous = comparedRange(current, compare);
  const products = await repo.scopeProducts(ctx.db, ctx.workspaceId, scope.filter);
  // An empty catalog is a workspace without data (200, every cause unknown); an empty product, parent or line is not there (404).
  if (products.length === 0 && scope.type !== 'workspace') {
    const f = scope.filter;
    if (f.productId !== undefined) throw new NotFound('Product', f.productId);
    throw new NotFound(f.parentAsin !== undefined ? `Products of parent ASIN ${f.parentAsin}` : `Products of product line ${f.productLine}`);
  }
  const ids = products.map((p) => p.id);
  const ranges = { previous, current };
  const series = (r: { from: string; to: string }) =>
    seriesRows(ctx.db, ctx.workspaceId, { from: r.from, to: r.to, grain: 'all', groupBy: 'none', parts: DIAGNOSIS_PARTS, filters: { productIds: ids } });
  const [now, before, stock, keywords, competitors] = await Promise.all([
    series(current),
    series(previous),
    repo.stockStats(ctx.db, ctx.workspaceId, ids, ranges),
    repo.keywordStats(ctx.db, ctx.workspaceId, ids, ranges, PAGE_SIZE),
    repo.competitorStats(ctx.db, ctx.workspaceId, ids, ranges),
  ]);
  const measured = measure({ series: { previous: before[0], current: now[0] }, stock, keywords, competitors });
  const e = measured.evidence;

  const split = both(e.sessions) && both(e.units) ? splitUnits(e.sessions.previous, e.units.previous, e.sessions.current, e.units.current) : null;
  const marketplaces = [...new Set(products.map((p) => p.marketplace))];
  return {
    object: 'diagnosis',
    scope: {
      type: scope.type,
      product_id: scope.filter.productId ?? null,
      parent_asin: scope.filter.parentAsin ?? null,
      product_line: scope.filter.productLine ?? null,
      marketplace: (marketplaces.length === 1 ? marketplaces[0] : null) as Marketplace | null,
      product_ids: ids,
    },
    compare,
    period: current,
    previous_period: previous,
    decomposition: split ? decomposition(split, measured) : null,
    traffic: measured.traffic,
    conversion: measured.conversion,
    causes: split ? causesOf(split, e) : [],
    unknown: unknownsOf(measured, split),
  };
}

const both = <T>(p: Pair<T>): p is { previous: T; current: T } => p.previous !== null && p.current !== null;

function decomposition(split: UnitsSplit, m: Measured): DiagnosisDecomposition {
  const e = m.evidence;
  const u0 = e.units.previous!;
  const u1 = e.units.current!;
  const currency = m.salesCurrency.previous;
  const salesKnown = both(m.sales) && currency !== null && currency === m.salesCurrency.current;
  const sales = salesKnown ? splitSales(m.sales.previous!, m.sales.current!, { u0, u1, trafficPart: split.trafficPart, conversionPart: split.conversionPart }) : null;
  const money = (micros: bigint) => ({ amount: microsText(micros), currency: currency! });
  return {
    method: DECOMPOSITION_METHOD,
    units: {
      previous: u0,
      current: u1,
      change: split.change,
      traffic_part: split.trafficPart,
      conversion_part: split.conversionPart,
      sessions: e.sessions,
      conversion: m.conversion.conversion,
    },
    sales:
      sales === null
        ? null
        : {
            previous: money(toMicros(m.sales.previous!)),
            current: money(toMicros(m.sales.current!)),
            change: money(sales.change),
            traffic_part: money(sales.trafficPart),
            conversion_part: money(sales.conversionPart),
            price_part: money(sales.pricePart),
            average_price: m.conversion.own_price,
          },
  };
}

function causesOf(split: UnitsSplit, e: Evidence): DiagnosisCause[] {
  const meanConversion = (split.c0 + split.c1) / 2;
  const ad = adCandidate(e, meanConversion);
  const organicSessions: Pair<number> = ad
    ? { previous: Math.max(0, e.sessions.previous! - e.adClicks.previous!), current: Math.max(0, e.sessions.current! - e.adClicks.current!) }
    : e.sessions;
  const keywords = keywordCandidates(e, organicSessions, meanConversion);
  const traffic = allocate(split.trafficPart - (ad?.estimate ?? 0), keywords.map((k) => k.estimate));

  const baseUnits = e.units.previous! > 0 ? e.units.previous! : e.units.current!;
  const conversionCandidates = [priceCandidate(e, baseUnits), buyBoxCandidate(e, baseUnits), reviewsCandidate(e, baseUnits), stockoutCandidate(e)].filter(
    (c): c is CandidateCause => c !== null,
  );
  const conversion = allocate(split.conversionPart, conversionCandidates.map((c) => c.estimate));

  const causes: Array<{ candidate: CandidateCause; units: number }> = [
    ...(ad ? [{ candidate: ad, units: ad.estimate }] : []),
    ...keywords.map((candidate, i) => ({ candidate, units: traffic.allocated[i]! })),
    { candidate: otherTraffic(e, split), units: traffic.rest },
    ...conversionCandidates.map((candidate, i) => ({ candidate, units: conversion.allocated[i]! })),
    { candidate: otherConversion(e, split), units: conversion.rest },
  ];
  return rankCauses(causes, split.change);
}

function otherTraffic(e: Evidence, split: UnitsSplit): CandidateCause {
  return {
    key: 'other_traffic',
    type: 'other_traffic',
    part: 'traffic',
    estimate: 0,
    evidence: { sessions_previous: e.sessions.previous, sessions_current: e.sessions.current, traffic_part: split.trafficPart },
    explain: (units) =>
      `Sessions went from ${e.sessions.previous} to ${e.sessions.current}; the part of it that tracked keywords and ad clicks do not account for is ${effect(units)} ` +
      '(untracked keywords, other placements, outside traffic or seasonality).',
  };
}

function otherConversion(e: Evidence, split: UnitsSplit): CandidateCause {
  return {
    key: 'other_conversion',
    type: 'other_conversion',
    part: 'conversion',
    estimate: 0,
    evidence: { conversion_previous: split.c0, conversion_current: split.c1, conversion_part: split.conversionPart },
    explain: (units) =>
      `Conversion went from ${pct(split.c0)} to ${pct(split.c1)}; the part that price, buy box, reviews and stock do not account for is ${effect(units)} ` +
      '(listing content, deals and coupons, delivery promise, or seasonality).',
  };
}

const missingPeriods = (p: Pair<unknown>): Array<'previous' | 'current'> => (['previous', 'current'] as const).filter((s) => p[s] === null || p[s] === false);

/** Causes that cannot be judged because a period lacks their data: named, never guessed. */
function unknownsOf(m: Measured, split: UnitsSplit | null): DiagnosisUnknown[] {
  const e = m.evidence;
  const unknown: DiagnosisUnknown[] = [];
  const add = (type: DiagnosisUnknown['type'], part: DiagnosisUnknown['part'], missing: FactFamily[], periods: Array<'previous' | 'current'>, what: string) => {
    if (periods.length === 0) return;
    const when = periods.length === 2 ? 'either period' : `the ${periods[0]} period`;
    unknown.push({ type, part, missing, periods, explanation: `No ${what} in ${when}: this cause cannot be judged.` });
  };
  if (!split) {
    const periods = [...new Set([...missingPeriods(e.sessions), ...missingPeriods(e.units)])].sort().reverse() as Array<'previous' | 'current'>;
    add('decomposition', 'both', ['traffic_sales'], periods, 'sessions and units ordered (traffic_sales facts)');
  }
  add('keyword_rank', 'traffic', ['keyword_ranks'], missingPeriods(m.hasKeywords), 'keyword ranks');
  add('ad_traffic', 'traffic', ['ads'], missingPeriods(e.adClicks), 'ad clicks (ads facts)');
  const competitorPeriods = missingPeriods(m.hasCompetitors);
  if (competitorPeriods.length > 0) add('price', 'conversion', ['competitor_snapshots'], competitorPeriods, 'competitor snapshots');
  else if (e.competitorsCompared === 0) {
    unknown.push({ type: 'price', part: 'conversion', missing: ['competitor_snapshots'], periods: ['previous', 'current'], explanation: 'No tracked competitor has a price in both periods (in our currency): the price comparison cannot be judged.' });
  } else add('price', 'conversion', ['traffic_sales'], missingPeriods(e.ownPrice), 'own average selling price (units and sales)');
  add('buy_box', 'conversion', ['traffic_sales'], missingPeriods(e.buyBox), 'buy box percentage');
  add('reviews', 'conversion', ['reviews'], missingPeriods(e.negativeReviews), 'reviews facts');
  add('stockout', 'conversion', ['inventory'], missingPeriods(e.stockoutDays), 'inventory snapshots');
  return unknown;
}
