/// <reference lib="webworker" />
/** Decodes a raster plan and makes its reduced copies off the main thread (an 8,000 px plan took 1–2 s there). */
import * as Comlink from 'comlink';
import { pyramidWidths } from './plan-pyramid.ts';

const api = {
  async build(blob: Blob): Promise<{ image: ImageBitmap; width: number }[]> {
    const full = await createImageBitmap(blob);
    const levels = [{ image: full, width: full.width }];
    for (const [width, height] of pyramidWidths(full.width, full.height)) levels.push({ image: await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' }), width });
    return Comlink.transfer(levels, levels.map((level) => level.image));
  },
};
export type PlanPyramidWorkerApi = typeof api;
Comlink.expose(api);
