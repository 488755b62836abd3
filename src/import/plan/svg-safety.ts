/**
 * Why an SVG plan must be refused, or null when it is safe to show: no scripts, no event handlers, no embedded
 * HTML, and no reference outside the file (images, fonts, styles or links fetched from elsewhere). Text-level
 * checks, so they work the same in Node and in the browser.
 */
export function svgRefusal(text: string): 'script' | 'external' | 'notSvg' | null {
  if (!/<svg[\s>]/i.test(text)) return 'notSvg';
  if (/<script[\s>]/i.test(text) || /\son[a-z]+\s*=/i.test(text) || /<foreignObject[\s>]/i.test(text) || /javascript:/i.test(text)) return 'script';
  const references = [...text.matchAll(/(?:xlink:href|href|src)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]!.trim());
  if (references.some((reference) => reference !== '' && !reference.startsWith('#') && !reference.startsWith('data:'))) return 'external';
  if (/@import/i.test(text) || /url\(\s*["']?(?!#|data:)[^)]*\)/i.test(text)) return 'external';
  if (/<!ENTITY/i.test(text)) return 'external';
  return null;
}

/** Width and height of an SVG in its own units: the viewBox, else the width/height attributes. */
export function svgSize(text: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const viewBox = /viewBox\s*=\s*["']\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)/i.exec(root);
  if (viewBox) {
    const width = Number(viewBox[3]);
    const height = Number(viewBox[4]);
    if (width > 0 && height > 0) return { width, height };
  }
  const width = Number(/\swidth\s*=\s*["']([\d.]+)/i.exec(root)?.[1]);
  const height = Number(/\sheight\s*=\s*["']([\d.]+)/i.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}
