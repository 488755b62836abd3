import { proposalSettings } from '../engine/proposal-input.ts';
import { blockMaxEirpDbm } from '../../propagation/radio/eirp.ts';
import type { AccessPoint, Band, ProjectDocument } from '../model/schema.ts';
import type { Point } from './geometry.ts';

/** Non-overlapping channels handed out in turn to new APs (the channel plan can redo them all later). */
const CHANNEL_ROTATION: Record<Band, number[]> = { '2.4': [1, 6, 11], '5': [36, 52, 100, 116, 132], '6': [5, 37, 69, 101] };

/**
 * A new AP of the level's usual model and settings (those of the APs already there, else the catalogue's first
 * model), named after the level, with channels taken in turn so neighbours start apart, and a power that keeps
 * the EIRP within the channel's cap.
 */
export function newAccessPoint(document: ProjectDocument, levelId: string, position: Point, id: string, modelId?: string): AccessPoint {
  const settings = proposalSettings(document, levelId);
  const model = document.apModels.find((candidate) => candidate.id === modelId) ?? settings.model;
  const onLevel = document.accessPoints.filter((ap) => ap.levelId === levelId);
  const levelNumber = document.levels.findIndex((level) => level.id === levelId) + 1;
  const taken = new Set(document.accessPoints.map((ap) => ap.name));
  let number = onLevel.length + 1;
  const nameOf = (n: number) => `AP-N${levelNumber}-${String(n).padStart(2, '0')}`;
  while (taken.has(nameOf(number))) number++;
  return {
    id,
    name: nameOf(number),
    levelId,
    modelId: model.id,
    position: { xM: position.x, yM: position.y },
    mountingHeightM: settings.mountingHeightM,
    azimuthDeg: 0,
    tiltDeg: 0,
    locked: false,
    bssidPrefix: '',
    radios: model.bands.map((band) => {
      const channel = CHANNEL_ROTATION[band][onLevel.length % CHANNEL_ROTATION[band].length]!;
      const widthMHz = settings.widthMHz[band];
      // The level's usual power, within the model's maximum and the channel's EIRP cap with this model's antenna.
      const legal = blockMaxEirpDbm(band, channel, widthMHz) - model.antennaGainDbi[band];
      const txPowerDbm = Math.min(settings.powerDbm[band], model.maxTxPowerDbm[band] || Number.POSITIVE_INFINITY, legal);
      return { id: `${id}-${band}`, band, channel, widthMHz, txPowerDbm, enabled: true, ssidIds: document.ssids.filter((ssid) => ssid.bands.includes(band)).map((ssid) => ssid.id) };
    }),
  };
}
