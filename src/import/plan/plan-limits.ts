/** Largest plan file accepted (bytes): bigger scans should be exported to PDF or reduced first. */
export const MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024;
/** Largest raster accepted: browsers cannot hold bigger canvases reliably (Chromium's limit is about 268 Mpx). */
export const MAX_PLAN_PIXELS = 120_000_000;
export const MAX_PLAN_SIDE_PX = 20_000;
/** Longest side of the picture rendered from a PDF page: sharp at 1:100 when zoomed to a room. */
export const PDF_RENDER_MAX_SIDE_PX = 8_000;
export const PDF_RENDER_MAX_SCALE = 6;
