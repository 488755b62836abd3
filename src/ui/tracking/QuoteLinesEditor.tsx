import { t } from '../../i18n/index.ts';
import type { CatalogueService, OutOfHoursSlot, QuoteLine } from '../../portal/portal-client.ts';
import { decimalText, parseDecimal } from './decimal-input.ts';

/** What a service is priced at: its complexity levels, its flat rate or its half-day (4.4 is priced as 4.3.5). */
export function levelsOf(service: CatalogueService | undefined): string[] {
  if (!service) return [];
  if (service.number === '4.4') return ['Demi-journée'];
  if (service.valuation === 'complexite') return service.complexity.map((level) => level.level);
  if (service.valuation === 'forfait') return ['Forfait'];
  if (service.valuation === 'demi-journee') return ['Demi-journée'];
  return [];
}

export type EditableLine = Omit<QuoteLine, 'quantity'> & { quantity: string };
export const editable = (line: QuoteLine): EditableLine => ({ ...line, quantity: decimalText(line.quantity) });
/** The lines to send, or the first problem in French. */
export function parsedLines(lines: EditableLine[]): QuoteLine[] | string {
  const parsed: QuoteLine[] = [];
  for (const [index, line] of lines.entries()) {
    const quantity = parseDecimal(line.quantity);
    if (quantity === null || quantity <= 0) return `Ligne ${index + 1} : ${t('tracking.newOrder.numberHint')}`;
    parsed.push({ ...line, quantity });
  }
  return parsed;
}

const SLOTS: OutOfHoursSlot[] = ['semaine', 'samedi', 'dimanche-ferie', 'nuit'];

/** The quote's lines: service from the catalogue, its level, the quantity of work units, the out-of-hours slot. */
export function QuoteLinesEditor({ lines, onChange, catalogue }: { lines: EditableLine[]; onChange: (lines: EditableLine[]) => void; catalogue: CatalogueService[] }) {
  const priced = catalogue.filter((service) => service.valuation !== 'autre');
  const set = (index: number, patch: Partial<EditableLine>) => onChange(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <fieldset className="quote-lines">
      <legend>{t('tracking.quotes.lines')}</legend>
      {lines.map((line, index) => {
        const service = catalogue.find((entry) => entry.number === line.service);
        const levels = levelsOf(service);
        const maximum = service?.complexity.find((level) => level.level === line.level)?.maxDays;
        return (
          <div className="quote-line" key={index} data-testid="quote-line">
            <div className="field service">
              <label htmlFor={`line-service-${index}`}>{t('tracking.quotes.service')}</label>
              <select
                id={`line-service-${index}`}
                value={line.service}
                onChange={(event) => {
                  const next = catalogue.find((entry) => entry.number === event.target.value);
                  set(index, { service: event.target.value, level: levelsOf(next)[0] ?? '', outOfHours: null });
                }}
              >
                {priced.map((entry) => (
                  <option key={entry.number} value={entry.number}>
                    {`${entry.number} ${entry.title}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`line-level-${index}`}>{t('tracking.quotes.level')}</label>
              <select id={`line-level-${index}`} value={line.level} onChange={(event) => set(index, { level: event.target.value })}>
                {levels.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
              {maximum !== undefined && <span className="field-hint">{t('tracking.quotes.maxDays', { days: maximum })}</span>}
            </div>
            <div className="field">
              <label htmlFor={`line-quantity-${index}`}>{t('tracking.quotes.quantity')}</label>
              <input id={`line-quantity-${index}`} type="text" inputMode="decimal" value={line.quantity} onChange={(event) => set(index, { quantity: event.target.value })} />
            </div>
            {service?.outOfHours && (
              <div className="field">
                <label htmlFor={`line-hno-${index}`}>{t('tracking.quotes.outOfHours')}</label>
                <select id={`line-hno-${index}`} value={line.outOfHours ?? ''} onChange={(event) => set(index, { outOfHours: (event.target.value || null) as OutOfHoursSlot | null })}>
                  <option value="">{t('tracking.quotes.none_')}</option>
                  {SLOTS.map((slot) => (
                    <option key={slot} value={slot}>
                      {t(`tracking.quotes.slots.${slot}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {lines.length > 1 && (
              <button type="button" className="link-button" onClick={() => onChange(lines.filter((_, at) => at !== index))}>
                {t('tracking.quotes.removeLine')}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...lines, { service: '4.1.6', level: 'Moyenne', quantity: '1', outOfHours: null }])}>
        {t('tracking.quotes.addLine')}
      </button>
    </fieldset>
  );
}
