/**
 * Width and height of a PNG, JPEG or WebP read from its header, so that an image too large to decode is refused
 * before the browser allocates its pixels (a 20,000² PNG of 49 KB decodes to 1.6 GB). Null when the header is not
 * one of these formats or is cut short.
 */
export function imageHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (offset: number, length: number) => offset + length <= bytes.byteLength;
  const ascii = (offset: number, length: number) => (has(offset, length) ? String.fromCharCode(...bytes.subarray(offset, offset + length)) : '');
  // PNG: signature, then the IHDR chunk with width and height big-endian.
  if (has(24, 0) && view.getUint32(0) === 0x89504e47 && ascii(12, 4) === 'IHDR') return { width: view.getUint32(16), height: view.getUint32(20) };
  // JPEG: walk the markers up to a start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
  if (has(2, 0) && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (has(offset, 4)) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1]!;
      if (marker === 0xff) {
        offset++;
        continue;
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        offset += 2;
        continue;
      }
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return has(offset + 9, 0) ? { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) } : null;
      }
      if (marker === 0xd9 || marker === 0xda || length < 2) return null;
      offset += 2 + length;
    }
    return null;
  }
  // WebP: RIFF container with a VP8 (lossy), VP8L (lossless) or VP8X (extended) first chunk.
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8X' && has(30, 0)) return { width: 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)), height: 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16)) };
    if (chunk === 'VP8L' && has(25, 0) && bytes[20] === 0x2f) {
      const bits = view.getUint32(21, true);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    if (chunk === 'VP8 ' && has(30, 0)) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return null;
}
