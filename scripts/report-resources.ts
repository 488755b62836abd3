/** The deliverables' fonts and SVG renderer, read from node_modules (CLI, tests, scripts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSvgRasteriser, type ReportResources } from '../src/report/render/svg-rasteriser.ts';

const require = createRequire(import.meta.url);

export function reportFonts() {
  return {
    regular: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
  };
}

export async function nodeReportResources(): Promise<ReportResources> {
  const fonts = reportFonts();
  return { fonts, rasterise: await createSvgRasteriser(new Uint8Array(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))), fonts) };
}
