import type { BandId } from '../../propagation/radio/channels.ts';
import type { Proposal } from '../../propagation/planning/propose-plan.ts';
import type { ProposalSettings } from '../engine/proposal-input.ts';
import type { AccessPoint, ProjectDocument } from '../model/schema.ts';
import type { Action } from './study-actions.ts';

/** Replaces the level's unlocked APs by the proposal (one undo step); locked APs stay. */
export function applyProposal(document: ProjectDocument, levelId: string, proposal: Proposal, settings: ProposalSettings, newId: () => string, label: string): Action {
  const levelNumber = document.levels.findIndex((level) => level.id === levelId) + 1;
  const aps: AccessPoint[] = proposal.positions.map((position, index) => {
    const id = newId();
    return {
      id,
      name: `AP-N${levelNumber}-P${String(index + 1).padStart(2, '0')}`,
      levelId,
      modelId: settings.model.id,
      position: { xM: position.x, yM: position.y },
      mountingHeightM: settings.mountingHeightM,
      azimuthDeg: 0,
      tiltDeg: 0,
      locked: false,
      bssidPrefix: '',
      radios: (Object.entries(proposal.channels) as [BandId, number[]][]).map(([band, channels]) => ({
        id: `${id}-${band}`,
        band,
        channel: channels[index]!,
        widthMHz: settings.widthMHz[band],
        txPowerDbm: proposal.txPowerDbm[band]?.[index] ?? settings.powerDbm[band],
        enabled: !(proposal.disabled[band] ?? []).includes(index),
        ssidIds: document.ssids.filter((ssid) => ssid.bands.includes(band)).map((ssid) => ssid.id),
      })),
    };
  });
  return {
    label,
    recipe: (draft) => {
      draft.accessPoints = draft.accessPoints.filter((ap) => ap.levelId !== levelId || ap.locked);
      draft.accessPoints.push(...aps);
    },
  };
}
