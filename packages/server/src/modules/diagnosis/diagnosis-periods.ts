import type { Compare } from '@sellerops/schemas';
import { BadRequest } from '../../lib/errors.ts';
import { addMonths } from '../metrics/periods.ts';
import { addDays, daysBetween, isCalendarDate, isIsoWeek, isoWeekOf, mondayOfIsoWeek, todayUtc } from '../sops/dates.ts';

/** A diagnosis compares at most a year with a year: longer ranges blur every cause. */
export const MAX_DIAGNOSIS_DAYS = 366;

export interface Range {
  /** 2026-W47, 2026-11, or null for a day range. */
  label: string | null;
  from: string;
  to: string;
  days: number;
}

export interface PeriodInput {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  compare?: Compare | undefined;
}

const range = (label: string | null, from: string, to: string): Range => ({ label, from, to, days: daysBetween(from, to) + 1 });
const monthEnd = (first: string) => addDays(addMonths(first, 1), -1);
const invalid = (path: string, message: string, detail: string) => new BadRequest('validation_failed', detail, [{ path, message }]);

/** Calendar arithmetic (Date.UTC) reads years below 100 as 19xx and stops at 9999: a diagnosis stays well inside. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;
function checkYear(date: string, path: string): void {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw invalid(path, `is outside the years ${FIRST_YEAR}-${LAST_YEAR}`, `A diagnosis covers the years ${FIRST_YEAR} to ${LAST_YEAR}.`);
}

/** The diagnosed range: an ISO week, a month, or from..to (not both forms); by default the last full ISO week. */
export function diagnosedRange(input: PeriodInput): Range {
  if (input.period !== undefined) {
    if (input.from !== undefined || input.to !== undefined) throw invalid('/querystring/period', 'give period or from and to, not both', 'Give either period or from and to, not both.');
    // GraphQL passes the period as a plain string: the same check as the REST schema's pattern.
    if (!/^\d{4}-(W\d{2}|0[1-9]|1[0-2])$/.test(input.period)) throw invalid('/querystring/period', 'is not 2026-W47 or 2026-11', `period (${input.period}) is not an ISO week (2026-W47) or a month (2026-11).`);
    checkYear(input.period, '/querystring/period');
    if (input.period.includes('W')) {
      if (!isIsoWeek(input.period)) throw invalid('/querystring/period', 'no such ISO week', `${input.period} is not a week of that year.`);
      const monday = mondayOfIsoWeek(input.period);
      return range(input.period, monday, addDays(monday, 6));
    }
    const first = `${input.period}-01`;
    return range(input.period, first, monthEnd(first));
  }
  if (input.from === undefined && input.to === undefined) {
    // The question of the weekly review: the last full ISO week.
    const monday = addDays(mondayOfIsoWeek(isoWeekOf(todayUtc())), -7);
    return range(isoWeekOf(monday), monday, addDays(monday, 6));
  }
  if (input.from === undefined || input.to === undefined) {
    throw invalid(input.from === undefined ? '/querystring/from' : '/querystring/to', 'is required without period', 'Give both from and to, or period (2026-W47 or 2026-11).');
  }
  for (const key of ['from', 'to'] as const) {
    if (!isCalendarDate(input[key]!)) throw invalid(`/querystring/${key}`, 'is not a calendar date', `${key} (${input[key]}) is not a calendar date.`);
    checkYear(input[key]!, `/querystring/${key}`);
  }
  if (input.from > input.to) throw invalid('/querystring/from', 'is after to', `from (${input.from}) is after to (${input.to}).`);
  if (daysBetween(input.from, input.to) >= MAX_DIAGNOSIS_DAYS) {
    throw invalid('/querystring/to', 'range too long', `A diagnosis covers at most ${MAX_DIAGNOSIS_DAYS} days.`);
  }
  return range(null, input.from, input.to);
}

/**
 * The range a diagnosis compares with. previous_period: the week or month before, or as
 * many days just before. previous_year: the same month a year earlier, and for weeks and
 * day ranges 52 weeks earlier, so that weekdays line up (ISO week 47 with ISO week 47).
 */
export function comparedRange(current: Range, compare: Compare): Range {
  const isMonth = current.label !== null && !current.label.includes('W');
  if (isMonth) {
    const first = addMonths(current.from, compare === 'previous_year' ? -12 : -1);
    return range(first.slice(0, 7), first, monthEnd(first));
  }
  const shift = compare === 'previous_year' ? 364 : current.days;
  const from = addDays(current.from, -shift);
  const to = addDays(current.to, -shift);
  return range(current.label === null ? null : isoWeekOf(from), from, to);
}
