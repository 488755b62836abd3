/** Buckets of sample points on a square grid, for nearest-neighbour queries in interpolation. Pure. */
export class SpatialIndex {
  private readonly buckets = new Map<number, number[]>();
  private readonly minX: number;
  private readonly minY: number;
  private readonly columns: number;

  constructor(
    readonly xs: Float64Array,
    readonly ys: Float64Array,
    readonly cell: number,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxX = Math.max(maxX, xs[i]!);
    }
    this.minX = minX;
    this.minY = minY;
    this.columns = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
    for (let i = 0; i < xs.length; i++) {
      const key = this.key(xs[i]!, ys[i]!);
      const list = this.buckets.get(key) ?? [];
      list.push(i);
      this.buckets.set(key, list);
    }
  }

  private key(x: number, y: number): number {
    return Math.floor((y - this.minY) / this.cell) * this.columns + Math.floor((x - this.minX) / this.cell);
  }

  /** Indices of the k nearest samples within maxDistance, nearest first. */
  nearest(x: number, y: number, k: number, maxDistance: number): { index: number; distance: number }[] {
    const found: { index: number; distance: number }[] = [];
    const column = Math.floor((x - this.minX) / this.cell);
    const row = Math.floor((y - this.minY) / this.cell);
    const rings = Math.ceil(maxDistance / this.cell);
    for (let ring = 0; ring <= rings; ring++) {
      for (let dy = -ring; dy <= ring; dy++)
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          const c = column + dx;
          const r = row + dy;
          if (c < 0 || c >= this.columns || r < 0) continue;
          for (const index of this.buckets.get(r * this.columns + c) ?? []) {
            const distance = Math.hypot(this.xs[index]! - x, this.ys[index]! - y);
            if (distance <= maxDistance) found.push({ index, distance });
          }
        }
      // Every sample in a further ring is at least ring × cell away.
      if (found.length >= k && found.map((f) => f.distance).sort((a, b) => a - b)[k - 1]! <= ring * this.cell) break;
    }
    return found.sort((a, b) => a.distance - b.distance).slice(0, k);
  }
}
