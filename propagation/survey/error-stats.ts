/** Prediction error statistics, error = measured − predicted (dB): positive means the site is better than predicted. */
export interface ErrorStats {
  count: number;
  meanDb: number;
  maeDb: number;
  rmseDb: number;
  /** Standard deviation of the error (population). */
  sdDb: number;
}

export function errorStats(measured: ArrayLike<number>, predicted: ArrayLike<number>): ErrorStats {
  let count = 0;
  let sum = 0;
  let sumAbs = 0;
  let sumSq = 0;
  for (let index = 0; index < measured.length; index++) {
    const error = measured[index]! - predicted[index]!;
    if (!Number.isFinite(error)) continue;
    count++;
    sum += error;
    sumAbs += Math.abs(error);
    sumSq += error * error;
  }
  if (count === 0) return { count: 0, meanDb: NaN, maeDb: NaN, rmseDb: NaN, sdDb: NaN };
  const meanDb = sum / count;
  return { count, meanDb, maeDb: sumAbs / count, rmseDb: Math.sqrt(sumSq / count), sdDb: Math.sqrt(Math.max(0, sumSq / count - meanDb * meanDb)) };
}
