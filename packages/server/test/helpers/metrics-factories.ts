import type { TestApp } from './app.ts';

/** Factories for the catalog and facts, through the API. */

let counter = 0;
/** A fresh, valid ASIN: B0 + 8 characters. */
export const newAsin = () => `B0${(Date.now() % 1e6).toString(36).toUpperCase().padStart(4, '0')}${(counter++).toString(36).toUpperCase().padStart(4, '0')}`.slice(0, 10);

export async function makeProduct(h: TestApp, overrides: Record<string, unknown> = {}, key?: string) {
  const res = await h.request({ method: 'POST', url: '/v1/products', payload: { marketplace: 'US', asin: newAsin(), sku: `SKU-${counter++}`, title: 'Desk lamp', ...overrides }, ...(key ? { key } : {}) });
  if (res.statusCode !== 201) throw new Error(`makeProduct: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; asin: string; sku: string | null; marketplace: string; version: number };
}

export async function postFacts(h: TestApp, family: string, rows: unknown[], mode?: string, key?: string) {
  return h.request({ method: 'POST', url: '/v1/metrics/facts', payload: { family, rows, ...(mode ? { mode } : {}) }, ...(key ? { key } : {}) });
}
