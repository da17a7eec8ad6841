const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Lower case, punctuation to spaces, simple plural folding: "Bullet Points," -> "bullet point". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map(stem)
    .join(' ');
}

/**
 * Whether normalized `text` mentions normalized `term`: as whole words for alphabetic
 * terms (so "ads" does not match "leads"), as a substring for Chinese, Japanese and
 * Korean, which do not separate words with spaces.
 */
export function mentions(text: string, term: string): boolean {
  if (!term) return false;
  if (CJK.test(term)) return text.includes(term);
  return ` ${text} `.includes(` ${term} `);
}

export function mentionsAny(text: string, terms: readonly string[]): boolean {
  return terms.some((t) => mentions(text, t));
}
