import { useServices } from '../../app/app-services.ts';
import { setDelivery } from '../../actions/study-actions.ts';
import { messages, t } from '../../i18n/index.ts';
import { COMPLEXITIES, INPUT_STATUSES, LIMITS, type Delivery, type ProjectDocument } from '../../model/schema.ts';
import { CommitField, SelectField } from '../components/Fields.tsx';

type RowList = 'participants' | 'revisions' | 'activities';

const today = () => new Date().toISOString().slice(0, 10);

/** New rows, filled so the gate accepts them (a name, a version, a description) and ready to be edited. */
const NEW_ROW = {
  participants: () => ({ name: t('delivery.newParticipant'), organisation: '', role: '' }),
  revisions: (delivery: Delivery) => ({ version: nextVersion(delivery), date: today(), author: '', changes: '' }),
  activities: () => ({ date: today(), who: '', what: t('delivery.newActivity') }),
};

function nextVersion(delivery: Delivery): string {
  const last = delivery.revisions.at(-1)?.version;
  const match = last ? /^(\d+)\.(\d+)$/.exec(last) : null;
  return match ? `${match[1]}.${Number(match[2]) + 1}` : '1.0';
}

/**
 * The deliverables' document control, stored with the study: contractor and contract, complexity, the inputs the
 * administration supplied (§4.1.6), participants, versions, what was done and the reservations. Every document and
 * the compte rendu print it.
 */
export function DeliveryForm({ document }: { document: ProjectDocument }) {
  const { documents } = useServices();
  const delivery = document.study.delivery;
  const text = messages().delivery;
  const apply = (patch: Partial<Delivery>, field: string) => {
    const action = setDelivery(patch, t('delivery.action', { field }));
    return documents.getState().change(action.label, action.recipe);
  };
  const editRow = <L extends RowList>(list: L, index: number, patch: Partial<Delivery[L][number]>, field: string) => apply({ [list]: delivery[list].map((row, at) => (at === index ? { ...row, ...patch } : row)) } as Partial<Delivery>, field);
  const addRow = (list: RowList) => apply({ [list]: [...delivery[list], list === 'revisions' ? NEW_ROW.revisions(delivery) : NEW_ROW[list]()] } as Partial<Delivery>, text.lists[list]);
  const removeRow = (list: RowList, index: number) => apply({ [list]: delivery[list].filter((_, at) => at !== index) } as Partial<Delivery>, text.lists[list]);
  return (
    <details className="panel delivery-form">
      <summary>
        <h2 id="delivery-title">{text.title}</h2>
        <span className="muted" data-testid="delivery-summary">
          {t('delivery.summary', { missing: delivery.inputs.filter((input) => input.status === 'manquant').length, unclear: delivery.inputs.filter((input) => input.status === 'a-preciser').length, versions: delivery.revisions.length })}
        </span>
      </summary>
      <p className="muted">{text.intro}</p>
      <div className="field-row">
        <CommitField name="contractor" label={text.contractor} maxLength={LIMITS.referenceChars} value={delivery.contractor} onCommit={(value) => apply({ contractor: value }, text.contractor)} />
        <CommitField name="contract-number" label={text.contractNumber} maxLength={LIMITS.referenceChars} value={delivery.contractNumber} onCommit={(value) => apply({ contractNumber: value }, text.contractNumber)} />
      </div>
      <div className="field-row">
        <SelectField
          name="complexity"
          label={text.complexity}
          value={delivery.complexity ?? ''}
          options={[{ value: '', label: text.complexityUnset }, ...COMPLEXITIES.map((value) => ({ value, label: t(`delivery.complexities.${value}`) }))]}
          onChange={(value) => apply({ complexity: value === '' ? null : value }, text.complexity)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={delivery.restricted} onChange={(event) => apply({ restricted: event.target.checked }, text.restricted)} />
          {text.restricted}
        </label>
      </div>

      <h3>{text.equipmentTitle}</h3>
      <div className="field-row">
        <SelectField
          name="technical-room-level"
          label={text.technicalRoomLevel}
          value={delivery.technicalRoom?.levelId ?? ''}
          options={[{ value: '', label: text.technicalRoomUnset }, ...document.levels.map((level) => ({ value: level.id, label: level.name }))]}
          onChange={(levelId) => apply({ technicalRoom: levelId ? { levelId, position: delivery.technicalRoom?.position ?? { xM: 0, yM: 0 } } : null }, text.technicalRoomLevel)}
        />
        {delivery.technicalRoom && (
          <>
            <CommitField type="number" step={0.1} name="technical-room-x" label={text.technicalRoomX} value={String(delivery.technicalRoom.position.xM)} onCommit={(value) => Number.isFinite(Number(value)) && value !== '' ? apply({ technicalRoom: { ...delivery.technicalRoom!, position: { ...delivery.technicalRoom!.position, xM: Number(value) } } }, text.technicalRoomX) : false} />
            <CommitField type="number" step={0.1} name="technical-room-y" label={text.technicalRoomY} value={String(delivery.technicalRoom.position.yM)} onCommit={(value) => Number.isFinite(Number(value)) && value !== '' ? apply({ technicalRoom: { ...delivery.technicalRoom!, position: { ...delivery.technicalRoom!.position, yM: Number(value) } } }, text.technicalRoomY) : false} />
          </>
        )}
        <CommitField type="number" step={1} name="spare-share" label={text.spareShare} value={String(Math.round(delivery.spareShare * 100))} onCommit={(value) => Number.isFinite(Number(value)) && value !== '' ? apply({ spareShare: Number(value) / 100 }, text.spareShare) : false} />
      </div>

      <h3>{text.inputsTitle}</h3>
      <table className="data-table delivery-inputs">
        <thead>
          <tr>
            <th scope="col">{text.input}</th>
            <th scope="col">{text.status}</th>
            <th scope="col">{text.note}</th>
          </tr>
        </thead>
        <tbody>
          {delivery.inputs.map((input, index) => (
            <tr key={input.item}>
              <th scope="row">{t(`delivery.inputs.${input.item}`)}</th>
              <td>
                <SelectField name={`input-${input.item}`} label={t(`delivery.inputs.${input.item}`)} value={input.status} options={INPUT_STATUSES.map((value) => ({ value, label: t(`delivery.statuses.${value}`) }))} onChange={(status) => apply({ inputs: delivery.inputs.map((row, at) => (at === index ? { ...row, status } : row)) }, text.inputsTitle)} />
              </td>
              <td>
                <CommitField hideLabel label={`${text.note} — ${t(`delivery.inputs.${input.item}`)}`} maxLength={LIMITS.referenceChars} value={input.note} onCommit={(note) => apply({ inputs: delivery.inputs.map((row, at) => (at === index ? { ...row, note } : row)) }, text.inputsTitle)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <RowTable
        title={text.lists.participants}
        rows={delivery.participants}
        columns={[
          { key: 'name', label: text.participant.name },
          { key: 'organisation', label: text.participant.organisation },
          { key: 'role', label: text.participant.role },
        ]}
        onEdit={(index, key, value) => editRow('participants', index, { [key]: value }, text.lists.participants)}
        onAdd={() => addRow('participants')}
        onRemove={(index) => removeRow('participants', index)}
      />
      <RowTable
        title={text.lists.revisions}
        rows={delivery.revisions}
        columns={[
          { key: 'version', label: text.revision.version },
          { key: 'date', label: text.revision.date, type: 'date' },
          { key: 'author', label: text.revision.author },
          { key: 'changes', label: text.revision.changes },
        ]}
        onEdit={(index, key, value) => editRow('revisions', index, { [key]: value }, text.lists.revisions)}
        onAdd={() => addRow('revisions')}
        onRemove={(index) => removeRow('revisions', index)}
      />
      <RowTable
        title={text.lists.activities}
        rows={delivery.activities}
        columns={[
          { key: 'date', label: text.activity.date, type: 'date' },
          { key: 'who', label: text.activity.who },
          { key: 'what', label: text.activity.what, maxLength: 1000 },
        ]}
        onEdit={(index, key, value) => editRow('activities', index, { [key]: value }, text.lists.activities)}
        onAdd={() => addRow('activities')}
        onRemove={(index) => removeRow('activities', index)}
      />
      <CommitField name="reservations" multiline label={text.reservations} maxLength={LIMITS.notesChars} value={delivery.reservations} onCommit={(value) => apply({ reservations: value }, text.reservations)} />
    </details>
  );
}

interface RowTableProps<Row extends object> {
  title: string;
  rows: readonly Row[];
  columns: { key: keyof Row & string; label: string; type?: 'date'; maxLength?: number }[];
  onEdit: (index: number, key: keyof Row & string, value: string) => boolean | void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

function RowTable<Row extends object>({ title, rows, columns, onEdit, onAdd, onRemove }: RowTableProps<Row>) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('delivery.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.key}>
                    <CommitField hideLabel type={column.type} label={`${column.label} (${index + 1})`} maxLength={column.type ? undefined : (column.maxLength ?? LIMITS.referenceChars)} value={String(row[column.key] ?? '')} onCommit={(value) => onEdit(index, column.key, value)} />
                  </td>
                ))}
                <td>
                  <button type="button" className="link-button" onClick={() => onRemove(index)} aria-label={`${t('delivery.remove')} (${index + 1})`}>
                    {t('delivery.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onAdd}>
        {t('delivery.add', { what: title.toLowerCase() })}
      </button>
    </>
  );
}
