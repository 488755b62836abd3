import { useRef, useState } from 'react';
import type { Proposal } from '../../../propagation/planning/propose-plan.ts';
import { DEFAULT_SCALES } from '../../../propagation/layers/colour-scale.ts';
import { REQUIREMENT_CODES } from '../../../propagation/layers/zone-statistics.ts';
import { PlanningRun, type PlanningProgress } from '../../../workers/planning-client.ts';
import { EngineClient, type Progress } from '../../../workers/engine-client.ts';
import { CancelledError } from '../../../workers/engine-protocol.ts';
import { useServices } from '../../app/app-services.ts';
import { applyProposal } from '../../actions/apply-proposal.ts';
import { checkProposal, type ProposalCheck } from '../../engine/proposal-check.ts';
import { EXISTING_AP_CHOICES, proposalInput, proposalSettings, type LevelProposalInput, type ProposalSettings } from '../../engine/proposal-input.ts';
import { sceneFromProject } from '../../engine/scene-from-project.ts';
import { t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { ProposalDetails } from './proposal/ProposalDetails.tsx';
import { ProposalSettingsForm } from './proposal/ProposalSettingsForm.tsx';
import { ResultHeatmap } from './ResultHeatmap.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: PlanningProgress | null }
  | { kind: 'checking'; progress: Progress | null }
  | { kind: 'done'; proposal: Proposal; settings: ProposalSettings; input: LevelProposalInput; check: ProposalCheck }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/**
 * One click: fewest APs meeting every zone's requirement, their channels, an explanation; then the study with the
 * proposal applied is computed exactly as « Résultats » computes it (check table and pass/fail map) before the
 * user applies it in one undoable step. The level's APs already placed are kept and completed, or replaced, as the
 * user chooses.
 */
export function AutoPlacement({ document, levelId }: { document: ProjectDocument; levelId: string }) {
  const { documents, ui } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [settings, setSettings] = useState<ProposalSettings | null>(null);
  const planning = useRef<PlanningRun | null>(null);
  const checking = useRef<EngineClient | null>(null);
  const level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level || document.apModels.length === 0) return null;
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);
  const current = settings ?? proposalSettings(document, levelId);
  const placed = document.accessPoints.filter((ap) => ap.levelId === levelId);
  const unlocked = placed.filter((ap) => !ap.locked).length;

  const start = async () => {
    setState({ kind: 'running', progress: null });
    try {
      const input = proposalInput(document, levelId, current);
      const run = new PlanningRun(sceneFromProject(document), input, (progress) => setState((previous) => (previous.kind === 'running' ? { kind: 'running', progress } : previous)));
      planning.current = run;
      const proposal = await run.result;
      planning.current = null;
      setState({ kind: 'checking', progress: null });
      const engine = new EngineClient();
      checking.current = engine;
      const check = await checkProposal(document, levelId, proposal, current, (progress) => setState((previous) => (previous.kind === 'checking' ? { kind: 'checking', progress } : previous)), engine);
      setState({ kind: 'done', proposal, settings: current, input, check });
    } catch (error) {
      setState(error instanceof CancelledError ? { kind: 'cancelled' } : { kind: 'error', message: (error as Error).message });
    } finally {
      planning.current = null;
      checking.current = null;
    }
  };
  const cancel = () => {
    planning.current?.cancel();
    if (checking.current) {
      checking.current.dispose();
      checking.current = null;
      setState({ kind: 'cancelled' });
    }
  };

  return (
    <section aria-labelledby={`proposal-title-${levelId}`} className="proposal">
      <h2 id={`proposal-title-${levelId}`}>{t('results.proposal.title')}</h2>
      <p className="muted">{t('results.proposal.intro')}</p>
      <ProposalSettingsForm settings={current} models={document.apModels} onChange={setSettings} />
      {placed.length > 0 && (
        <fieldset className="choice" data-testid="proposal-existing">
          <legend>{t('results.proposal.existing.legend', { count: placed.length, locked: placed.length - unlocked })}</legend>
          {EXISTING_AP_CHOICES.map((choice) => (
            <label key={choice} className="checkbox">
              <input type="radio" name={`existing-${levelId}`} value={choice} checked={current.existingAps === choice} onChange={() => setSettings({ ...current, existingAps: choice })} />
              {t(`results.proposal.existing.${choice}`, { count: unlocked })}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="primary" disabled={state.kind === 'running' || state.kind === 'checking' || zones.length === 0} onClick={() => void start()}>
        {t('results.proposal.run', { level: level.name })}
      </button>
      <div role="status" data-testid="proposal-status" className="engine-status">
        {(state.kind === 'running' || state.kind === 'checking') && (
          <>
            {/* The button first: the phase text after it changes length as the search goes on. */}
            <button type="button" onClick={cancel}>
              {t('results.cancel')}
            </button>{' '}
            {state.kind === 'running' ? (
              <>
                <progress max={Math.max(1, state.progress?.total ?? 1)} value={state.progress?.done ?? 0} />{' '}
                {state.progress ? t(`results.proposal.phases.${state.progress.phase}`, { done: state.progress.done, total: state.progress.total }) : t('results.proposal.running')}
              </>
            ) : (
              <>
                <progress max={Math.max(1, state.progress?.total ?? 1)} value={state.progress?.done ?? 0} /> {t('results.proposal.checking')}
              </>
            )}
          </>
        )}
        {state.kind === 'cancelled' && t('results.proposal.cancelled')}
        {state.kind === 'error' && <span role="alert">{state.message}</span>}
        {state.kind === 'done' &&
          t(state.settings.existingAps === 'completer' && placed.length > 0 ? 'results.proposal.summaryAdded' : 'results.proposal.summary', {
            count: state.proposal.positions.length,
            model: state.settings.model.model,
            baseline: state.proposal.baselineCount,
            candidates: state.proposal.candidates,
            kept: state.check.preview.accessPoints.filter((ap) => ap.levelId === levelId).length - state.proposal.positions.length,
          })}
      </div>
      {state.kind === 'done' && (
        <div data-testid="proposal-details">
          <ProposalDetails
            proposal={state.proposal}
            zones={zones}
            signals={state.input.zones.map((zone, index) => ({ signalDbm: zone.minPrimaryRssiDbm, driver: state.input.signalDrivers[index]! }))}
            targetShare={state.settings.targetShare}
            mountingAreas={state.input.mountingAreas?.length ?? 0}
            check={state.check.bands}
          />
          {state.check.maps.map((map) => (
            <ResultHeatmap
              key={map.band}
              document={state.check.preview}
              result={map}
              scale={DEFAULT_SCALES.requirement}
              label={t('results.proposal.map', { level: level.name, band: map.band.replace('.', ',') })}
              highlightedApIds={state.check.addedApIds}
              testId={`proposal-map-${map.band}`}
            >
              <span className="legend-title">{t('results.proposal.map', { level: level.name, band: map.band.replace('.', ',') })}</span>
              <ul className="legend legend-codes">
                {REQUIREMENT_CODES.map((code, index) => (
                  <li key={code}>
                    <span className="legend-swatch" style={{ background: `rgb(${DEFAULT_SCALES.requirement.stops[index]!.join(', ')})` }} aria-hidden="true" /> {t(`editor.heatmap.requirementCodes.${code}`)}
                  </li>
                ))}
                <li>
                  <span className="legend-swatch legend-dot" style={{ background: '#e8590c' }} aria-hidden="true" /> {t('results.proposal.mapNew')}
                </li>
                <li>
                  <span className="legend-swatch legend-dot" style={{ background: '#0b5cad' }} aria-hidden="true" /> {t('results.proposal.mapKept')}
                </li>
              </ul>
            </ResultHeatmap>
          ))}
          <button
            type="button"
            onClick={() => {
              const action = applyProposal(document, levelId, state.proposal, state.settings, newId, t('results.proposal.actionLabel'));
              documents.getState().change(action.label, action.recipe);
              ui.getState().pushToast('success', t('results.proposal.applied', { count: state.proposal.positions.length }), [], document.id);
              setState({ kind: 'idle' });
            }}
          >
            {t('results.proposal.apply')}
          </button>
        </div>
      )}
    </section>
  );
}
