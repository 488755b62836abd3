/**
 * A small A4 document writer for the portal's PDFs (certificate of destruction, quotes): DejaVu Sans embedded (every
 * French character), paragraphs wrapped to the width, label–value fields, tables with right-aligned figures that keep
 * their header on each new page, and « page N sur M » footers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);

/** Lines of at most `width` points, cut at spaces (or inside a word longer than the line, e.g. a checksum). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export class A4Writer {
  readonly width = A4.width - 2 * MARGIN;
  private page!: PDFPage;
  private y = 0;

  private constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(title: string, date: Date): Promise<A4Writer> {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    pdf.setTitle(title);
    pdf.setLanguage('fr-FR');
    pdf.setCreationDate(date);
    const regular = await pdf.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), { subset: true });
    const bold = await pdf.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')), { subset: true });
    return new A4Writer(pdf, regular, bold);
  }

  private newPage() {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  room(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; muted?: boolean; after?: number; indent?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    for (const line of wrap(text, font, size, this.width - (options.indent ?? 0))) {
      this.room(size * 1.4);
      this.page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.y - size, size, font, color: options.muted ? MUTED : INK });
      this.y -= size * 1.4;
    }
    this.y -= options.after ?? 4;
  }

  heading(text: string, size = 12) {
    this.room(size * 3);
    this.y -= size * 0.4;
    this.paragraph(text, { bold: true, size, after: 6 });
  }

  field(label: string, value: string, options: { labelWidth?: number; size?: number } = {}) {
    const size = options.size ?? 10;
    const labelWidth = options.labelWidth ?? 170;
    const lines = wrap(value, this.regular, size, this.width - labelWidth);
    this.room(Math.max(1, lines.length) * size * 1.4);
    this.page.drawText(label, { x: MARGIN, y: this.y - 10, size: 10, font: this.bold, color: INK });
    for (const line of lines) {
      this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y - 10, size, font: this.regular, color: INK });
      this.y -= Math.max(size, 10) * 1.4;
    }
    this.y -= 3;
  }

  /** A table; each row's cells wrap within their column; the header comes again on a new page. */
  table(columns: TableColumn[], rows: string[][], options: { size?: number; boldLastRows?: number } = {}) {
    const size = options.size ?? 9;
    const lineHeight = size * 1.35;
    const drawRow = (cells: string[], font: PDFFont) => {
      const wrapped = cells.map((cell, index) => wrap(cell, font, size, columns[index]!.width - 6));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 4;
      return { wrapped, height };
    };
    const paint = (cells: string[], font: PDFFont, rule: boolean) => {
      const { wrapped, height } = drawRow(cells, font);
      if (this.y - height < MARGIN + 20) {
        this.newPage();
        paint(columns.map((column) => column.title), this.bold, true);
      }
      let x = MARGIN;
      wrapped.forEach((lines, index) => {
        const column = columns[index]!;
        lines.forEach((line, at) => {
          const width = font.widthOfTextAtSize(line, size);
          this.page.drawText(line, { x: column.align === 'right' ? x + column.width - 3 - width : x + 3, y: this.y - size - 2 - at * lineHeight, size, font, color: INK });
        });
        x += column.width;
      });
      this.y -= height;
      if (rule) this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + columns.reduce((sum, column) => sum + column.width, 0), y: this.y }, thickness: 0.5, color: RULE });
    };
    this.room(lineHeight * 3);
    paint(columns.map((column) => column.title), this.bold, true);
    rows.forEach((row, index) => paint(row, index >= rows.length - (options.boldLastRows ?? 0) ? this.bold : this.regular, true));
    this.y -= 6;
  }

  /** Two boxes side by side for signatures, each with its caption. */
  signatureBoxes(captions: [string, string], height = 80) {
    this.room(height + 30);
    const boxWidth = (this.width - 20) / 2;
    captions.forEach((caption, index) => {
      const x = MARGIN + index * (boxWidth + 20);
      this.page.drawText(caption, { x, y: this.y - 10, size: 9.5, font: this.bold, color: INK });
      this.page.drawRectangle({ x, y: this.y - 18 - height, width: boxWidth, height, borderColor: RULE, borderWidth: 0.8 });
      this.page.drawText('Nom, date et signature', { x: x + 6, y: this.y - 32, size: 8, font: this.regular, color: MUTED });
    });
    this.y -= height + 30;
  }

  async save(footer: string): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      const text = `${footer} — page ${index + 1} sur ${pages.length}`;
      page.drawText(text, { x: A4.width - MARGIN - this.regular.widthOfTextAtSize(text, 8), y: MARGIN / 2, size: 8, font: this.regular, color: MUTED });
    });
    return this.pdf.save();
  }
}
