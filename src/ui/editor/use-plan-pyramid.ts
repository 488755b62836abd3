import * as Comlink from 'comlink';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import { buildPyramid, type PlanPyramid } from './draw/plan-pyramid.ts';
import type { PlanPyramidWorkerApi } from './draw/plan-pyramid.worker.ts';

const RASTER = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Raster plans are decoded and reduced in a worker; SVG plans (which workers cannot decode) here, from an image. */
async function buildFromAsset(bytes: ArrayBuffer, mimeType: string): Promise<PlanPyramid> {
  const blob = new Blob([bytes], { type: mimeType });
  if (RASTER.has(mimeType) && typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./draw/plan-pyramid.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-plan' });
    try {
      const levels = await Comlink.wrap<PlanPyramidWorkerApi>(worker).build(blob);
      return { levels, fullWidth: levels[0]!.width };
    } finally {
      worker.terminate();
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return await buildPyramid(image).catch(() => ({ levels: [{ image, width: image.width }], fullWidth: image.width }));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The level's plan image with its reduced copies; null while loading or when the level has none. */
export function usePlanPyramid(sha256: string | null): PlanPyramid | null {
  const { db } = useServices();
  const [pyramid, setPyramid] = useState<PlanPyramid | null>(null);
  useEffect(() => {
    setPyramid(null);
    if (!sha256) return;
    let live = true;
    void db
      .getAsset(sha256)
      .then((asset) => (asset && asset.mimeType.startsWith('image/') ? buildFromAsset(asset.bytes, asset.mimeType) : null))
      .then((built) => live && setPyramid(built))
      .catch(() => live && setPyramid(null));
    return () => {
      live = false;
    };
  }, [db, sha256]);
  return pyramid;
}
