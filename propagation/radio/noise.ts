/** Thermal noise floor (dBm): −174 + 10·log10(B_Hz) + NF (rf_reference.md §3.1; kT at 290 K = −173.98 dBm/Hz). */
export function noiseFloorDbm(bandwidthMHz: number, noiseFigureDb: number): number {
  return -174 + 10 * Math.log10(bandwidthMHz * 1e6) + noiseFigureDb;
}
