/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings and ISO weeks, in UTC. The company's
 * day is the UTC day: runs, checklists and reviews span several marketplaces and
 * time zones, and one clock keeps "overdue" the same for everyone.
 */

const DAY_MS = 86_400_000;

function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayUtc(now: Date = new Date()): string {
  return format(now);
}

export function addDays(date: string, days: number): string {
  return format(new Date(toUtcDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / DAY_MS);
}

/** A real calendar day (the schema's pattern lets 2026-02-31 through). */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(toUtcDate(date).getTime()) && format(toUtcDate(date)) === date;
}

/** ISO weekday: 1 Monday ... 7 Sunday. */
function isoWeekday(date: Date): number {
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}

/** The Monday of ISO week `week` ('2026-W47'). */
export function mondayOfIsoWeek(week: string): string {
  const [yearText, weekText] = week.split('-W');
  const jan4 = new Date(Date.UTC(Number(yearText), 0, 4));
  const week1Monday = jan4.getTime() - (isoWeekday(jan4) - 1) * DAY_MS;
  return format(new Date(week1Monday + (Number(weekText) - 1) * 7 * DAY_MS));
}

/** The ISO week ('2026-W47') a day belongs to. */
export function isoWeekOf(date: string): string {
  const day = toUtcDate(date);
  const thursday = new Date(day.getTime() + (4 - isoWeekday(day)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** True for a week that exists: W53 only in years that have 53 ISO weeks. */
export function isIsoWeek(week: string): boolean {
  return /^\d{4}-W\d{2}$/.test(week) && isoWeekOf(mondayOfIsoWeek(week)) === week;
}

export function addWeeks(week: string, weeks: number): string {
  return isoWeekOf(addDays(mondayOfIsoWeek(week), weeks * 7));
}
