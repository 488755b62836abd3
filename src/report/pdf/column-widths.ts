/**
 * Table column widths that never cut a word: each column gets at least the width of its longest word (header or
 * cell), the rest of the line is shared in proportion to the columns' weights. When even the longest words do not
 * fit side by side, widths follow those minimums and the writer hyphenates.
 */
export function fitColumnWidths(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const minimumSum = minimums.reduce((sum, value) => sum + value, 0);
  if (minimumSum >= total) return minimums.map((value) => (value / minimumSum) * total);
  const fixed = new Set<number>();
  for (;;) {
    const freeWeight = weights.reduce((sum, weight, index) => (fixed.has(index) ? sum : sum + weight), 0);
    const freeWidth = total - [...fixed].reduce((sum, index) => sum + minimums[index]!, 0);
    const widths = weights.map((weight, index) => (fixed.has(index) ? minimums[index]! : (weight / freeWeight) * freeWidth));
    const short = widths.findIndex((width, index) => !fixed.has(index) && width < minimums[index]!);
    if (short < 0) return widths;
    fixed.add(short);
  }
}
