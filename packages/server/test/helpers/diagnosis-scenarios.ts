import type { TestApp } from './app.ts';
import { makeProduct, postFacts } from './metrics-factories.ts';

/**
 * Known stories of a product, written as daily facts through the API: two ISO weeks,
 * 2026-W46 (the compared week) and 2026-W47 (the diagnosed week). A story changes one
 * or two things from a steady baseline; the diagnosis must find them.
 */

export const PREVIOUS_WEEK = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15'];
export const CURRENT_WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

export interface Day {
  sessions: number;
  units: number;
  /** Own selling price per unit, decimal text. */
  price: string;
  adClicks: number;
  adImpressions: number;
  adUnits: number;
  buyBox: number;
  fulfillable: number;
  rating: number;
  reviewCount: number;
  negativeReviews: number;
  /** Keyword -> [organic rank or null, sponsored rank or null]. */
  ranks: Record<string, [number | null, number | null]>;
  competitorPrice: string;
}

export const SEARCH_VOLUMES: Record<string, number> = { 'desk lamp': 20_000, 'led desk lamp': 5_000 };

export const STEADY: Day = {
  sessions: 200,
  units: 20,
  price: '25.00',
  adClicks: 30,
  adImpressions: 3000,
  adUnits: 3,
  buyBox: 100,
  fulfillable: 500,
  rating: 4.6,
  reviewCount: 1000,
  negativeReviews: 0,
  ranks: { 'desk lamp': [4, 2], 'led desk lamp': [10, 5] },
  competitorPrice: '25.00',
};

const cents = (price: string, units: number) => ((Math.round(Number(price) * 100) * units) / 100).toFixed(2);

/** Posts one family's rows, failing loudly: a scenario that did not load proves nothing. */
async function post(h: TestApp, family: string, rows: unknown[]) {
  const res = await postFacts(h, family, rows);
  if (res.statusCode !== 200 || res.json().rejected.length > 0) throw new Error(`scenario ${family}: ${res.statusCode} ${res.body.slice(0, 500)}`);
}

/** Writes the days of both weeks for a product: `previous(i)` and `current(i)` give day i of each week. */
export async function writeStory(h: TestApp, productId: string, previous: (i: number) => Day, current: (i: number) => Day) {
  const days = [...PREVIOUS_WEEK.map((date, i) => ({ date, d: previous(i) })), ...CURRENT_WEEK.map((date, i) => ({ date, d: current(i) }))];
  const at = (date: string) => ({ product_id: productId, date });
  await post(
    h,
    'traffic_sales',
    days.map(({ date, d }) => ({
      ...at(date),
      sessions: d.sessions,
      page_views: d.sessions * 2,
      units_ordered: d.units,
      ordered_product_sales: { amount: cents(d.price, d.units), currency: 'USD' },
      buy_box_percentage: d.buyBox,
    })),
  );
  await post(
    h,
    'ads',
    days.map(({ date, d }) => ({
      ...at(date),
      impressions: d.adImpressions,
      clicks: d.adClicks,
      spend: { amount: (d.adClicks * 0.8).toFixed(2), currency: 'USD' },
      sales: { amount: cents(d.price, d.adUnits), currency: 'USD' },
      orders: d.adUnits,
      units: d.adUnits,
    })),
  );
  await post(h, 'inventory', days.map(({ date, d }) => ({ ...at(date), fulfillable: d.fulfillable, inbound: 0 })));
  await post(h, 'reviews', days.map(({ date, d }) => ({ ...at(date), rating: d.rating, review_count: d.reviewCount, negative_reviews: d.negativeReviews, new_reviews: d.negativeReviews + 1 })));
  await post(
    h,
    'keyword_ranks',
    days.flatMap(({ date, d }) =>
      Object.entries(d.ranks).map(([keyword, [organic, sponsored]]) => ({
        ...at(date),
        keyword,
        search_volume: SEARCH_VOLUMES[keyword],
        ...(organic !== null ? { organic_rank: organic } : {}),
        ...(sponsored !== null ? { sponsored_rank: sponsored } : {}),
      })),
    ),
  );
  await post(h, 'competitor_snapshots', days.map(({ date, d }) => ({ ...at(date), competitor_asin: 'B0RIVAL001', price: { amount: d.competitorPrice, currency: 'USD' }, in_stock: true })));
}

export async function storyProduct(h: TestApp, previous: (i: number) => Day, current: (i: number) => Day, overrides: Record<string, unknown> = {}) {
  const product = await makeProduct(h, overrides);
  await writeStory(h, product.id, previous, current);
  return product;
}

export const steady = () => STEADY;
