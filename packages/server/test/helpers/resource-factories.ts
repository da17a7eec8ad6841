import type { TestApp } from './app.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Valid attributes for each kind: the smallest a kind accepts, or close to it. */
export const SAMPLE_ATTRIBUTES: Record<string, Record<string, unknown>> = {
  seller_account: { marketplace: 'US', entity: 'Shenzhen Bright Trading Co., Ltd.' },
  account_manager: { agency: 'Amazon Global Selling', support_months: 12 },
  credit_card: { bank: 'China Merchants Bank', holder: 'Li Wei', last4: '4242' },
  phone_number: { number: '+8613800138000', provider: 'China Mobile', type: 'carrier_plan' },
  cloud_server: { provider: 'Alibaba Cloud', region: 'us-west-1', ip: '47.88.10.1' },
  browser_profile: { tool: 'AdsPower', profile_id: 'k1a2b3' },
  payment_account: { provider: 'Payoneer', type: 'third_party_collector', fee_rate: 0.01, corporate_account: true, tax_rebate_support: false },
  tool: { category: 'keyword_research', plan: 'Business', seats: 3 },
  account_service: { service: 'policy_appeal', provider: 'Appeal Pro' },
  brand_asset: { type: 'trademark', brand: 'Lumora', jurisdiction: 'US', registration_number: '97123456' },
  promotion_channel: { type: 'social_group', platform: 'Facebook', schedule: [{ poster: 'Anna', weekdays: [1, 2] }, { poster: 'Ben', weekdays: [3, 4] }] },
  logistics_channel: { mode: 'sea', carrier: 'Matson', transit_days_min: 18, transit_days_max: 25, cost_per_kg: { amount: '1.20', currency: 'USD' } },
  warehouse: { country: 'US', city: 'Ontario, CA', stability: 4, efficiency: 3 },
};

export interface MadeResource {
  id: string;
  key: string;
  kind: string;
  name: string;
  version: number;
  status: string;
  attributes: Record<string, unknown>;
}

export async function makeResource(h: TestApp, kind: string, overrides: Record<string, unknown> = {}, key?: string): Promise<MadeResource> {
  const res = await h.request({
    method: 'POST',
    url: '/v1/resources',
    payload: { key: `${kind.replace(/_/g, '-')}-${unique()}`, kind, name: `${kind} ${unique()}`, attributes: SAMPLE_ATTRIBUTES[kind], ...overrides },
    ...(key ? { key } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`makeResource: ${res.statusCode} ${res.body}`);
  return res.json() as MadeResource;
}

export async function relate(h: TestApp, from: { id: string }, type: string, to: { id: string }, extra: Record<string, unknown> = {}) {
  const res = await h.request({ method: 'POST', url: `/v1/resources/${from.id}/relations`, payload: { type, to_id: to.id, ...extra } });
  if (res.statusCode !== 201) throw new Error(`relate: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}
