import type { Marketplace } from '@sellerops/schemas';

/** Amazon calls the United Kingdom UK; ISO 3166 (and many files) say GB. Both mean one marketplace, stored as UK. */
export function normalizeMarketplace(code: string): Marketplace {
  return (code === 'GB' ? 'UK' : code) as Marketplace;
}
