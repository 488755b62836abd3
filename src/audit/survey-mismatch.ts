/**
 * Signs that a survey does not belong to the study as placed: most BSSIDs heard name no AP of the study, readings
 * without BSSID (attributed to the AP predicted strongest, so a survey of another site cannot be told apart), a
 * large systematic error between measured and predicted levels (a device offset, the wrong level), or a large
 * scatter (a survey misaligned or from another site). Pure; thresholds documented in docs/audit.md.
 */
export const UNKNOWN_BSSID_SHARE = 0.5;
export const SYSTEMATIC_ERROR_DB = 10;
/** Above the 12.8 dB an untuned multi-wall model showed on a real building's own floor (issue 15). */
export const SCATTER_RMSE_DB = 15;

export interface SurveyMismatch {
  /** Readings with a BSSID, and those naming no AP of the study. */
  withBssid: number;
  unknownBssid: number;
  /** Readings without BSSID attributed to the strongest predicted AP. */
  withoutBssid: number;
  /** Mean of measured − predicted over matched readings (dB), null without any. */
  meanErrorDb: number | null;
  rmseDb: number | null;
  warnings: ('bssid-inconnus' | 'sans-bssid' | 'ecart-systematique' | 'ecart-disperse')[];
}

export function surveyMismatch(input: { withBssid: number; unknownBssid: number; withoutBssid: number; measuredDbm: readonly number[]; predictedDbm: readonly number[] }): SurveyMismatch {
  const n = input.measuredDbm.length;
  const meanErrorDb = n > 0 ? input.measuredDbm.reduce((sum, value, index) => sum + value - input.predictedDbm[index]!, 0) / n : null;
  const rmseDb = n > 0 ? Math.sqrt(input.measuredDbm.reduce((sum, value, index) => sum + (value - input.predictedDbm[index]!) ** 2, 0) / n) : null;
  const warnings: SurveyMismatch['warnings'] = [];
  if (input.withBssid > 0 && input.unknownBssid / input.withBssid > UNKNOWN_BSSID_SHARE) warnings.push('bssid-inconnus');
  if (input.withoutBssid > 0) warnings.push('sans-bssid');
  if (meanErrorDb !== null && Math.abs(meanErrorDb) > SYSTEMATIC_ERROR_DB) warnings.push('ecart-systematique');
  else if (rmseDb !== null && rmseDb > SCATTER_RMSE_DB) warnings.push('ecart-disperse');
  return { withBssid: input.withBssid, unknownBssid: input.unknownBssid, withoutBssid: input.withoutBssid, meanErrorDb, rmseDb, warnings };
}
