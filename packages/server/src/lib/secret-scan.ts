import type { FieldError } from './errors.ts';
import { containsCardNumber } from './card-numbers.ts';

/** Field names that announce a secret: the registry names where a secret lives, never holds it. */
const SECRET_NAME = /^(password|passwd|pwd|passcode|pin|token|access_token|refresh_token|auth_token|api_key|apikey|api_secret|secret|client_secret|secret_key|private_key|access_key|cvv|cvv2|cvc|cvc2|card_number|pan|security_code|otp|totp_seed|mfa_secret)$/i;

const pointer = (path: string, key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Every place in a request value where a secret would enter: a string holding a full
 * card number, or a field named like a secret. The error names the place, never the value.
 */
export function findSecrets(value: unknown, path: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (containsCardNumber(value)) found.push({ path, message: 'holds a full payment card number; keep only the last four digits' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findSecrets(item, `${path}/${i}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = pointer(path, key);
      if (SECRET_NAME.test(key)) found.push({ path: at, message: 'names a secret; store where the secret lives (credentials_ref), not the secret' });
      else if (containsCardNumber(key)) found.push({ path, message: 'has a field name holding a full payment card number' });
      else findSecrets(item, at, found);
    }
  }
  return found;
}
