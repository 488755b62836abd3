/** Ekahau values in Ondeplan's units: per-band losses from dB per metre, colours, band names. */
import type { Band } from '../../model/schema.ts';

export const ESX_BAND: Record<string, Band> = { TWO: '2.4', FIVE: '5', SIX: '6' };
export const BAND_ESX: Record<Band, string> = { '2.4': 'TWO', '5': 'FIVE', '6': 'SIX' };

/**
 * One crossing's loss per band: Ekahau's `attenuationFactor` is dB per metre, times the wall's (or slab's)
 * thickness (docs/exchange.md: brick 33.33 × 0.3 m = 10 dB). A band the file does not give takes the 5 GHz value,
 * or the first one given.
 */
export function perBandLoss(properties: readonly { band: string; attenuationFactor: number }[], thicknessM: number): Record<Band, number> {
  return perBandFactor(properties, (factor) => Math.min(200, Math.max(0, factor * thicknessM)));
}

export function perBandFactor(properties: readonly { band: string; attenuationFactor: number }[], map: (factor: number) => number = (factor) => factor): Record<Band, number> {
  const byBand = new Map(properties.filter((entry) => ESX_BAND[entry.band]).map((entry) => [ESX_BAND[entry.band]!, entry.attenuationFactor]));
  const fallback = byBand.get('5') ?? properties[0]?.attenuationFactor ?? 0;
  return { '2.4': map(byBand.get('2.4') ?? fallback), '5': map(byBand.get('5') ?? fallback), '6': map(byBand.get('6') ?? fallback) };
}

/**
 * How imported names are marked: « Béton (Ekahau) » for a file made by Ekahau; unchanged for a file Ondeplan wrote
 * (a study sent out and brought back keeps its names).
 */
export interface EsxNaming {
  material(name: string): string;
  slab(name: string): string;
  profile(name: string): string;
  /** A file Ondeplan wrote: its ids name Ondeplan's library items and variants (`<material>~<kind>~…`). */
  fromOndeplan: boolean;
}

export function materialColor(color: string | undefined, fallback: string): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : fallback;
}

/** Rounds away floating-point dust (0.30000000000000004 m) so imported values read as typed. */
export function clean(value: number, digits = 9): number {
  return Number(value.toFixed(digits));
}
