/**
 * Images for the PDFs straight from pixels: RGB compressed once with fflate (FlateDecode) and a soft mask when some
 * pixels are transparent. pdf-lib's embedPng would decode a PNG we had just encoded, then deflate it again: on a
 * three-level study that round trip took longer than the prediction.
 */
import { zlibSync } from 'fflate';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { RgbaImage } from '../render/svg-rasteriser.ts';

export interface CompressedImage {
  width: number;
  height: number;
  rgb: Uint8Array;
  alpha: Uint8Array | null;
}

/** `level`: 1 for heatmaps (flat colours, made by the dozen), 6 for plan pictures (made once, kept in every PDF). */
export function compressImage({ width, height, rgba }: RgbaImage, level: 1 | 6 = 6): CompressedImage {
  const rgb = new Uint8Array(width * height * 3);
  const alpha = new Uint8Array(width * height);
  let opaque = true;
  for (let index = 0; index < width * height; index++) {
    rgb[index * 3] = rgba[index * 4]!;
    rgb[index * 3 + 1] = rgba[index * 4 + 1]!;
    rgb[index * 3 + 2] = rgba[index * 4 + 2]!;
    alpha[index] = rgba[index * 4 + 3]!;
    if (alpha[index] !== 255) opaque = false;
  }
  return { width, height, rgb: zlibSync(rgb, { level }), alpha: opaque ? null : zlibSync(alpha, { level }) };
}

export function embedCompressedImage(pdf: PDFDocument, image: CompressedImage): PDFRef {
  const common = { Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, BitsPerComponent: 8, Filter: 'FlateDecode', Interpolate: true };
  const mask = image.alpha ? pdf.context.register(pdf.context.stream(image.alpha, { ...common, ColorSpace: 'DeviceGray' })) : null;
  const dict: Record<string, unknown> = { ...common, ColorSpace: 'DeviceRGB' };
  if (mask) dict.SMask = mask;
  return pdf.context.register(pdf.context.stream(image.rgb, dict as never));
}
