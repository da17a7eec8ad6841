/**
 * A header as a comparable key. Amazon spells one column many ways across years,
 * marketplaces and languages: `Sessions - Total`, `Sessions – Total` (en dash),
 * `Sessions – total`, `7 Day Total Sales ` (trailing space), `（親）ASIN` (full-width
 * parentheses), `seller_sku`. All of those meet on one key.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-') // every dash, hyphen and minus (not the Japanese long-vowel mark)
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)\s*/g, ') ')
    .trim();
}

/** A report's columns: the field each column fills, with every spelling it is known by. */
export type ColumnSpec<F extends string> = Record<F, readonly string[]>;

export interface ResolvedColumns<F extends string> {
  /** Field -> index of its column in the file. */
  index: Partial<Record<F, number>>;
  /** Field -> the header as the file spells it (for per-row errors). */
  header: Partial<Record<F, string>>;
  /** Columns of the file no field takes. */
  unknown: string[];
}

/** Indexes `spec`'s spellings by normalized key, once per report type. */
export function headerIndex<F extends string>(spec: ColumnSpec<F>): Map<string, F> {
  const byKey = new Map<string, F>();
  for (const [field, spellings] of Object.entries(spec) as Array<[F, readonly string[]]>) {
    for (const spelling of spellings) byKey.set(normalizeHeader(spelling), field);
  }
  return byKey;
}

/** Which column of `headers` fills which field; the first column wins when two match. */
export function resolveColumns<F extends string>(headers: readonly string[], byKey: Map<string, F>): ResolvedColumns<F> {
  const index: Partial<Record<F, number>> = {};
  const header: Partial<Record<F, string>> = {};
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const field = byKey.get(normalizeHeader(h));
    if (field === undefined) {
      if (h.trim() !== '') unknown.push(h);
    } else if (index[field] === undefined) {
      index[field] = i;
      header[field] = h.replace(/^\ufeff/, '').trim();
    }
  });
  return { index, header, unknown };
}
