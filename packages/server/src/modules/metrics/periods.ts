import type { Compare, Grain } from '@sellerops/schemas';
import { addDays, daysBetween, isoWeekOf } from '../sops/dates.ts';

/** Calendar periods of a series: days, ISO weeks (Monday to Sunday) and months, on 'YYYY-MM-DD' strings. */

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10);
}

const isMonthStart = (date: string) => date.endsWith('-01');
const isMonthEnd = (date: string) => addDays(date, 1).endsWith('-01');

/** The last day of the period that starts on `start`. */
export function periodEnd(start: string, grain: Grain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return addDays(start, 6);
  return addDays(addMonths(start, 1), -1);
}

/** How a period is named: the day, the ISO week (2026-W47) or the month (2026-11). */
export function periodLabel(start: string, grain: Grain): string {
  if (grain === 'week') return isoWeekOf(start);
  if (grain === 'month') return start.slice(0, 7);
  return start;
}

/** Moves a date by the distance between a range and the range it is compared with. */
export interface Shift {
  months: number;
  days: number;
}

export const shiftDate = (date: string, shift: Shift, sign: 1 | -1) => addDays(addMonths(date, sign * shift.months), sign * shift.days);

/**
 * The range a series is compared with. previous_period: the same length just before
 * (whole months for a range of whole months, whole weeks at week grain, so that periods
 * line up). previous_year: a year earlier; 52 weeks at day and week grain, so that
 * Mondays compare with Mondays and ISO weeks with the same ISO weeks.
 */
export function comparisonShift(from: string, to: string, grain: Grain, compare: Compare): Shift {
  if (compare === 'previous_year') return grain === 'month' ? { months: 12, days: 0 } : { months: 0, days: 364 };
  if (isMonthStart(from) && isMonthEnd(to) && grain === 'month') {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty, tm] = to.split('-').map(Number) as [number, number];
    return { months: (ty - fy) * 12 + (tm - fm) + 1, days: 0 };
  }
  const days = daysBetween(from, to) + 1;
  return { months: 0, days: grain === 'week' ? Math.ceil(days / 7) * 7 : days };
}
