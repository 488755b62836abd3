import { useRef, useState } from 'react';
import type { Proposal } from '../../../propagation/planning/propose-plan.ts';
import { PlanningRun, type PlanningProgress } from '../../../workers/planning-client.ts';
import { CancelledError } from '../../../workers/engine-protocol.ts';
import { useServices } from '../../app/app-services.ts';
import { applyProposal } from '../../actions/apply-proposal.ts';
import { proposalInput, proposalSettings, type LevelProposalInput, type ProposalSettings } from '../../engine/proposal-input.ts';
import { sceneFromProject } from '../../engine/scene-from-project.ts';
import { t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { ProposalDetails } from './proposal/ProposalDetails.tsx';
import { ProposalSettingsForm } from './proposal/ProposalSettingsForm.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: PlanningProgress | null }
  | { kind: 'done'; proposal: Proposal; settings: ProposalSettings; input: LevelProposalInput }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** One click: fewest APs meeting every zone's requirement, their channels, an explanation, and an undoable apply. */
export function AutoPlacement({ document, levelId }: { document: ProjectDocument; levelId: string }) {
  const { documents, ui } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [settings, setSettings] = useState<ProposalSettings | null>(null);
  const run = useRef<PlanningRun | null>(null);
  const level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level || document.apModels.length === 0) return null;
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);
  const current = settings ?? proposalSettings(document, levelId);

  const start = async () => {
    setState({ kind: 'running', progress: null });
    try {
      const input = proposalInput(document, levelId, current);
      const planning = new PlanningRun(sceneFromProject(document), input, (progress) => setState((previous) => (previous.kind === 'running' ? { kind: 'running', progress } : previous)));
      run.current = planning;
      const proposal = await planning.result;
      setState({ kind: 'done', proposal, settings: current, input });
    } catch (error) {
      setState(error instanceof CancelledError ? { kind: 'cancelled' } : { kind: 'error', message: (error as Error).message });
    } finally {
      run.current = null;
    }
  };

  return (
    <section aria-labelledby={`proposal-title-${levelId}`} className="proposal">
      <h2 id={`proposal-title-${levelId}`}>{t('results.proposal.title')}</h2>
      <p className="muted">{t('results.proposal.intro')}</p>
      <ProposalSettingsForm settings={current} models={document.apModels} onChange={setSettings} />
      <button type="button" className="primary" disabled={state.kind === 'running' || zones.length === 0} onClick={() => void start()}>
        {t('results.proposal.run', { level: level.name })}
      </button>
      <div role="status" data-testid="proposal-status" className="engine-status">
        {state.kind === 'running' && (
          <>
            {/* The button first: the phase text after it changes length as the search goes on. */}
            <button type="button" onClick={() => run.current?.cancel()}>
              {t('results.cancel')}
            </button>{' '}
            <progress max={Math.max(1, state.progress?.total ?? 1)} value={state.progress?.done ?? 0} />{' '}
            {state.progress ? t(`results.proposal.phases.${state.progress.phase}`, { done: state.progress.done, total: state.progress.total }) : t('results.proposal.running')}
          </>
        )}
        {state.kind === 'cancelled' && t('results.proposal.cancelled')}
        {state.kind === 'error' && <span role="alert">{state.message}</span>}
        {state.kind === 'done' &&
          t('results.proposal.summary', { count: state.proposal.positions.length, model: state.settings.model.model, baseline: state.proposal.baselineCount, candidates: state.proposal.candidates })}
      </div>
      {state.kind === 'done' && (
        <div data-testid="proposal-details">
          <ProposalDetails
            proposal={state.proposal}
            zones={zones}
            signals={state.input.zones.map((zone, index) => ({ signalDbm: zone.minPrimaryRssiDbm, driver: state.input.signalDrivers[index]! }))}
            targetShare={state.settings.targetShare}
            mountingAreas={state.input.mountingAreas?.length ?? 0}
          />
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
