import { t } from '../../i18n/index.ts';

const ENTITY_KINDS = ['juridiction', 'service', 'bureau', 'direction'] as const;

/** The kind of the ministry's entity an order or a quote is for. */
export function EntityKindField({ id, value, onChange }: { id: string; value: string; onChange: (event: { target: { value: string } }) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('tracking.newOrder.entityKind')}</label>
      <select id={id} value={value} onChange={onChange}>
        {ENTITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`tracking.newOrder.entityKinds.${kind}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
