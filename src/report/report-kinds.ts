/** Report documents and map layers the composer offers (kept apart so the UI does not load the PDF code). */
export const REPORT_KINDS = ['etude', 'analyse', 'audit', 'compte-rendu'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_LAYERS = ['rssi', 'requirement', 'snr', 'rate', 'overlap', 'roaming', 'channel-overlap', 'adjacent-channel'] as const;
export type ReportLayer = (typeof REPORT_LAYERS)[number];

/** The audit report needs measurements: it is offered only for studies that hold survey data. */
export function availableReportKinds(surveyCount: number): ReportKind[] {
  return REPORT_KINDS.filter((kind) => kind !== 'audit' || surveyCount > 0);
}
