/**
 * dBm → mW through a table with linear interpolation every 0.01 dB from −200 to +60 dBm: about three times faster
 * than Math.exp and within 7e-7 relative error (h²/8 for h = 0.01·ln10/10), i.e. below 3e-6 dB on any sum.
 * Interference sums use it; nothing compared against published values does.
 */
const MIN_DBM = -200;
const MAX_DBM = 60;
const STEPS_PER_DB = 100;
const TABLE = new Float64Array((MAX_DBM - MIN_DBM) * STEPS_PER_DB + 2);
for (let index = 0; index < TABLE.length; index++) TABLE[index] = 10 ** ((MIN_DBM + index / STEPS_PER_DB) / 10);

export function dbmToMilliwatts(dbm: number): number {
  if (!(dbm > MIN_DBM)) return 0;
  if (dbm >= MAX_DBM) return 10 ** (dbm / 10);
  const position = (dbm - MIN_DBM) * STEPS_PER_DB;
  const index = position | 0;
  const low = TABLE[index]!;
  return low + (TABLE[index + 1]! - low) * (position - index);
}
