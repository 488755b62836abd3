import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

export type SvgRefusal = 'script' | 'external' | 'nested' | 'notSvg';

/**
 * Sanitises an SVG plan with DOMPurify's SVG profile and says why it must be refused, if it must: code (scripts,
 * event handlers, `javascript:` in any attribute, `<set>`/`<animate>` that could write them, embedded HTML), a
 * reference outside the file (images, fonts, styles, DTDs — nothing is fetched), or an SVG nested as a data URL.
 * Harmless things the profile drops (editor metadata such as Inkscape's) do not refuse the plan: the cleaned text is
 * what gets stored. In the browser the default DOMPurify instance is used; Node tests pass one built on jsdom.
 */
export function sanitizeSvg(text: string, purifier: Purifier = DOMPurify): { svg: string; refusal: SvgRefusal | null } {
  if (!/<svg[\s>]/i.test(text)) return { svg: '', refusal: 'notSvg' };
  // The HTML parser DOMPurify uses ignores DTDs: refuse them outright rather than let a reader expand them later.
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype >= 0 && /SYSTEM|PUBLIC|\[/i.test(text.slice(doctype, text.indexOf('>', doctype) + 1 || undefined))) return { svg: '', refusal: 'external' };
  if (/<!ENTITY/i.test(text)) return { svg: '', refusal: 'external' };
  // One linear pass over the raw text first: a file full of external url() is refused before any parsing.
  const rawReference = cssReference(text);
  if (rawReference) return { svg: '', refusal: rawReference };
  let refusal: SvgRefusal | null = null;
  const flag = (reason: SvgRefusal) => {
    // Code outranks the other reasons: it is the one the message must name.
    if (refusal !== 'script') refusal = reason;
  };
  purifier.addHook('uponSanitizeElement', (node, data) => {
    const name = data.tagName?.toLowerCase();
    if (name === 'script' || name === 'foreignobject' || name === 'set' || name === 'animate' || name === 'iframe' || name === 'object' || name === 'embed') flag('script');
    if (name === 'style' && cssReference(node.textContent ?? '')) flag(cssReference(node.textContent ?? '')!);
  });
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const value = decodeEntities(data.attrValue);
    if (name.startsWith('on') || /^\s*(?:javascript|vbscript)\s*:/i.test(value) || /javascript\s*:/i.test(value)) {
      flag('script');
      data.keepAttr = false;
      return;
    }
    if (name === 'href' || name === 'xlink:href' || name === 'src') {
      const reference = value.trim();
      if (/^data:image\/svg\+xml/i.test(reference)) flag('nested');
      else if (reference !== '' && !reference.startsWith('#') && !/^data:image\/(?:png|jpeg|jpg|gif|webp);/i.test(reference)) flag('external');
      if (refusal) data.keepAttr = false;
    }
    if (name === 'style' || /url\(/i.test(value)) {
      const found = cssReference(value);
      if (found) flag(found);
    }
  });
  try {
    const svg = purifier.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true }, WHOLE_DOCUMENT: false, ADD_TAGS: ['use'] });
    return { svg: refusal ? '' : svg, refusal };
  } finally {
    purifier.removeHook('uponSanitizeElement');
    purifier.removeHook('uponSanitizeAttribute');
  }
}

/** Why CSS text must be refused: `@import` or a `url()` that is not local (CSS escapes such as `u\72l(` decoded first). */
function cssReference(css: string): SvgRefusal | null {
  const decoded = css.replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_whole, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd)).replace(/\\(.)/g, '$1');
  if (/@import/i.test(decoded) || /expression\s*\(/i.test(decoded)) return 'external';
  // Each url( is read up to its closing parenthesis with indexOf: linear however many there are.
  const lower = decoded.toLowerCase();
  for (let start = lower.indexOf('url('); start >= 0; start = lower.indexOf('url(', start + 4)) {
    const end = decoded.indexOf(')', start + 4);
    if (end < 0) return 'external';
    const target = decoded.slice(start + 4, end).trim().replace(/^['"]|['"]$/g, '').trim();
    if (/^data:image\/svg\+xml/i.test(target)) return 'nested';
    if (!target.startsWith('#') && !/^data:image\/(?:png|jpeg|jpg|gif|webp);/i.test(target)) return 'external';
  }
  return null;
}

/** Numeric and the few named character references an attribute may hide a scheme behind (`javascript&#58;`). */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_whole, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/&#(\d+);?/g, (_whole, decimal: string) => String.fromCodePoint(Number(decimal) || 0xfffd))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** Width and height of an SVG in its own units: the viewBox, else the width/height attributes. */
export function svgSize(text: string): { width: number; height: number } | null {
  const start = text.search(/<svg\b/i);
  if (start < 0) return null;
  const end = text.indexOf('>', start);
  const root = text.slice(start, end < 0 ? start + 10_000 : Math.min(end + 1, start + 10_000));
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
