import type { Page } from 'playwright-core';

/** Screen position (page pixels) of a level point in metres, from the canvas's current view. */
export async function screenOf(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('editor-canvas');
  const [scale, offsetX, offsetY] = (await canvas.getAttribute('data-viewport'))!.split(' ').map(Number) as [number, number, number];
  const box = (await canvas.boundingBox())!;
  return { x: box.x + x * scale + offsetX, y: box.y + y * scale + offsetY };
}

/** Waits until the view has stopped moving (fit after a load or a resize), so clicks land where computed. */
export async function stableView(page: Page) {
  const canvas = page.getByTestId('editor-canvas');
  let previous = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const current = (await canvas.getAttribute('data-viewport')) ?? '';
    if (current !== '' && current === previous) return;
    previous = current;
    await page.waitForTimeout(150);
  }
}

/** Clicks the editor canvas at a level point in metres once the view is still. */
export async function clickAt(page: Page, x: number, y: number) {
  await stableView(page);
  const point = await screenOf(page, x, y);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}
