import { useState } from 'react';
import type { Proposal } from '../../../propagation/planning/propose-plan.ts';
import { useServices } from '../../app/app-services.ts';
import { applyProposal } from '../../actions/apply-proposal.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { proposalInput, proposalSettings, type ProposalSettings } from '../../engine/proposal-input.ts';
import { sceneFromProject } from '../../engine/scene-from-project.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; proposal: Proposal; settings: ProposalSettings; levelId: string } | { kind: 'error'; message: string };

/** One click: fewest APs meeting every zone's requirement, their channels, an explanation, and an undoable apply. */
export function AutoPlacement({ document, levelId }: { document: ProjectDocument; levelId: string }) {
  const { documents, ui } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level || document.apModels.length === 0) return null;
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);

  const run = async () => {
    setState({ kind: 'running' });
    try {
      const settings = proposalSettings(document, levelId);
      const input = proposalInput(document, levelId, settings);
      setState({ kind: 'done', proposal: await engine().propose(sceneFromProject(document), input), settings, levelId });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  };

  return (
    <section aria-labelledby="proposal-title" className="proposal">
      <h2 id="proposal-title">{t('results.proposal.title')}</h2>
      <p className="muted">{t('results.proposal.intro')}</p>
      <button type="button" className="primary" disabled={state.kind === 'running' || zones.length === 0} onClick={() => void run()}>
        {t('results.proposal.run', { level: level.name })}
      </button>
      <div role="status" data-testid="proposal-status" className="engine-status">
        {state.kind === 'running' && t('results.proposal.running')}
        {state.kind === 'error' && <span role="alert">{state.message}</span>}
        {state.kind === 'done' &&
          t('results.proposal.summary', { count: state.proposal.positions.length, model: state.settings.model.model, baseline: state.proposal.baselineCount, candidates: state.proposal.candidates })}
      </div>
      {state.kind === 'done' && (
        <div data-testid="proposal-details">
          <p>{state.proposal.met ? t('results.proposal.met') : t('results.proposal.notMet')}</p>
          <ul>
            {zones.map((zone, index) => (
              <li key={zone.id}>
                {t('results.proposal.zoneShare', { zone: zone.name, share: `${formatNumber((state.proposal.zoneShares[index] ?? 0) * 100, 1)} %` })}{' '}
                {state.proposal.zoneDrivers[index] === 'capacite' ? t('results.proposal.drivenByCapacity', { users: zone.userCount }) : t('results.proposal.drivenByCoverage')}
              </li>
            ))}
            {state.proposal.powerReductionDb.some((reduction) => reduction > 0) && (
              <li>{t('results.proposal.power', { band: state.proposal.powerBand.replace('.', ','), list: state.proposal.powerReductionDb.map((reduction, index) => `P${String(index + 1).padStart(2, '0')} −${reduction} dB`).filter((_, index) => state.proposal.powerReductionDb[index]! > 0).join(', ') })}</li>
            )}
            {Object.entries(state.proposal.disabled).map(([band, off]) => (
              <li key={`off-${band}`}>{t('results.proposal.disabled', { band: band.replace('.', ','), count: off.length, total: state.proposal.positions.length })}</li>
            ))}
            {Object.entries(state.proposal.channels).map(([band, channels]) => (
              <li key={band}>{t('results.proposal.channels', { band: band.replace('.', ','), channels: channels.join(', ') })}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              const action = applyProposal(document, state.levelId, state.proposal, state.settings, newId, t('results.proposal.actionLabel'));
              documents.getState().change(action.label, action.recipe);
              ui.getState().pushToast('success', t('results.proposal.applied', { count: state.proposal.positions.length }));
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
