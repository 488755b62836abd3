import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { levelStatistics } from '../../model/level-statistics.ts';
import { surfaceTier } from '../../model/surface-tier.ts';
import { portal, type CatalogueService, type NewQuote } from '../../portal/portal-client.ts';
import { parsedLines, QuoteLinesEditor, type EditableLine } from './QuoteLinesEditor.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { EntityKindField } from './EntityKindField.tsx';

const TERRITORIES = ['metropole', 'GP', 'MQ', 'RE', 'GF', 'YT', 'BL', 'MF', 'PM', 'NC', 'PF', 'WF'] as const;
/** The complexity a study's surface suggests (the contract's three surface tiers, in order). */
const SUGGESTED = { under500: 'Simple', from501to1000: 'Moyenne', from1001to3000: 'Complexe' } as const;

type Fields = Omit<NewQuote, 'lines' | 'study' | 'wantedStart' | 'wantedEnd'> & { wantedStart: string; wantedEnd: string };

/** A new quote: the need statement, then the lines; prefilled from a study when started from one. */
export function QuoteForm({ studyId }: { studyId: string | null }) {
  const { db } = useServices();
  const [catalogue, setCatalogue] = useState<CatalogueService[]>([]);
  const [fields, setFields] = useState<Fields>({ entityKind: 'juridiction', entityName: '', bureau: '', dit: '', site: '', territory: 'metropole', requestedOn: new Date().toISOString().slice(0, 10), wantedStart: '', wantedEnd: '', need: '' });
  const [lines, setLines] = useState<EditableLine[]>([{ service: '4.1.6', level: 'Moyenne', quantity: '1', outOfHours: null }]);
  const [study, setStudy] = useState<NewQuote['study']>(null);
  const [note, setNote] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    portal
      .catalogue()
      .then((answer) => setCatalogue(answer.services))
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);

  useEffect(() => {
    if (!studyId) return;
    db.loadDocument(studyId)
      .then((document) => {
        const area = levelStatistics(document).reduce((sum, level) => sum + level.coverageAreaM2, 0);
        const tier = surfaceTier(area);
        const nature = t(`studyKinds.${document.study.kind}`);
        const site = document.study.site;
        setFields((current) => ({
          ...current,
          entityKind: site.entityKind === 'autre' ? 'service' : site.entityKind,
          entityName: site.entityName,
          dit: site.dit,
          site: site.address,
          wantedStart: document.study.startDate ?? '',
          wantedEnd: document.study.endDate ?? '',
          need: `${nature} — ${document.study.title} : ${formatNumber(area, 0)} m² à couvrir sur ${document.levels.length} niveau${document.levels.length > 1 ? 'x' : ''}.`,
        }));
        setStudy({ name: document.study.title, nature, surfaceM2: Math.round(area * 10) / 10, levels: document.levels.length, projectId: document.id });
        if (tier in SUGGESTED) {
          const complexity = SUGGESTED[tier as keyof typeof SUGGESTED];
          setSuggested(complexity);
          setNote(t('tracking.quotes.fromStudy', { name: document.study.title, surface: formatNumber(area, 0), tier: t(`tiers.${tier}`).toLowerCase(), complexity }));
        } else setNote(t('tracking.quotes.fromStudyOver', { name: document.study.title, surface: formatNumber(area, 0) }));
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, [db, studyId]);

  useEffect(() => {
    // The suggested complexity's maximum duration as the starting quantity: the manager lowers it to the estimate.
    const maxDays = catalogue.find((service) => service.number === '4.1.6')?.complexity.find((level) => level.level === suggested)?.maxDays;
    if (suggested && maxDays !== undefined) setLines([{ service: '4.1.6', level: suggested, quantity: String(maxDays), outOfHours: null }]);
  }, [catalogue, suggested]);

  const set = (name: keyof Fields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });
  const text = (name: keyof Fields, required = false, type = 'text') => (
    <div className="field">
      <label htmlFor={`quote-${name}`}>{t(`tracking.quotes.${name}` as 'tracking.quotes.entityName')}</label>
      {type === 'date' ? <DateInput id={`quote-${name}`} required={required} value={fields[name]} onChange={(iso) => setFields((current) => ({ ...current, [name]: iso }))} /> : <input id={`quote-${name}`} type={type} required={required} value={fields[name]} onChange={set(name)} />}
    </div>
  );
  return (
    <form
      className="panel quote-form"
      aria-labelledby="quote-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parsedLines(lines);
        if (typeof parsed === 'string') return setError(parsed);
        portal
          .createQuote({ ...fields, wantedStart: fields.wantedStart || null, wantedEnd: fields.wantedEnd || null, lines: parsed, study })
          .then((created) => (window.location.hash = `#/suivi/devis/${encodeURIComponent(created.id)}`))
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <p>
        <a href="#/suivi">{t('tracking.quotes.back')}</a>
      </p>
      <h2 id="quote-form-title">{t('tracking.quotes.newTitle')}</h2>
      {note && (
        <p className="notice" data-testid="quote-from-study">
          {note}
        </p>
      )}
      <div className="form-grid">
        <EntityKindField id="quote-entityKind" value={fields.entityKind} onChange={set('entityKind')} />
        {text('entityName', true)}
        {text('bureau')}
        {text('dit', true)}
        {text('site')}
        <div className="field">
          <label htmlFor="quote-territory">{t('tracking.quotes.territory')}</label>
          <select id="quote-territory" value={fields.territory} onChange={set('territory')}>
            {TERRITORIES.map((code) => (
              <option key={code} value={code}>
                {t(`tracking.quotes.territories.${code}`)}
              </option>
            ))}
          </select>
        </div>
        {text('requestedOn', true, 'date')}
        {text('wantedStart', false, 'date')}
        {text('wantedEnd', false, 'date')}
      </div>
      <div className="field">
        <label htmlFor="quote-need">{t('tracking.quotes.need')}</label>
        <textarea id="quote-need" rows={3} value={fields.need} onChange={set('need')} />
      </div>
      {catalogue.length > 0 && <QuoteLinesEditor lines={lines} onChange={setLines} catalogue={catalogue} />}
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary">
        {t('tracking.quotes.save')}
      </button>
    </form>
  );
}

