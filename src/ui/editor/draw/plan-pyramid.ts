/**
 * A large plan image kept at several resolutions (full, ½, ¼, …): at any zoom the canvas draws the smallest copy
 * that still has at least one image pixel per screen pixel, so a 10,000 × 7,000 px plan pans as fast as a small one.
 */
export interface PlanPyramid {
  levels: { image: CanvasImageSource; width: number }[];
  fullWidth: number;
}

/** Sizes of the reduced copies: halved until the width reaches 1,024 px (or the height 256 px). */
export function pyramidWidths(fullWidth: number, fullHeight: number): [number, number][] {
  const sizes: [number, number][] = [];
  let width = fullWidth;
  let height = fullHeight;
  while (width > 1024 && height > 256) {
    width = Math.round(width / 2);
    height = Math.round(height / 2);
    sizes.push([width, height]);
  }
  return sizes;
}

/** The pyramid made here, for pictures a worker cannot decode (SVG). */
export async function buildPyramid(image: HTMLImageElement | ImageBitmap): Promise<PlanPyramid> {
  const levels: PlanPyramid['levels'] = [{ image, width: image.width }];
  for (const [width, height] of pyramidWidths(image.width, image.height)) levels.push({ image: await createImageBitmap(image, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' }), width });
  return { levels, fullWidth: image.width };
}

/** The copy to draw when the plan spans `screenWidth` pixels on screen. */
export function pickLevel(pyramid: PlanPyramid, screenWidth: number): CanvasImageSource {
  let chosen = pyramid.levels[0]!;
  for (const level of pyramid.levels) if (level.width >= screenWidth) chosen = level;
  return chosen.image;
}
