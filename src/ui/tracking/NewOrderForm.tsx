import { useState } from 'react';
import { t } from '../../i18n/index.ts';
import { portal, type NewPortalOrder } from '../../portal/portal-client.ts';
import { parseDecimal } from './decimal-input.ts';
import { DateInput } from '../components/DateInput.tsx';
import { EntityKindField } from './EntityKindField.tsx';

const TEXT_FIELDS = ['number', 'entityName', 'bureau', 'dit', 'service', 'legalCommitment', 'quoteNumber', 'profileType', 'profileName'] as const;
const REQUIRED = new Set(['number', 'entityName', 'dit', 'service', 'legalCommitment', 'quoteNumber', 'orderedDays', 'amountHt', 'orderedOn']);

/** The contractor's manager records a purchase order received from the administration. */
export function NewOrderForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({ entityKind: 'juridiction', complexity: 'Moyenne', orderedOn: new Date().toISOString().slice(0, 10), dueOn: '', orderedDays: '', amountHt: '' });
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('tracking.newOrder.open')}
        </button>
      </p>
    );
  const set = (name: string) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });
  const input = (name: string, type = 'text') => (
    <div className="field" key={name}>
      <label htmlFor={`order-${name}`}>{t(`tracking.newOrder.${name as 'number'}`)}</label>
      {type === 'date' ? <DateInput id={`order-${name}`} required={REQUIRED.has(name)} value={fields[name] ?? ''} onChange={(iso) => setFields((current) => ({ ...current, [name]: iso }))} /> : <input id={`order-${name}`} type={type} required={REQUIRED.has(name)} value={fields[name] ?? ''} onChange={set(name)} {...(name === 'orderedDays' || name === 'amountHt' ? { inputMode: 'decimal' as const } : {})} />}
    </div>
  );
  return (
    <form
      className="panel new-order"
      aria-labelledby="new-order-title"
      onSubmit={(event) => {
        event.preventDefault();
        const orderedDays = parseDecimal(fields.orderedDays ?? '');
        const amountHt = parseDecimal(fields.amountHt ?? '');
        if (orderedDays === null || amountHt === null) return setError(t('tracking.newOrder.numberHint'));
        const order: NewPortalOrder = {
          ...(Object.fromEntries(TEXT_FIELDS.map((name) => [name, (fields[name] ?? '').trim()])) as Pick<NewPortalOrder, (typeof TEXT_FIELDS)[number]>),
          entityKind: fields.entityKind!,
          complexity: fields.complexity!,
          orderedOn: fields.orderedOn!,
          dueOn: fields.dueOn || null,
          orderedDays,
          amountHt,
        };
        portal
          .createOrder(order)
          .then(onCreated)
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <h2 id="new-order-title">{t('tracking.newOrder.title')}</h2>
      <div className="form-grid">
        {input('number')}
        <EntityKindField id="order-entityKind" value={fields.entityKind ?? 'juridiction'} onChange={set('entityKind')} />
        {input('entityName')}
        {input('bureau')}
        {input('dit')}
        {input('service')}
        <div className="field">
          <label htmlFor="order-complexity">{t('tracking.newOrder.complexity')}</label>
          <select id="order-complexity" value={fields.complexity} onChange={set('complexity')}>
            {(['Simple', 'Moyenne', 'Complexe'] as const).map((level) => (
              <option key={level} value={level}>
                {t(`tracking.newOrder.complexities.${level}`)}
              </option>
            ))}
          </select>
        </div>
        {input('legalCommitment')}
        {input('quoteNumber')}
        {input('orderedDays')}
        {input('amountHt')}
        {input('orderedOn', 'date')}
        {input('dueOn', 'date')}
        {input('profileType')}
        {input('profileName')}
      </div>
      <p className="muted">{t('tracking.newOrder.numberHint')}</p>
      {error && <p role="alert">{error}</p>}
      <p className="actions">
        <button type="submit" className="primary">
          {t('tracking.newOrder.create')}
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          {t('tracking.newOrder.cancel')}
        </button>
      </p>
    </form>
  );
}
