/**
 * The SVG sanitiser (DOMPurify's SVG profile with Ondeplan's rules), run on jsdom. Finding 6 of the robustness
 * campaign: the regex filter missed each of the first six cases below.
 */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg, svgSize } from '../../../src/import/plan/svg-safety.ts';

const purifier = DOMPurify(new JSDOM('').window);
const svg = (body: string, head = '') => `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">${body}</svg>`;
const refusalOf = (text: string) => sanitizeSvg(text, purifier).refusal;

describe('SVG plans: what is refused and why', () => {
  it.each([
    ['<set attributeName="onmouseover">', svg('<rect width="10" height="10"><set attributeName="onmouseover" to="alert(1)"/></rect>'), 'script'],
    ['javascript&#58; in <animate values>', svg('<a><animate attributeName="href" values="javascript&#58;alert(1)"/><text>x</text></a>'), 'script'],
    ['an unquoted external href', svg('<image href=https://exemple.fr/plan.png width="10" height="10"/>'), 'external'],
    ['a CSS-escaped u\\72l(', svg('<rect width="10" height="10" style="fill: u\\72l(https://exemple.fr/x.svg#a)"/>'), 'external'],
    ['an external DTD', svg('<rect width="1" height="1"/>', '<?xml version="1.0"?><!DOCTYPE svg SYSTEM "https://exemple.fr/svg.dtd">'), 'external'],
    ['a nested data: SVG', svg('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="10" height="10"/>'), 'nested'],
    ['a <script>', svg('<script>alert(1)</script>'), 'script'],
    ['an event handler', svg('<rect onclick="alert(1)" width="1" height="1"/>'), 'script'],
    ['a foreignObject', svg('<foreignObject><div>html</div></foreignObject>'), 'script'],
    ['an external image by xlink:href', svg('<image xlink:href="http://exemple.fr/p.png" width="1" height="1"/>'), 'external'],
    ['an @import in <style>', svg('<style>@import url(https://exemple.fr/a.css);</style>'), 'external'],
    ['an internal entity', svg('<text>&e;</text>', '<!DOCTYPE svg [<!ENTITY e "x">]>'), 'external'],
    ['not an SVG at all', '<html><body>plan</body></html>', 'notSvg'],
  ])('%s', (_name, text, expected) => {
    expect(refusalOf(text)).toBe(expected);
  });

  it('keeps a drawn plan with local references, embedded raster, styles and editor metadata (which it drops)', () => {
    const text = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><pattern id="h" width="4" height="4"><path d="M0 0L4 4" stroke="#000"/></pattern></defs>' +
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/>' +
        '<rect width="100" height="50" fill="url(#g)"/><rect width="20" height="20" style="fill:url(#h)"/>' +
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/><use href="#h"/><text x="10" y="20">Salle d’audience</text>',
    );
    const result = sanitizeSvg(text, purifier);
    expect(result.refusal).toBeNull();
    expect(result.svg).toContain('Salle d’audience');
    expect(result.svg).toContain('url(#g)');
    expect(result.svg).not.toContain('namedview');
    expect(svgSize(result.svg)).toEqual({ width: 100, height: 50 });
  });

  it('reads 390 KB of repeated url( in one pass (the regex filter took 110 s): refused as external', () => {
    const text = svg(`<rect width="1" height="1" style="${'url('.repeat(100_000)}"/>`);
    expect(text.length).toBeGreaterThan(390_000);
    expect(refusalOf(text)).toBe('external');
  });
});

describe('XML escaping for every generated document', () => {
  it('drops what XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates, control characters) and keeps the rest', async () => {
    const { escapeXml } = await import('../../../src/io/xml.ts');
    expect(escapeXml('a\uFFFEb\uFFFFc\uD800d\u0001e\u0009f\u000Ag')).toBe('abcde\u0009f\u000Ag');
    expect(escapeXml('Salle « A » & <B> "C" 😀')).toBe('Salle « A » &amp; &lt;B&gt; &quot;C&quot; 😀');
    // A strict XML parser (jsdom's) reads the escaped text back as it was, less the forbidden characters.
    const parsed = new (new JSDOM('').window.DOMParser)().parseFromString(`<r a="${escapeXml('x\uFFFE"y')}">${escapeXml('1 < 2\uFFFF')}</r>`, 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.documentElement.getAttribute('a')).toBe('x"y');
    expect(parsed.documentElement.textContent).toBe('1 < 2');
  });
});
