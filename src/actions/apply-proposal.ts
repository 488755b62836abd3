import type { BandId } from '../../propagation/radio/channels.ts';
import type { Proposal } from '../../propagation/planning/propose-plan.ts';
import type { ProposalSettings } from '../engine/proposal-input.ts';
import type { AccessPoint, ProjectDocument } from '../model/schema.ts';
import type { Action } from './study-actions.ts';

/**
 * Adds the proposal's APs to the level (one undo step): beside the existing ones (`completer`), or in place of the
 * unlocked ones (`remplacer`); locked APs always stay. New names continue after the level's existing « P » names.
 */
export function applyProposal(document: ProjectDocument, levelId: string, proposal: Proposal, settings: ProposalSettings, newId: () => string, label: string): Action {
  const levelNumber = document.levels.findIndex((level) => level.id === levelId) + 1;
  const prefix = `AP-N${levelNumber}-P`;
  const kept = document.accessPoints.filter((ap) => ap.levelId === levelId && (ap.locked || settings.existingAps === 'completer'));
  const taken = kept.map((ap) => (ap.name.startsWith(prefix) ? Number(ap.name.slice(prefix.length)) : 0)).filter(Number.isFinite);
  const first = Math.max(0, ...taken) + 1;
  const aps: AccessPoint[] = proposal.positions.map((position, index) => {
    const id = newId();
    return {
      id,
      name: `${prefix}${String(first + index).padStart(2, '0')}`,
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
      if (settings.existingAps === 'remplacer') draft.accessPoints = draft.accessPoints.filter((ap) => ap.levelId !== levelId || ap.locked);
      draft.accessPoints.push(...aps);
    },
  };
}
