import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new API key secret: `sk_` and 40 base62 characters (about 238 bits). */
export function newApiKeySecret(): string {
  const bytes = randomBytes(40);
  let out = 'sk_';
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/**
 * Keys are random and long, so a fast hash is enough (no password stretching
 * needed) and keeps authentication to one indexed lookup.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part of a key shown in lists so a person can tell keys apart. */
export function keyPrefix(secret: string): string {
  return secret.slice(0, 10);
}
