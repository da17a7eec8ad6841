import type { MarketplaceLocale } from './marketplace-locale.ts';

/** One cell as a reader gives it: text from CSV, TSV and JSON, numbers and dates from XLSX. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A cell that cannot be read as what its column holds; the message is the per-row reason. */
export class CellError extends Error {}

/** How a file writes numbers: `1,234.56` (dot) or `1.234,56` (comma, as German and French reports do). */
export type DecimalStyle = 'dot' | 'comma';

export interface ValueContext {
  locale: MarketplaceLocale;
  decimal: DecimalStyle;
}

/** What Amazon writes for "no value": an empty cell, `--`, `N/A`, a dash. */
const EMPTY = /^(|-|--|—|n\/a|na|null|none)$/i;

function text(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date || typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  // Spaces of every kind (NBSP, narrow NBSP, thin space) act as separators in localized numbers.
  const trimmed = cell.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  return EMPTY.test(trimmed) ? null : trimmed;
}

/** True when the cell holds nothing (empty, `--`, `N/A`). */
export function isEmptyCell(cell: Cell): boolean {
  return text(cell) === null;
}

/** A plain string value, or null when empty. */
export function parseText(cell: Cell): string | null {
  return text(cell);
}

/** A float from XLSX as a decimal string, without binary noise: 1.4300000000000002 -> "1.43". */
export function decimalOfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CellError('is not a finite number');
  return value.toFixed(6).replace(/\.?0+$/, '') || '0';
}

/**
 * The digits of a localized number as a plain decimal string: `2,309,707.02`,
 * `1.234,56`, `1 234,56`, `(12.50)`. Where one separator could be either (`1,234`
 * or `1.234`), the file's decimal style decides.
 */
export function normalizeDecimal(raw: string, style: DecimalStyle): string {
  let s = raw.replace(/[\s']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) throw new CellError(`"${raw}" is not a number`);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSep = lastDot > lastComma ? '.' : ',';
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (sep === null) {
      decimalSep = null;
    } else if (s.split(sep).length > 2) {
      decimalSep = null; // 1,234,567 or 1.234.567: thousands only
    } else if (s.length - s.lastIndexOf(sep) - 1 === 3 && /^\d{1,3}[.,]\d{3}$/.test(s)) {
      decimalSep = (style === 'dot') === (sep === ',') ? null : sep; // ambiguous: the style decides
    } else {
      decimalSep = sep;
    }
  }
  const thousandsSep = decimalSep === '.' ? ',' : decimalSep === ',' ? '.' : null;
  let intPart = s;
  let fracPart = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (!/^\d+$/.test(fracPart)) throw new CellError(`"${raw}" is not a number`);
  }
  if (thousandsSep === null && decimalSep === null) {
    // Only group separators, of one kind.
    if (!/^\d{1,3}([.,]\d{3})*$/.test(intPart) && !/^\d+$/.test(intPart)) throw new CellError(`"${raw}" is not a number`);
  } else if (intPart.includes(decimalSep === '.' ? '.' : ',')) {
    throw new CellError(`"${raw}" is not a number`);
  } else if (thousandsSep && intPart.includes(thousandsSep) && !new RegExp(`^\\d{1,3}(\\${thousandsSep}\\d{3})*$`).test(intPart)) {
    throw new CellError(`"${raw}" is not a number`);
  }
  const digits = intPart.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '') || '0';
  const value = fracPart ? `${digits}.${fracPart}` : digits;
  return negative && /[1-9]/.test(value) ? `-${value}` : value;
}

/** Currency marks as reports print them, longest first so that `R$` wins over `$`. */
const CURRENCY_MARKS: Array<[RegExp, string | null]> = [
  [/R\$/, 'BRL'],
  [/(?:MX|CA|A|S|US)\$/, null],
  [/\$/, null],
  [/£/, 'GBP'],
  [/€/, 'EUR'],
  [/[￥¥円]/, 'JPY'],
  [/₹/, 'INR'],
  [/zł/i, 'PLN'],
  [/₺/, 'TRY'],
  [/\bkr\b/i, 'SEK'],
  [/\b[A-Z]{3}\b/, null],
];
const DOLLAR_PREFIXES: Record<string, string> = { MX$: 'MXN', CA$: 'CAD', A$: 'AUD', S$: 'SGD', US$: 'USD' };
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'SGD', 'MXN']);

/** Money as a decimal string with its currency. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/**
 * `$2,309,707.02`, `£12.50`, `AED 4,426.00`, `1.234,56 €`, `￥1,200`, `-$3.10`,
 * `1.234,56 EUR`; a bare number takes the marketplace's currency. A bare `$` is the
 * marketplace's dollar (USD, CAD, AUD, SGD, MXN).
 */
export function parseMoney(cell: Cell, ctx: ValueContext, currencyColumn?: string | null): MoneyValue | null {
  if (typeof cell === 'number') return { amount: decimalOfNumber(cell), currency: currencyColumn || ctx.locale.currency };
  const raw = text(cell);
  if (raw === null) return null;
  let currency: string | null = null;
  let rest = raw;
  for (const [pattern, code] of CURRENCY_MARKS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    if (code) currency = code;
    else if (match[0] in DOLLAR_PREFIXES) currency = DOLLAR_PREFIXES[match[0]]!;
    else if (match[0] === '$') currency = DOLLARS.has(ctx.locale.currency) ? ctx.locale.currency : 'USD';
    else currency = match[0];
    rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
    break;
  }
  const amount = normalizeDecimal(rest.trim(), ctx.decimal);
  return { amount, currency: currency ?? currencyColumn ?? ctx.locale.currency };
}

/** A count: `5,824`, `"59,330"`, `1.234` in a comma-decimal file; never a fraction. */
export function parseCount(cell: Cell, ctx: ValueContext): number | null {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) throw new CellError(`${cell} is not a whole number`);
    return cell;
  }
  const raw = text(cell);
  if (raw === null) return null;
  const value = normalizeDecimal(raw, ctx.decimal);
  if (!/^-?\d+$/.test(value)) throw new CellError(`"${raw}" is not a whole number`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new CellError(`"${raw}" is too large`);
  return n;
}

/** A decimal number that is not money: `1.15`, `0,5`. */
export function parseNumber(cell: Cell, ctx: ValueContext): number | null {
  if (typeof cell === 'number') return cell;
  const raw = text(cell);
  if (raw === null) return null;
  return Number(normalizeDecimal(raw, ctx.decimal));
}

/**
 * A percentage as a fraction: `78.87%` -> 0.7887, `"1,050.00%"` -> 10.5. XLSX stores
 * percentage cells as fractions already (0.1735); a bare number in a text file is in
 * percent points, as Amazon prints it without the sign.
 */
export function parsePercent(cell: Cell, ctx: ValueContext): number | null {
  if (typeof cell === 'number') return cell;
  const raw = text(cell);
  if (raw === null) return null;
  return percentToFraction(Number(normalizeDecimal(raw.replace(/\s*%$/, ''), ctx.decimal)));
}

/** 78.87 (percent points, as Amazon prints them) -> 0.7887, without float noise. */
export function percentToFraction(points: number): number {
  return Math.round(points * 1e6) / 1e8;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German, French, Spanish and Italian short forms that differ from English.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fév: 2, mars: 3, avr: 4, juin: 6, juil: 7, août: 8, déc: 12,
  ene: 1, abr: 4, ago: 8, dic: 12, gen: 1, mag: 5, giu: 6, lug: 7, set: 9, ott: 10,
};

function isoDate(year: number, month: number, day: number, raw: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CellError(`"${raw}" is not a valid date`);
  }
  return date.toISOString().slice(0, 10);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Days between Excel's day 0 (1899-12-30, its leap-year bug included) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** The calendar day in `timeZone` of an instant. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * A calendar day `YYYY-MM-DD` from what reports print: ISO (`2024-09-21`, a timestamp
 * with an offset is taken in the marketplace's time zone), `9/21/24` (month first in
 * the US and Canada, day first elsewhere, unless a part over 12 settles it),
 * `24/09/2022`, `21.09.2024`, `2024/09/21`, `Feb 1, 2020`, `1 Feb 2020`, an Excel
 * serial (45556) or an XLSX date cell.
 */
export function parseDate(cell: Cell, ctx: ValueContext): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new CellError('is not a valid date');
    return cell.toISOString().slice(0, 10); // XLSX dates are stored as UTC midnight
  }
  if (typeof cell === 'number') return excelSerial(cell, String(cell));
  const raw = text(cell);
  if (raw === null) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{3,4})?)?$/.exec(raw);
  if (m) {
    const [, year, month, day, hour, minute, zone] = m;
    const offset = zone === 'Z' || (zone !== undefined && /^[+-]/.test(zone));
    // A timestamp with an offset is an instant: its day is counted in the marketplace's
    // time zone, as the Business Report counts days. Midnight UTC is how spreadsheets
    // write a bare day, and a named zone (PST) is already local.
    if (offset && !(zone === 'Z' && hour === '00' && minute === '00')) {
      const instant = new Date(raw.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (Number.isNaN(instant.getTime())) throw new CellError(`"${raw}" is not a valid date`);
      return dayIn(instant, ctx.locale.timeZone);
    }
    return isoDate(Number(year), Number(month), Number(day), raw);
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(raw);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(raw);
  if (m) return isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]), raw);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(raw);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const dayFirst = a > 12 ? true : b > 12 ? false : ctx.locale.dateOrder === 'dmy';
    return dayFirst ? isoDate(fullYear(m[3]!), b, a, raw) : isoDate(fullYear(m[3]!), a, b, raw);
  }
  m = /^([A-Za-zÀ-ÿ]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(raw);
  if (m) return isoDate(Number(m[3]), monthOf(m[1]!, raw), Number(m[2]), raw);
  m = /^(\d{1,2})\.?\s+([A-Za-zÀ-ÿ]{3,})\.?,?\s+(\d{4})$/.exec(raw);
  if (m) return isoDate(Number(m[3]), monthOf(m[2]!, raw), Number(m[1]), raw);
  if (/^\d{5}(\.\d+)?$/.test(raw)) return excelSerial(Number(raw), raw);
  throw new CellError(`"${raw}" is not a date`);
}

function monthOf(name: string, raw: string): number {
  const lower = name.toLowerCase();
  const month = MONTHS[lower] ?? MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
  if (!month) throw new CellError(`"${raw}" is not a date`);
  return month;
}

function excelSerial(serial: number, raw: string): string {
  // 20000..80000 covers 1954..2119: anything else is a count, not a date.
  if (!(serial >= 20000 && serial < 80000)) throw new CellError(`"${raw}" is not a date`);
  return new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000)).toISOString().slice(0, 10);
}
