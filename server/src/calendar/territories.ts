/**
 * Where a service is carried out: metropolitan France or one of the overseas territories (§4.4). Each has its public
 * holidays (`date-holidays`: the five DROM and Saint-Barthélemy / Saint-Martin as regions of France, the other COM as
 * their own codes) and the VAT rate a new price grid starts from (the grid may change it).
 */
import Holidays from 'date-holidays';

export const TERRITORIES = {
  metropole: { name: 'France métropolitaine', holidays: ['FR'], defaultVat: 0.2 },
  GP: { name: 'Guadeloupe', holidays: ['FR', 'GP'], defaultVat: 0.085 },
  MQ: { name: 'Martinique', holidays: ['FR', 'MQ'], defaultVat: 0.085 },
  RE: { name: 'La Réunion', holidays: ['FR', 'RE'], defaultVat: 0.085 },
  // Guyane and Mayotte: French VAT not applied (CGI art. 294).
  GF: { name: 'Guyane', holidays: ['FR', 'GF'], defaultVat: 0 },
  YT: { name: 'Mayotte', holidays: ['FR', 'YT'], defaultVat: 0 },
  // The COM have their own taxes: no French VAT.
  BL: { name: 'Saint-Barthélemy', holidays: ['FR', 'BL'], defaultVat: 0 },
  MF: { name: 'Saint-Martin', holidays: ['FR', 'MF'], defaultVat: 0 },
  PM: { name: 'Saint-Pierre-et-Miquelon', holidays: ['PM'], defaultVat: 0 },
  NC: { name: 'Nouvelle-Calédonie', holidays: ['NC'], defaultVat: 0 },
  PF: { name: 'Polynésie française', holidays: ['PF'], defaultVat: 0 },
  WF: { name: 'Wallis-et-Futuna', holidays: ['WF'], defaultVat: 0 },
} as const;

export type Territory = keyof typeof TERRITORIES;
export const isTerritory = (value: unknown): value is Territory => typeof value === 'string' && Object.hasOwn(TERRITORIES, value);

const calendars = new Map<string, Holidays>();
function calendar(territory: Territory): Holidays {
  let holidays = calendars.get(territory);
  if (!holidays) {
    const [country, region] = TERRITORIES[territory].holidays.length === 2 ? TERRITORIES[territory].holidays : [TERRITORIES[territory].holidays[0], undefined];
    holidays = region ? new Holidays(country!, region) : new Holidays(country!);
    calendars.set(territory, holidays);
  }
  return holidays;
}

const byYear = new Map<string, Map<string, string>>();
/** The territory's public holidays of a year: day (AAAA-MM-JJ) → name. */
export function publicHolidays(territory: Territory, year: number): Map<string, string> {
  const key = `${territory}:${year}`;
  let days = byYear.get(key);
  if (!days) {
    days = new Map(calendar(territory).getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => [holiday.date.slice(0, 10), holiday.name]));
    byYear.set(key, days);
  }
  return days;
}
