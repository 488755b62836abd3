import { useEffect, useState } from 'react';
import { buildPyramid, type PlanPyramid } from './draw/plan-pyramid.ts';
import { useAssetImage } from './use-asset-image.ts';

/** The level's plan image with its reduced copies; a single level when the browser cannot resize it (some SVGs). */
export function usePlanPyramid(sha256: string | null): PlanPyramid | null {
  const image = useAssetImage(sha256);
  const [pyramid, setPyramid] = useState<PlanPyramid | null>(null);
  useEffect(() => {
    setPyramid(null);
    if (!image) return;
    let live = true;
    buildPyramid(image)
      .catch(() => ({ levels: [{ image, width: image.width }], fullWidth: image.width }))
      .then((built) => live && setPyramid(built));
    return () => {
      live = false;
    };
  }, [image]);
  return pyramid;
}
