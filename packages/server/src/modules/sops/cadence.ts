import { sql, type RawBuilder } from 'kysely';

/**
 * The one definition of when a checklist occurs, in SQL so that listing a period's
 * tasks and reporting completion over a range agree by construction. For a checklist
 * row aliased `c` and a day, the date of the checklist's occurrence in that day's
 * period: the day itself (daily), its ISO week's chosen weekday (weekly), or its
 * month's chosen day, the month's last day when the month is shorter (monthly).
 * A checklist occurs on a day exactly when this equals the day.
 */
export function occurrenceDate(day: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(case c.cadence
    when 'daily' then ${day}::date
    when 'weekly' then date_trunc('week', ${day}::timestamp)::date + (c.weekday - 1)
    else least(
      date_trunc('month', ${day}::timestamp)::date + (c.day_of_month - 1),
      (date_trunc('month', ${day}::timestamp) + interval '1 month' - interval '1 day')::date
    )
  end)`;
}

/** True when the checklist `c` is active on the date expression. */
export function activeOn(date: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${date} >= c.active_from and (c.active_until is null or ${date} <= c.active_until))`;
}
