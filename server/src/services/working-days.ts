/**
 * Working days (Monday to Friday, French public holidays excluded — `date-holidays`, metropolitan France) and the
 * statement's deadline: ten working days after the last day of the calendar quarter (CCTP §2.9).
 */
import Holidays from 'date-holidays';

const france = new Holidays('FR');
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** A year's public holidays, computed once: the rules are fixed, and computing them costs milliseconds. */
const holidaysByYear = new Map<number, Set<string>>();
function publicHolidays(year: number): Set<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(france.getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  if (day === 0 || day === 6) return false;
  return !publicHolidays(date.getUTCFullYear()).has(iso(date));
}

export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

/** The date `count` working days after `from` (before it when negative; `from` itself not counted), as YYYY-MM-DD. */
export function addWorkingDays(from: Date, count: number): string {
  const date = new Date(from.getTime());
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + step);
    if (isWorkingDay(date)) left--;
  }
  return iso(date);
}

export function statementDeadline(year: number, quarter: 1 | 2 | 3 | 4): string {
  return addWorkingDays(quarterEnd(year, quarter), 10);
}
