/**
 * The plan sheet as an OpenDocument Drawing (ODG, ISO/IEC 26300): one A3 landscape page, the building plan as an
 * embedded picture, every other element a shape (lines, polygons, circles with their number, text frames) with its
 * own graphic style, so LibreOffice Draw opens it editable.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeXml } from '../../io/xml.ts';
import { SHEET_CM, type PlanSheet, type Shape } from './plan-sheet.ts';

const cm = (value: number) => `${value.toFixed(3)}cm`;

const NAMESPACES = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"';

function graphicStyle(shape: Shape): string {
  switch (shape.kind) {
    case 'line':
      return `<style:graphic-properties draw:stroke="solid" svg:stroke-color="${shape.colour}" svg:stroke-width="${cm(shape.widthCm)}" draw:fill="none"/>`;
    case 'polygon':
      return `<style:graphic-properties draw:stroke="${shape.dashed ? 'dash' : 'solid'}"${shape.dashed ? ' draw:stroke-dash="tirets"' : ''} svg:stroke-color="${shape.stroke}" svg:stroke-width="0.03cm" draw:fill="solid" draw:fill-color="${shape.fill}" draw:opacity="${Math.round(shape.fillOpacity * 100)}%"/>`;
    case 'circle':
      return `<style:graphic-properties draw:stroke="solid" svg:stroke-color="${shape.stroke}" svg:stroke-width="0.04cm" draw:fill="solid" draw:fill-color="${shape.fill}" draw:textarea-horizontal-align="center" draw:textarea-vertical-align="middle" fo:padding="0cm"/>`;
    case 'text':
      return `<style:graphic-properties draw:stroke="none" draw:fill="none" draw:auto-grow-height="true" draw:textarea-vertical-align="top" fo:padding="0cm"/>`;
    default:
      return '<style:graphic-properties draw:stroke="none" draw:fill="none"/>';
  }
}

/** Character style of a shape's text (LibreOffice reads it from the text spans, not from the graphic style). */
function textStyle(shape: Shape): string | null {
  if (shape.kind === 'circle') return '<style:text-properties fo:font-size="8pt" fo:font-weight="bold" fo:color="#ffffff" style:font-name="DejaVu Sans"/>';
  if (shape.kind === 'text') return `<style:text-properties fo:font-size="${shape.sizePt}pt"${shape.bold ? ' fo:font-weight="bold"' : ''} fo:color="${shape.colour}" style:font-name="DejaVu Sans"/>`;
  return null;
}

function element(shape: Shape, style: string, index: number): string {
  const span = (value: string) => `<text:p text:style-name="P${index + 1}"><text:span text:style-name="T${index + 1}">${escapeXml(value)}</text:span></text:p>`;
  const name = `draw:name="${escapeXml(shape.name)}"`;
  switch (shape.kind) {
    case 'image':
      return `<draw:frame ${name} draw:style-name="${style}" svg:x="${cm(shape.x)}" svg:y="${cm(shape.y)}" svg:width="${cm(shape.width)}" svg:height="${cm(shape.height)}"><draw:image xlink:href="Pictures/plan-${index}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>`;
    case 'line':
      return `<draw:line ${name} draw:style-name="${style}" svg:x1="${cm(shape.x1)}" svg:y1="${cm(shape.y1)}" svg:x2="${cm(shape.x2)}" svg:y2="${cm(shape.y2)}"/>`;
    case 'polygon': {
      const xs = shape.points.map(([x]) => x);
      const ys = shape.points.map(([, y]) => y);
      const left = Math.min(...xs);
      const top = Math.min(...ys);
      const width = Math.max(0.001, Math.max(...xs) - left);
      const height = Math.max(0.001, Math.max(...ys) - top);
      // The viewBox counts hundredths of a millimetre, as LibreOffice writes it.
      const points = shape.points.map(([x, y]) => `${Math.round((x - left) * 1000)},${Math.round((y - top) * 1000)}`).join(' ');
      return `<draw:polygon ${name} draw:style-name="${style}" svg:x="${cm(left)}" svg:y="${cm(top)}" svg:width="${cm(width)}" svg:height="${cm(height)}" svg:viewBox="0 0 ${Math.round(width * 1000)} ${Math.round(height * 1000)}" draw:points="${points}"/>`;
    }
    case 'circle':
      return `<draw:circle ${name} draw:style-name="${style}" svg:x="${cm(shape.cx - shape.r)}" svg:y="${cm(shape.cy - shape.r)}" svg:width="${cm(2 * shape.r)}" svg:height="${cm(2 * shape.r)}">${span(shape.text)}</draw:circle>`;
    case 'text':
      return `<draw:frame ${name} draw:style-name="${style}" svg:x="${cm(shape.x)}" svg:y="${cm(shape.y)}" svg:width="${cm(shape.width)}" svg:height="${cm(shape.height)}"><draw:text-box>${span(shape.text)}</draw:text-box></draw:frame>`;
  }
}

export function writeOdg(sheet: PlanSheet): Uint8Array {
  const styles: string[] = [];
  const body: string[] = [];
  const pictures: Record<string, Uint8Array> = {};
  sheet.shapes.forEach((shape, index) => {
    const style = `gr${index + 1}`;
    styles.push(`<style:style style:name="${style}" style:family="graphic">${graphicStyle(shape)}</style:style>`);
    const characters = textStyle(shape);
    if (characters) {
      styles.push(`<style:style style:name="T${index + 1}" style:family="text">${characters}</style:style>`);
      styles.push(`<style:style style:name="P${index + 1}" style:family="paragraph"><style:paragraph-properties fo:text-align="${shape.kind === 'circle' ? 'center' : 'start'}"/>${characters}</style:style>`);
    }
    body.push(element(shape, style, index));
    if (shape.kind === 'image') pictures[`Pictures/plan-${index}.png`] = shape.png;
  });
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NAMESPACES}><office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls><office:automatic-styles>${styles.join('')}</office:automatic-styles><office:body><office:drawing><draw:page draw:name="${escapeXml(sheet.title)}" draw:master-page-name="A3"><office:forms/>${body.join('')}</draw:page></office:drawing></office:body></office:document-content>`;
  const stylesXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NAMESPACES}><office:styles><draw:stroke-dash draw:name="tirets" draw:style="rect" draw:dots1="1" draw:dots1-length="0.2cm" draw:distance="0.12cm"/></office:styles><office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="${SHEET_CM.width}cm" fo:page-height="${SHEET_CM.height}cm" style:print-orientation="landscape"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="A3" style:page-layout-name="PM1"/></office:master-styles></office:document-styles>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.graphics"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>${Object.keys(pictures).map((path) => `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="image/png"/>`).join('')}</manifest:manifest>`;
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.graphics'), { level: 0 }],
      'content.xml': strToU8(content),
      'styles.xml': strToU8(stylesXml),
      ...Object.fromEntries(Object.entries(pictures).map(([path, bytes]) => [path, [bytes, { level: 0 }] as [Uint8Array, { level: 0 }]])),
      'META-INF/manifest.xml': strToU8(manifest),
    },
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}
