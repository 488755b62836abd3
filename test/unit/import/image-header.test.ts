/** Image sizes read from headers built by hand from each format's specification. */
import { describe, expect, it } from 'vitest';
import { imageHeaderSize } from '../../../src/import/plan/image-header.ts';
import { encodePng } from '../../../src/io/png.ts';

const bytes = (...parts: (number | string)[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : [part])));
const u16be = (value: number) => [value >> 8, value & 0xff];
const u24le = (value: number) => [value & 0xff, (value >> 8) & 0xff, value >> 16];

describe('image size from the header, before decoding', () => {
  it('PNG: the IHDR of a 3 × 2 image the project encodes', () => {
    expect(imageHeaderSize(encodePng(3, 2, new Uint8Array(3 * 2 * 4)))).toEqual({ width: 3, height: 2 });
  });

  it('PNG: a 20,000 × 20,000 header is read without any pixel data', () => {
    const header = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR', 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 6, 0, 0, 0);
    expect(imageHeaderSize(header)).toEqual({ width: 20_000, height: 20_000 });
  });

  it('JPEG: SOF0 after an APP0 segment, height before width', () => {
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, ...u16be(16), 'JFIF', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, ...u16be(17), 8, ...u16be(1200), ...u16be(1600), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 1600, height: 1200 });
  });

  it('JPEG: a progressive frame (SOF2) after a DHT, which is not a frame', () => {
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xc4, ...u16be(4), 0, 0, 0xff, 0xc2, ...u16be(11), 8, ...u16be(30_000), ...u16be(30_000), 1, 1, 0x11, 0);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 30_000, height: 30_000 });
  });

  it('WebP: extended (VP8X), lossless (VP8L) and lossy (VP8) headers', () => {
    const vp8x = bytes('RIFF', 0, 0, 0, 0, 'WEBP', 'VP8X', 10, 0, 0, 0, 0, 0, 0, 0, ...u24le(4095), ...u24le(2047));
    expect(imageHeaderSize(vp8x)).toEqual({ width: 4096, height: 2048 });
    // VP8L: signature 0x2f, then width − 1 and height − 1 on 14 bits each, little-endian.
    const bits = (640 - 1) | ((480 - 1) << 14);
    const vp8l = bytes('RIFF', 0, 0, 0, 0, 'WEBP', 'VP8L', 5, 0, 0, 0, 0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff);
    expect(imageHeaderSize(vp8l)).toEqual({ width: 640, height: 480 });
    const vp8 = bytes('RIFF', 0, 0, 0, 0, 'WEBP', 'VP8 ', 10, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a, 800 & 0xff, 800 >> 8, 600 & 0xff, 600 >> 8);
    expect(imageHeaderSize(vp8)).toEqual({ width: 800, height: 600 });
  });

  it('anything else, or a header cut short, is null', () => {
    expect(imageHeaderSize(bytes('GIF89a', 1, 0, 1, 0))).toBeNull();
    expect(imageHeaderSize(bytes(0x89, 'PNG'))).toBeNull();
    expect(imageHeaderSize(bytes(0xff, 0xd8, 0xff, 0xc0, 0, 17))).toBeNull();
  });
});
