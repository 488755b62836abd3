import { blockMaxEirpDbm } from '../../propagation/radio/eirp.ts';
import type { ChannelWidthMHz } from '../../propagation/radio/channels.ts';
import type { ProjectDocument } from './schema.ts';

export interface EirpViolation {
  apId: string;
  apName: string;
  band: '2.4' | '5' | '6';
  channel: number;
  eirpDbm: number;
  maxDbm: number;
}

/** Enabled radios whose EIRP (power + the model's peak antenna gain) exceeds the French cap of their channel block. */
export function eirpViolations(document: ProjectDocument): EirpViolation[] {
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const violations: EirpViolation[] = [];
  for (const ap of document.accessPoints) {
    const model = models.get(ap.modelId);
    for (const radio of ap.radios) {
      if (!radio.enabled) continue;
      const eirpDbm = radio.txPowerDbm + (model?.antennaGainDbi[radio.band] ?? 0);
      const maxDbm = blockMaxEirpDbm(radio.band, radio.channel, radio.widthMHz as ChannelWidthMHz);
      if (eirpDbm > maxDbm + 1e-9) violations.push({ apId: ap.id, apName: ap.name, band: radio.band, channel: radio.channel, eirpDbm, maxDbm });
    }
  }
  return violations;
}
