/**
 * SVG to pixels with resvg (WebAssembly), the same in Node and in the report worker: every raster the deliverables hold
 * (PNG plans, the plan picture under PDF maps when the plan is an SVG or a PNG) is the SVG drawing rendered by one
 * maintained renderer, with the report's own fonts (no system fonts, so every machine gives the same pixels).
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ReportFonts } from '../pdf/pdf-writer.ts';

export interface RgbaImage {
  width: number;
  height: number;
  /** Row-major RGBA, 8 bits per channel. */
  rgba: Uint8Array;
}

export interface SvgRasteriser {
  png(svg: string, widthPx: number): Uint8Array;
  pixels(svg: string, widthPx: number): RgbaImage;
  /** One rendering, both forms (the plan under the PDF maps and in the ODG and VSDX files). */
  both(svg: string, widthPx: number): { png: Uint8Array; image: RgbaImage };
}

export interface ReportResources {
  fonts: ReportFonts;
  rasterise: SvgRasteriser;
}

let initialised: Promise<void> | null = null;

/** `wasm`: the bytes of `@resvg/resvg-wasm/index_bg.wasm` (read from disk in Node, fetched in the worker). */
export async function createSvgRasteriser(wasm: Uint8Array | ArrayBuffer, fonts: ReportFonts): Promise<SvgRasteriser> {
  initialised ??= initWasm(wasm);
  await initialised;
  const fontBuffers = [fonts.regular, fonts.bold];
  const render = <T>(svg: string, widthPx: number, read: (image: ReturnType<InstanceType<typeof Resvg>['render']>) => T): T => {
    const renderer = new Resvg(svg, { fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) }, font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
    try {
      const image = renderer.render();
      try {
        return read(image);
      } finally {
        image.free();
      }
    } finally {
      renderer.free();
    }
  };
  return {
    png: (svg, widthPx) => render(svg, widthPx, (image) => image.asPng()),
    pixels: (svg, widthPx) => render(svg, widthPx, (image) => ({ width: image.width, height: image.height, rgba: image.pixels.slice() })),
    both: (svg, widthPx) => render(svg, widthPx, (image) => ({ png: image.asPng(), image: { width: image.width, height: image.height, rgba: image.pixels.slice() } })),
  };
}
