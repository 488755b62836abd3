/**
 * Free-space path loss (Friis), in dB: 20·log10(d_m) + 20·log10(f_MHz) − 27.55.
 * Source: ITU-R P.525; rf_reference.md §1.1 (FSPL at 1 m: 40.10 dB at 2412 MHz, 46.73 dB at 5180 MHz).
 */
export const FSPL_CONSTANT_DB = 20 * Math.log10((4 * Math.PI * 1e6) / 299_792_458);

export function freeSpaceLossDb(distanceM: number, frequencyMHz: number): number {
  return 20 * Math.log10(distanceM) + 20 * Math.log10(frequencyMHz) + FSPL_CONSTANT_DB;
}
