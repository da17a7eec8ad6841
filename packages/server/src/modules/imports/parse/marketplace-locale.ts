/**
 * What a marketplace's reports assume without saying: the currency of a bare `$`, the
 * order of day and month in `1/2/24`, and the time zone that a report day is counted in.
 */
export interface MarketplaceLocale {
  currency: string;
  /** `mdy` where Seller Central writes 9/21/24 (the US and Canada), `dmy` everywhere else. */
  dateOrder: 'mdy' | 'dmy';
  timeZone: string;
}

const LOCALES: Record<string, MarketplaceLocale> = {
  US: { currency: 'USD', dateOrder: 'mdy', timeZone: 'America/Los_Angeles' },
  CA: { currency: 'CAD', dateOrder: 'mdy', timeZone: 'America/Los_Angeles' },
  MX: { currency: 'MXN', dateOrder: 'dmy', timeZone: 'America/Los_Angeles' },
  BR: { currency: 'BRL', dateOrder: 'dmy', timeZone: 'America/Sao_Paulo' },
  UK: { currency: 'GBP', dateOrder: 'dmy', timeZone: 'Europe/London' },
  DE: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Berlin' },
  FR: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Paris' },
  IT: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Rome' },
  ES: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Madrid' },
  NL: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Amsterdam' },
  BE: { currency: 'EUR', dateOrder: 'dmy', timeZone: 'Europe/Brussels' },
  SE: { currency: 'SEK', dateOrder: 'dmy', timeZone: 'Europe/Stockholm' },
  PL: { currency: 'PLN', dateOrder: 'dmy', timeZone: 'Europe/Warsaw' },
  TR: { currency: 'TRY', dateOrder: 'dmy', timeZone: 'Europe/Istanbul' },
  AE: { currency: 'AED', dateOrder: 'dmy', timeZone: 'Asia/Dubai' },
  SA: { currency: 'SAR', dateOrder: 'dmy', timeZone: 'Asia/Riyadh' },
  IN: { currency: 'INR', dateOrder: 'dmy', timeZone: 'Asia/Kolkata' },
  JP: { currency: 'JPY', dateOrder: 'dmy', timeZone: 'Asia/Tokyo' },
  AU: { currency: 'AUD', dateOrder: 'dmy', timeZone: 'Australia/Sydney' },
  SG: { currency: 'SGD', dateOrder: 'dmy', timeZone: 'Asia/Singapore' },
};

/** The locale of a marketplace code (GB counts as UK); US when the marketplace is unknown. */
export function localeOf(marketplace: string | null | undefined): MarketplaceLocale {
  const code = marketplace === 'GB' ? 'UK' : marketplace;
  return (code && LOCALES[code]) || LOCALES.US!;
}

/** Amazon's storefront hosts and marketplace ids, as All Orders and SP-API files name the marketplace. */
const BY_SALES_CHANNEL: Record<string, string> = {
  'amazon.com': 'US',
  'amazon.ca': 'CA',
  'amazon.com.mx': 'MX',
  'amazon.com.br': 'BR',
  'amazon.co.uk': 'UK',
  'amazon.de': 'DE',
  'amazon.fr': 'FR',
  'amazon.it': 'IT',
  'amazon.es': 'ES',
  'amazon.nl': 'NL',
  'amazon.com.be': 'BE',
  'amazon.se': 'SE',
  'amazon.pl': 'PL',
  'amazon.com.tr': 'TR',
  'amazon.ae': 'AE',
  'amazon.sa': 'SA',
  'amazon.in': 'IN',
  'amazon.co.jp': 'JP',
  'amazon.com.au': 'AU',
  'amazon.sg': 'SG',
};

const BY_MARKETPLACE_ID: Record<string, string> = {
  ATVPDKIKX0DER: 'US',
  A2EUQ1WTGCTBG2: 'CA',
  A1AM78C64UM0Y8: 'MX',
  A2Q3Y263D00KWC: 'BR',
  A1F83G8C2ARO7P: 'UK',
  A1PA6795UKMFR9: 'DE',
  A13V1IB3VIYZZH: 'FR',
  APJ6JRA9NG5V4: 'IT',
  A1RKKUPIHCS9HS: 'ES',
  A1805IZSGTT6HS: 'NL',
  AMEN7PMS3EDWL: 'BE',
  A2NODRKZP88ZB9: 'SE',
  A1C3SOZRARQ6R3: 'PL',
  A33AVAJ2PDY3EV: 'TR',
  A2VIGQ35RCS4UG: 'AE',
  A17E79C6D8DWNP: 'SA',
  A21TJRUUN4KGV: 'IN',
  A1VC38T7YXB528: 'JP',
  A39IBJ37TRP1C6: 'AU',
  A19VAU5U5O7RUS: 'SG',
};

/** `Amazon.co.uk` -> `UK`; null for anything else (e.g. `Non-Amazon`). */
export function marketplaceOfSalesChannel(channel: string): string | null {
  return BY_SALES_CHANNEL[channel.trim().toLowerCase()] ?? null;
}

/** `ATVPDKIKX0DER` -> `US`. */
export function marketplaceOfId(id: string): string | null {
  return BY_MARKETPLACE_ID[id.trim()] ?? null;
}
