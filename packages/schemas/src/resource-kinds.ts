import { Type, type TObject } from '@sinclair/typebox';
import { DateSchema, MoneySchema, Ref, StringEnum } from './common.ts';

/**
 * The attributes of each kind of resource: the facts a seller company keeps about it.
 * The registry is an inventory, not a vault: a card is its bank, holder and last four
 * digits, never its number; a login lives elsewhere and is named by `credentials_ref`.
 */

const Text = (description: string, maxLength = 200) => Type.String({ minLength: 1, maxLength, description });
const Ratio = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Rating = (description: string) => Type.Integer({ minimum: 1, maximum: 5, description });
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 365, description });
const CredentialsRef = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'Where the login or secret lives (a password manager entry, a vault path); never the secret itself',
});
const Marketplace = Type.String({ pattern: '^[A-Z]{2}$', description: 'Amazon marketplace as a country code: US, CA, UK, DE, FR, IT, ES, NL, JP, AU, SG, ...' });
const Money = (description: string) => Type.Unsafe<{ amount: string; currency: string }>({ ...Ref(MoneySchema), description });

/** Optional fields stay optional: Type.Object reads the modifiers of the properties it is given. */
const attributes = <T extends TObject>(id: string, description: string, schema: T) =>
  Type.Object(schema.properties as T['properties'], { $id: id, additionalProperties: false, description });

export const SellerAccountAttributesSchema = attributes(
  'SellerAccountAttributes',
  'A seller account (store) on one or more Amazon marketplaces',
  Type.Object({
    marketplace: Marketplace,
    other_marketplaces: Type.Optional(Type.Array(Marketplace, { uniqueItems: true, description: 'Further marketplaces the account sells on (a unified account)' })),
    entity: Text('The company entity that owns the account'),
    registered_on: Type.Optional(DateSchema),
    health: Type.Optional(StringEnum(['healthy', 'at_risk', 'under_review', 'suspended'] as const, { description: 'Account health as Amazon shows it' })),
    merchant_token: Type.Optional(Text('The seller id Amazon shows (not a secret)', 40)),
    credentials_ref: Type.Optional(CredentialsRef),
  }),
);

export const AccountManagerAttributesSchema = attributes(
  'AccountManagerAttributes',
  "An Amazon account manager who registers accounts and supports each for a year; the support end is the resource's renews_on",
  Type.Object({
    agency: Type.Optional(Text('The agency or Amazon team the manager works for')),
    support_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 12, description: 'Support bought with each account registered (12: one year)' })),
    marketplaces: Type.Optional(Type.Array(Marketplace, { uniqueItems: true })),
  }),
);

export const CreditCardAttributesSchema = attributes(
  'CreditCardAttributes',
  'A payment card, kept by bank, holder and the last four digits only',
  Type.Object({
    bank: Text('Issuing bank'),
    holder: Text('Whose card: the person named on it'),
    holder_type: Type.Optional(StringEnum(['owner', 'employee', 'company'] as const, { description: "The owner's own card, an employee's, or a company card" })),
    network: Type.Optional(StringEnum(['visa', 'mastercard', 'amex', 'unionpay', 'jcb', 'discover', 'other'] as const)),
    last4: Type.String({ pattern: '^\\d{4}$', description: 'The last four digits, the only part of the number kept' }),
    expires: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Expiry month YYYY-MM' })),
  }),
);

export const PhoneNumberAttributesSchema = attributes(
  'PhoneNumberAttributes',
  'A phone number used to register or verify accounts',
  Type.Object({
    number: Type.String({ pattern: '^\\+[1-9]\\d{6,14}$', description: 'E.164, e.g. +14155550100' }),
    provider: Text('Carrier or cloud number service'),
    type: StringEnum(['cloud_number', 'carrier_plan', 'sim'] as const, { description: 'A cloud number service, a line of a carrier multi-number plan, or a SIM' }),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  }),
);

export const CloudServerAttributesSchema = attributes(
  'CloudServerAttributes',
  'A cloud server or VPS that seller accounts are operated from; two servers with one IP are one identifier',
  Type.Object({
    provider: Text('Cloud or VPS provider'),
    region: Type.Optional(Text('Region or city')),
    ip: Type.Union([Type.String({ format: 'ipv4' }), Type.String({ format: 'ipv6' })], { description: 'Public IP address' }),
    plan: Type.Optional(Text('Plan or instance type')),
    credentials_ref: Type.Optional(CredentialsRef),
  }),
);

export const BrowserProfileAttributesSchema = attributes(
  'BrowserProfileAttributes',
  'An anti-association browser profile (one per account)',
  Type.Object({
    tool: Text('The anti-association browser, e.g. AdsPower, Multilogin'),
    profile_id: Type.Optional(Text('The profile id in that tool', 100)),
    fingerprint: Type.Optional(Text('What the profile presents: OS, time zone, language', 500)),
  }),
);

export const PaymentAccountAttributesSchema = attributes(
  'PaymentAccountAttributes',
  "A payment or collection account: Amazon's own, a third-party collector or a local bank",
  Type.Object({
    provider: Text('Amazon Currency Converter, a collector (Payoneer, WorldFirst, LianLian, PingPong, ...) or a bank'),
    type: StringEnum(['amazon', 'third_party_collector', 'local_bank'] as const),
    fee_rate: Ratio('Fee as a share of the amount collected, e.g. 0.003'),
    fx_loss_rate: Type.Optional(Ratio('Loss on currency conversion as a share, e.g. 0.005')),
    corporate_account: Type.Boolean({ description: 'A corporate (not personal) account' }),
    tax_rebate_support: Type.Boolean({ description: 'Eases export tax rebates (documents for the tax office)' }),
    currencies: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { uniqueItems: true })),
    account_last4: Type.Optional(Type.String({ pattern: '^\\d{4}$', description: 'Last four digits of the receiving account' })),
  }),
);

export const ToolAttributesSchema = attributes(
  'ToolAttributes',
  'An operation tool subscription: keyword research, sales estimation, traffic or review analysis',
  Type.Object({
    category: StringEnum(['keyword_research', 'sales_estimation', 'traffic_analysis', 'review_analysis', 'listing', 'advertising', 'other'] as const),
    vendor: Type.Optional(Text('Who sells it')),
    plan: Type.Optional(Text('Plan name')),
    seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    user_member_ids: Type.Optional(Type.Array(Type.String({ pattern: '^mem_[0-9A-Za-z]+$' }), { uniqueItems: true, description: 'Members who use it' })),
    credentials_ref: Type.Optional(CredentialsRef),
  }),
);

export const AccountServiceAttributesSchema = attributes(
  'AccountServiceAttributes',
  'An account service provider: health checks, identity and second verification, infringement and policy appeals',
  Type.Object({
    service: StringEnum(['health_check', 'identity_verification', 'second_verification', 'policy_appeal', 'infringement_appeal', 'other'] as const),
    provider: Text('Who provides it'),
    success_rate: Type.Optional(Ratio('Share of cases resolved, from our own record')),
    turnaround_days: Type.Optional(Days('Typical days to a result')),
  }),
);

export const BrandAssetAttributesSchema = attributes(
  'BrandAssetAttributes',
  'A trademark, brand registry, brand store or brand program',
  Type.Object({
    type: StringEnum(['trademark', 'brand_registry', 'brand_store', 'brand_program'] as const),
    brand: Text('The brand name'),
    jurisdiction: Type.Optional(Text('Where it is registered: US, EU, UK, JP, CN, ...', 20)),
    registration_number: Type.Optional(Text('Trademark registration or application number', 50)),
    classes: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 45 }), { uniqueItems: true, description: 'Nice classes of a trademark' })),
    program: Type.Optional(StringEnum(['accelerator', 'authorization', 'transparency', 'vine', 'other'] as const, { description: 'For a brand program' })),
    state: Type.Optional(StringEnum(['applied', 'registered', 'active', 'expired', 'rejected'] as const)),
  }),
);

export const PosterSlotSchema = Type.Object(
  {
    poster: Text('Who posts'),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, uniqueItems: true, description: 'ISO weekdays, 1 = Monday' }),
    paid_monthly: Type.Optional(Money('What the poster is paid each month')),
  },
  { additionalProperties: false },
);

export const PromotionChannelAttributesSchema = attributes(
  'PromotionChannelAttributes',
  'A promotion resource: review programs, influencers, social groups, deal sites, affiliate and blog channels',
  Type.Object({
    type: StringEnum(['review_program', 'influencer', 'social_group', 'deal_site', 'affiliate', 'blog'] as const),
    platform: Type.Optional(Text('Facebook, Instagram, TikTok, YouTube, a deal site, ...')),
    method: Type.Optional(StringEnum(['email_request', 'insert_card', 'influencer_review', 'post', 'deal', 'article'] as const, { description: 'How it promotes' })),
    audience: Type.Optional(Type.Integer({ minimum: 0, description: 'Members or followers' })),
    capacity_per_month: Type.Optional(Type.Integer({ minimum: 0, description: 'Products or posts it can carry a month' })),
    schedule: Type.Optional(Type.Array(PosterSlotSchema, { description: 'Who posts on which days (one product Monday-Tuesday by one poster, Wednesday-Thursday by another)' })),
    cost_per_post: Type.Optional(Money('What one post or review costs')),
  }),
);

export const LogisticsChannelAttributesSchema = attributes(
  'LogisticsChannelAttributes',
  'A logistics channel to a marketplace: sea, air, express or rail',
  Type.Object({
    mode: StringEnum(['sea', 'air', 'express', 'rail'] as const),
    carrier: Text('Freight forwarder or carrier'),
    origin: Type.Optional(Text('From, e.g. Shenzhen', 100)),
    destination: Type.Optional(Text('To, e.g. a marketplace or a warehouse', 100)),
    transit_days_min: Days('Fewest days door to door'),
    transit_days_max: Days('Most days door to door'),
    cost_per_kg: Type.Optional(Money('Price per kilogram')),
    cost_per_cbm: Type.Optional(Money('Price per cubic metre')),
    on_time_rate: Type.Optional(Ratio('Share of shipments that arrived within transit_days_max')),
  }),
);

export const WarehouseAttributesSchema = attributes(
  'WarehouseAttributes',
  'An overseas (third-party) warehouse',
  Type.Object({
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    city: Type.Optional(Text('City or area', 100)),
    operator: Type.Optional(Text('Who runs it')),
    stability: Type.Optional(Rating('1-5: how reliably it keeps stock and answers')),
    efficiency: Type.Optional(Rating('1-5: how fast it receives and ships')),
    storage_cost_per_cbm_month: Type.Optional(Money('Storage per cubic metre per month')),
    handling_fee_per_unit: Type.Optional(Money('Inbound or outbound handling per unit')),
  }),
);

/** Every kind and the schema of its attributes. */
export const RESOURCE_KIND_ATTRIBUTES = {
  seller_account: SellerAccountAttributesSchema,
  account_manager: AccountManagerAttributesSchema,
  credit_card: CreditCardAttributesSchema,
  phone_number: PhoneNumberAttributesSchema,
  cloud_server: CloudServerAttributesSchema,
  browser_profile: BrowserProfileAttributesSchema,
  payment_account: PaymentAccountAttributesSchema,
  tool: ToolAttributesSchema,
  account_service: AccountServiceAttributesSchema,
  brand_asset: BrandAssetAttributesSchema,
  promotion_channel: PromotionChannelAttributesSchema,
  logistics_channel: LogisticsChannelAttributesSchema,
  warehouse: WarehouseAttributesSchema,
} as const;

export type ResourceKind = keyof typeof RESOURCE_KIND_ATTRIBUTES;
export const RESOURCE_KINDS = Object.keys(RESOURCE_KIND_ATTRIBUTES) as ResourceKind[];

/** The group each kind belongs to, as DOMAIN.md lists them. */
export const RESOURCE_KIND_GROUPS: Record<ResourceKind, { group: string; description: string }> = {
  seller_account: { group: 'channels', description: 'Seller accounts: marketplace, company entity, registration date, health' },
  account_manager: { group: 'channels', description: 'Account managers who registered accounts; support ends a year after each account' },
  credit_card: { group: 'channels', description: 'Credit cards: bank, holder, last four digits' },
  phone_number: { group: 'channels', description: 'Phone numbers: cloud number services, carrier multi-number plans' },
  cloud_server: { group: 'channels', description: 'Cloud servers and VPS: provider, region, IP' },
  browser_profile: { group: 'channels', description: 'Anti-association browser profiles' },
  payment_account: { group: 'channels', description: 'Payment and collection accounts: fee rate, FX loss, corporate account, tax rebates' },
  tool: { group: 'operation_tools', description: 'Keyword research, sales estimation, traffic and review analysis tools' },
  account_service: { group: 'account_services', description: 'Account health checks, verification, infringement and policy appeals' },
  brand_asset: { group: 'brand_assets', description: 'Trademarks, brand registry, brand store, brand programs' },
  promotion_channel: { group: 'promotion', description: 'Review programs, influencers, social groups, deal sites, affiliate and blog channels' },
  logistics_channel: { group: 'supply_chain', description: 'Logistics channels: mode, carrier, transit days, cost per kg or cubic metre' },
  warehouse: { group: 'supply_chain', description: 'Overseas warehouses: location, stability, efficiency, cost' },
};

/** Kinds whose sharing links seller accounts in Amazon's eyes. */
export const IDENTIFYING_KINDS = ['phone_number', 'credit_card', 'cloud_server', 'browser_profile', 'payment_account'] as const satisfies readonly ResourceKind[];

export const RESOURCE_ATTRIBUTE_SCHEMAS = Object.values(RESOURCE_KIND_ATTRIBUTES);
