/**
 * Payment card numbers in free text: 13 to 19 digits, optionally split by single spaces
 * or dashes, that pass the Luhn check. A run that follows a `+` is a phone number in
 * international form (+86 138 0013 8000 has 13 digits), never a card.
 */
const CANDIDATE = /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (passesLuhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

/** The text with every card number replaced, for logs. */
export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (candidate) => (passesLuhn(candidate.replace(/[ -]/g, '')) ? '[card number]' : candidate));
}
