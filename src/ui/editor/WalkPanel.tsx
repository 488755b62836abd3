import { useEffect, useState } from 'react';
import { DEFAULT_WALK_OPTIONS, type WalkProfile } from '../../../propagation/planning/client-walk.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import type { Editor } from '../../editor/editor.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { useRadioScene } from '../use-radio-scene.ts';
import { useEditorState } from './use-editor.ts';

const CHART = { width: 260, height: 110, min: -95, max: -35 };

/** The client walk along the drawn path: serving AP, its signal and the handovers, computed in the engine worker. */
export function WalkPanel({ editor, document, levelId, band, onProfile }: { editor: Editor; document: ProjectDocument; levelId: string; band: BandId; onProfile: (profile: WalkProfile | null) => void }) {
  const path = useEditorState(editor, (state) => state.walkPath);
  const scene = useRadioScene(document);
  const [hysteresisDb, setHysteresis] = useState(DEFAULT_WALK_OPTIONS.hysteresisDb);
  const [roamTriggerDbm, setTrigger] = useState(DEFAULT_WALK_OPTIONS.roamTriggerDbm);
  const [profile, setProfile] = useState<WalkProfile | null>(null);
  useEffect(() => {
    setProfile(null);
    onProfile(null);
    if (!path) return;
    let live = true;
    void engine()
      .walk(scene, levelId, band, [...path], { ...DEFAULT_WALK_OPTIONS, hysteresisDb, roamTriggerDbm })
      .then((result) => {
        if (!live) return;
        setProfile(result);
        onProfile(result);
      });
    return () => {
      live = false;
    };
  }, [path, scene, levelId, band, hysteresisDb, roamTriggerDbm, onProfile]);
  if (!path) return null;
  const name = (index: number) => document.accessPoints.find((ap) => ap.id === profile?.apIds[index])?.name ?? '?';
  const length = profile?.samples.at(-1)?.distanceM ?? 0;
  const x = (distance: number) => (length > 0 ? (distance / length) * CHART.width : 0);
  const y = (dbm: number) => CHART.height - ((Math.max(CHART.min, Math.min(CHART.max, dbm)) - CHART.min) / (CHART.max - CHART.min)) * CHART.height;
  return (
    <section className="panel" aria-labelledby="walk-title" data-testid="walk-panel">
      <h2 id="walk-title">{t('editor.walk.title')}</h2>
      <p className="muted">{t('editor.walk.intro')}</p>
      <div className="field-row">
        <label>
          {t('editor.walk.hysteresis')}
          <input type="number" min={0} max={20} step={1} value={hysteresisDb} onChange={(event) => Number.isFinite(Number(event.target.value)) && setHysteresis(Number(event.target.value))} />
        </label>
        <label>
          {t('editor.walk.trigger')}
          <input type="number" min={-95} max={-40} step={1} value={roamTriggerDbm} onChange={(event) => Number.isFinite(Number(event.target.value)) && setTrigger(Number(event.target.value))} />
        </label>
      </div>
      {!profile && <p role="status">{t('editor.walk.computing')}</p>}
      {profile && profile.radioIds.length === 0 && <p>{t('editor.walk.noRadio')}</p>}
      {profile && profile.radioIds.length > 0 && (
        <>
          <p data-testid="walk-summary">
            {t('editor.walk.summary', { length: formatNumber(length, 1), count: profile.handovers.length, min: formatNumber(Math.min(...profile.samples.map((sample) => sample.servingDbm)), 1) })}
          </p>
          <svg width={CHART.width} height={CHART.height} role="img" aria-label={t('editor.walk.chart', { band: band.replace('.', ',') })} className="walk-chart">
            <rect width={CHART.width} height={CHART.height} fill="#f6f8fb" />
            <line x1={0} x2={CHART.width} y1={y(roamTriggerDbm)} y2={y(roamTriggerDbm)} stroke="#b22222" strokeDasharray="4 3" />
            <polyline fill="none" stroke="#0b5cad" strokeWidth={2} points={profile.samples.map((sample) => `${x(sample.distanceM)},${y(sample.servingDbm)}`).join(' ')} />
            {profile.handovers.map((handover, index) => (
              <line key={index} x1={x(handover.distanceM)} x2={x(handover.distanceM)} y1={0} y2={CHART.height} stroke="#e8590c" />
            ))}
          </svg>
          <ul>
            {profile.handovers.map((handover, index) => (
              <li key={index}>{t('editor.walk.handover', { distance: formatNumber(handover.distanceM, 1), from: name(handover.from), to: name(handover.to) })}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => editor.state.setState({ walkPath: null })}>
        {t('editor.walk.clear')}
      </button>
    </section>
  );
}
