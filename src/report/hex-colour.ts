/** `#rrggbb` (the material colour format) as 0–255 channels. */
export function hexToRgb255(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
