/**
 * The plan sheet as a Visio drawing (VSDX, Open Packaging Conventions, Visio 2013 schema): one A3 landscape page
 * whose shapes are the same as the ODG's (the building plan as an embedded picture, lines, polygons, circles with
 * their number, text). Visio works in inches with y up; the sheet's centimetres (y down) are converted.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeXml } from '../../io/xml.ts';
import { SHEET_CM, type PlanSheet, type Shape } from './plan-sheet.ts';

const MAIN = 'http://schemas.microsoft.com/office/visio/2012/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const inch = (valueCm: number) => valueCm / 2.54;
const n = (value: number) => Number(value.toFixed(5));
const cell = (name: string, value: string | number, unit?: string) => `<Cell N="${name}" V="${typeof value === 'number' ? n(value) : escapeXml(value)}"${unit ? ` U="${unit}"` : ''}/>`;

/** A 2D shape whose geometry is given in the sheet's centimetres; returns its XML. */
function pathShape(id: number, name: string, points: [number, number][], closed: boolean, line: { colour: string; widthCm: number; dashed?: boolean }, fill: { colour: string; transparency: number } | null): string {
  const xs = points.map(([x]) => inch(x));
  const ys = points.map(([, y]) => inch(SHEET_CM.height - y));
  const left = Math.min(...xs);
  const bottom = Math.min(...ys);
  const width = Math.max(0.0001, Math.max(...xs) - left);
  const height = Math.max(0.0001, Math.max(...ys) - bottom);
  const rows = points.map((_, index) => `<Row T="${index === 0 ? 'MoveTo' : 'LineTo'}" IX="${index + 1}">${cell('X', xs[index]! - left)}${cell('Y', ys[index]! - bottom)}</Row>`);
  if (closed) rows.push(`<Row T="LineTo" IX="${points.length + 1}">${cell('X', xs[0]! - left)}${cell('Y', ys[0]! - bottom)}</Row>`);
  const cells = [
    cell('PinX', left + width / 2),
    cell('PinY', bottom + height / 2),
    cell('Width', width),
    cell('Height', height),
    cell('LocPinX', width / 2),
    cell('LocPinY', height / 2),
    cell('LineColor', line.colour),
    cell('LineWeight', inch(line.widthCm), 'IN'),
    cell('LinePattern', line.dashed ? 2 : 1),
    cell('FillPattern', fill ? 1 : 0),
    ...(fill ? [cell('FillForegnd', fill.colour), cell('FillForegndTrans', fill.transparency)] : []),
  ];
  return `<Shape ID="${id}" NameU="${escapeXml(name)}" Name="${escapeXml(name)}" Type="Shape">${cells.join('')}<Section N="Geometry" IX="0">${cell('NoFill', fill ? 0 : 1)}${cell('NoLine', 0)}${rows.join('')}</Section></Shape>`;
}

function textCells(sizePt: number, bold: boolean, colour: string): string {
  return `<Section N="Character"><Row IX="0">${cell('Size', sizePt / 72, 'PT')}${cell('Color', colour)}${cell('Style', bold ? 1 : 0)}${cell('Font', 'DejaVu Sans')}</Row></Section>`;
}

function shapeXml(shape: Shape, id: number, imageRel: string | null): string {
  switch (shape.kind) {
    case 'line':
      return pathShape(id, shape.name, [[shape.x1, shape.y1], [shape.x2, shape.y2]], false, { colour: shape.colour, widthCm: shape.widthCm }, null);
    case 'polygon':
      return pathShape(id, shape.name, shape.points, true, { colour: shape.stroke, widthCm: 0.03, dashed: shape.dashed }, { colour: shape.fill, transparency: 1 - shape.fillOpacity });
    case 'circle': {
      const r = inch(shape.r);
      const cells = [cell('PinX', inch(shape.cx)), cell('PinY', inch(SHEET_CM.height - shape.cy)), cell('Width', 2 * r), cell('Height', 2 * r), cell('LocPinX', r), cell('LocPinY', r), cell('LineColor', shape.stroke), cell('LineWeight', inch(0.04), 'IN'), cell('FillPattern', 1), cell('FillForegnd', shape.fill), cell('VerticalAlign', 1)];
      const geometry = `<Section N="Geometry" IX="0">${cell('NoFill', 0)}${cell('NoLine', 0)}<Row T="Ellipse" IX="1">${cell('X', r)}${cell('Y', r)}${cell('A', 2 * r)}${cell('B', r)}${cell('C', r)}${cell('D', 2 * r)}</Row></Section>`;
      return `<Shape ID="${id}" NameU="${escapeXml(shape.name)}" Name="${escapeXml(shape.name)}" Type="Shape">${cells.join('')}${textCells(8, true, '#FFFFFF')}<Section N="Paragraph"><Row IX="0">${cell('HorzAlign', 1)}</Row></Section>${geometry}<Text>${escapeXml(shape.text)}</Text></Shape>`;
    }
    case 'text': {
      const width = inch(shape.width);
      const height = inch(shape.height);
      const cells = [cell('PinX', inch(shape.x) + width / 2), cell('PinY', inch(SHEET_CM.height - shape.y) - height / 2), cell('Width', width), cell('Height', height), cell('LocPinX', width / 2), cell('LocPinY', height / 2), cell('LinePattern', 0), cell('FillPattern', 0), cell('VerticalAlign', 0), cell('LeftMargin', 0, 'PT'), cell('TopMargin', 0, 'PT')];
      return `<Shape ID="${id}" NameU="${escapeXml(shape.name)}" Name="${escapeXml(shape.name)}" Type="Shape">${cells.join('')}${textCells(shape.sizePt, shape.bold, shape.colour)}<Section N="Paragraph"><Row IX="0">${cell('HorzAlign', 0)}</Row></Section><Text>${escapeXml(shape.text)}</Text></Shape>`;
    }
    case 'image': {
      const width = inch(shape.width);
      const height = inch(shape.height);
      const cells = [cell('PinX', inch(shape.x) + width / 2), cell('PinY', inch(SHEET_CM.height - shape.y) - height / 2), cell('Width', width), cell('Height', height), cell('LocPinX', width / 2), cell('LocPinY', height / 2), cell('ImgOffsetX', 0), cell('ImgOffsetY', 0), cell('ImgWidth', width), cell('ImgHeight', height), cell('LinePattern', 0), cell('LineWeight', 0, 'IN'), cell('LineColor', '#FFFFFF')];
      return `<Shape ID="${id}" NameU="${escapeXml(shape.name)}" Name="${escapeXml(shape.name)}" Type="Foreign">${cells.join('')}<ForeignData ForeignType="Bitmap" CompressionType="PNG"><Rel r:id="${imageRel}"/></ForeignData></Shape>`;
    }
  }
}

export function writeVsdx(sheet: PlanSheet): Uint8Array {
  const media: Record<string, Uint8Array> = {};
  const pageRels: string[] = [];
  const shapes = sheet.shapes.map((shape, index) => {
    let rel: string | null = null;
    if (shape.kind === 'image') {
      rel = `rId${pageRels.length + 1}`;
      media[`visio/media/image${index + 1}.png`] = shape.png;
      pageRels.push(`<Relationship Id="${rel}" Type="${R}/image" Target="../media/image${index + 1}.png"/>`);
    }
    return shapeXml(shape, index + 1, rel);
  });
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  const relationships = (items: string) => xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`);
  return zipSync(
    {
      '[Content_Types].xml': xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/visio/document.xml" ContentType="application/vnd.ms-visio.drawing.main+xml"/><Override PartName="/visio/pages/pages.xml" ContentType="application/vnd.ms-visio.pages+xml"/><Override PartName="/visio/pages/page1.xml" ContentType="application/vnd.ms-visio.page+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`),
      '_rels/.rels': relationships(`<Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/relationships/document" Target="visio/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`),
      'docProps/core.xml': xml(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(sheet.title)}</dc:title><dc:creator>Ondeplan</dc:creator><dc:language>fr-FR</dc:language></cp:coreProperties>`),
      'visio/document.xml': xml(`<VisioDocument xmlns="${MAIN}" xmlns:r="${R}" xml:space="preserve"><DocumentSettings/><Colors/><FaceNames><FaceName NameU="DejaVu Sans"/></FaceNames><StyleSheets><StyleSheet ID="0" NameU="No Style" Name="Sans style">${cell('LineWeight', 0.01)}${cell('LineColor', '#000000')}${cell('FillForegnd', '#FFFFFF')}</StyleSheet></StyleSheets></VisioDocument>`),
      'visio/_rels/document.xml.rels': relationships(`<Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/relationships/pages" Target="pages/pages.xml"/>`),
      'visio/pages/pages.xml': xml(`<Pages xmlns="${MAIN}" xmlns:r="${R}" xml:space="preserve"><Page ID="0" NameU="${escapeXml(sheet.title)}" Name="${escapeXml(sheet.title)}"><PageSheet LineStyle="0" FillStyle="0" TextStyle="0">${cell('PageWidth', inch(SHEET_CM.width), 'IN')}${cell('PageHeight', inch(SHEET_CM.height), 'IN')}${cell('PageScale', 1, 'IN')}${cell('DrawingScale', 1, 'IN')}${cell('DrawingSizeType', 3)}${cell('PrintPageOrientation', 2)}</PageSheet><Rel r:id="rId1"/></Page></Pages>`),
      'visio/pages/_rels/pages.xml.rels': relationships(`<Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/relationships/page" Target="page1.xml"/>`),
      'visio/pages/page1.xml': xml(`<PageContents xmlns="${MAIN}" xmlns:r="${R}" xml:space="preserve"><Shapes>${shapes.join('')}</Shapes></PageContents>`),
      ...(pageRels.length > 0 ? { 'visio/pages/_rels/page1.xml.rels': relationships(pageRels.join('')) } : {}),
      ...Object.fromEntries(Object.entries(media).map(([path, bytes]) => [path, [bytes, { level: 0 }] as [Uint8Array, { level: 0 }]])),
    },
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}
