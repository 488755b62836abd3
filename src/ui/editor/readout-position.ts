/**
 * Where the hover readout goes: below and right of the cursor, flipped left and/or up when it would leave the canvas
 * (it used to be cut at the right and bottom edges), and never past the top-left corner.
 */
export function readoutPosition(cursor: { x: number; y: number }, box: { width: number; height: number }, canvas: { width: number; height: number }, gap = 16): { left: number; top: number } {
  const left = cursor.x + gap + box.width <= canvas.width ? cursor.x + gap : Math.max(0, cursor.x - gap - box.width);
  const top = cursor.y + gap + box.height <= canvas.height ? cursor.y + gap : Math.max(0, cursor.y - gap - box.height);
  return { left, top };
}
