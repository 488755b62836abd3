/**
 * Working days: Monday to Friday, public holidays excluded — those of metropolitan France, and of the overseas
 * territory concerned when there is one (`date-holidays`, through `territories.ts`). Work units are such days (§2.11);
 * quotes are due 5 of them after the request (§2.4), statements 10 after the quarter (§2.9), minutes 2 after a
 * committee (§3).
 */
import { publicHolidays, type Territory } from './territories.ts';

const iso = (date: Date) => date.toISOString().slice(0, 10);
const day = (text: string) => new Date(`${text}T00:00:00Z`);

/** The holiday that makes this day off in one of the territories, if any. */
export function holidayOn(date: Date, territories: readonly Territory[] = ['metropole']): string | null {
  for (const territory of territories) {
    const name = publicHolidays(territory, date.getUTCFullYear()).get(iso(date));
    if (name) return name;
  }
  return null;
}

export function isWorkingDay(date: Date, territories: readonly Territory[] = ['metropole']): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && holidayOn(date, territories) === null;
}

export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

/** The date `count` working days after `from` (before it when negative; `from` itself not counted), as AAAA-MM-JJ. */
export function addWorkingDays(from: Date | string, count: number, territories: readonly Territory[] = ['metropole']): string {
  const date = typeof from === 'string' ? day(from) : new Date(from.getTime());
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + step);
    if (isWorkingDay(date, territories)) left--;
  }
  return iso(date);
}

/** Working days from `start` to `end`, both included (0 when end is before start). */
export function workingDaysBetween(start: string, end: string, territories: readonly Territory[] = ['metropole']): number {
  let count = 0;
  for (const date = day(start); iso(date) <= end; date.setUTCDate(date.getUTCDate() + 1)) if (isWorkingDay(date, territories)) count++;
  return count;
}

export function statementDeadline(year: number, quarter: 1 | 2 | 3 | 4): string {
  return addWorkingDays(quarterEnd(year, quarter), 10);
}
