/**
 * A small flow layout on pdf-lib: A4 portrait pages with margins, headings, wrapped paragraphs, tables that
 * continue on the next page, and a footer with page numbers added at the end. Text is vector, in an embedded
 * DejaVu Sans subset (French accents and typographic signs); characters the font lacks become "?". Every text goes
 * through the French typographic pass; lines break at ordinary spaces only (never at a no-break space), and a word
 * wider than its line is hyphenated with French patterns.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import frenchHyphenation from 'hyphen/fr/index.js';
import { frenchTypography } from '../../i18n/typography.ts';
import { fitColumnWidths } from './column-widths.ts';

export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
export const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];
export const MARGIN = 50;

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const INK = rgb(0.1, 0.13, 0.19);
export const MUTED = rgb(0.33, 0.37, 0.43);
export const ACCENT = rgb(0.043, 0.36, 0.68);
export const RULE = rgb(0.8, 0.83, 0.87);

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export class PdfWriter {
  page!: PDFPage;
  y = 0;
  private readonly supported: Set<number>;

  private constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.supported = new Set(regular.getCharacterSet());
  }

  static async create(fonts: ReportFonts, title: string, author: string, now: Date): Promise<PdfWriter> {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const regular = await pdf.embedFont(fonts.regular, { subset: true });
    const bold = await pdf.embedFont(fonts.bold, { subset: true });
    pdf.setTitle(title);
    pdf.setAuthor(author);
    pdf.setLanguage('fr-FR');
    pdf.setCreator('Ondeplan');
    pdf.setProducer('Ondeplan (pdf-lib)');
    pdf.setCreationDate(now);
    pdf.setModificationDate(now);
    return new PdfWriter(pdf, regular, bold);
  }

  /** French typography, then characters the embedded font cannot draw (emoji, rare symbols) and control characters replaced. */
  safe(text: string): string {
    let out = '';
    for (const character of frenchTypography(text.replace(/[\r\t]/g, ' '))) {
      const code = character.codePointAt(0)!;
      out += code === 10 || this.supported.has(code) ? character : '?';
    }
    return out;
  }

  newPage(size: [number, number] = A4_PORTRAIT): PDFPage {
    this.page = this.pdf.addPage(size);
    this.y = size[1] - MARGIN;
    return this.page;
  }

  get width(): number {
    return this.page.getWidth() - 2 * MARGIN;
  }

  ensureSpace(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage([this.page.getWidth(), this.page.getHeight()]);
  }

  text(text: string, x: number, y: number, size: number, options: { bold?: boolean; color?: RGB; page?: PDFPage } = {}): void {
    (options.page ?? this.page).drawText(this.safe(text), { x, y, size, font: options.bold ? this.bold : this.regular, color: options.color ?? INK });
  }

  textWidth(text: string, size: number, bold = false): number {
    return (bold ? this.bold : this.regular).widthOfTextAtSize(this.safe(text), size);
  }

  /**
   * Splits text into lines no wider than `width`, at ordinary spaces. A word longer than a line breaks at its French
   * hyphenation points (with a hyphen), or between characters when a syllable alone is too wide. Linear in the
   * text's length: each word is measured once.
   */
  wrap(text: string, size: number, width: number, bold = false): string[] {
    const measure = (piece: string) => this.textWidth(piece, size, bold);
    const space = measure(' ');
    const lines: string[] = [];
    for (const paragraph of this.safe(text).split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
        const wordWidth = measure(word);
        if (line && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        lineWidth = wordWidth;
        if (wordWidth <= width) continue;
        const pieces = this.breakWord(word, size, width, bold);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1)!;
        lineWidth = measure(line);
      }
      lines.push(line);
    }
    return lines;
  }

  /** A word wider than `width` as lines: hyphenated at French break points, characters cut only inside a syllable. */
  private breakWord(word: string, size: number, width: number, bold: boolean): string[] {
    const hyphen = this.characterWidth('-', size, bold);
    const syllables = word.length <= 200 ? frenchHyphenation.hyphenateSync(word, { hyphenChar: '\u00ad' }).split('\u00ad') : [word];
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    const widthOf = (piece: string) => [...piece].reduce((sum, character) => sum + this.characterWidth(character, size, bold), 0);
    for (const syllable of syllables) {
      const syllableWidth = widthOf(syllable);
      if (lineWidth + syllableWidth + hyphen <= width || (!line && syllableWidth <= width)) {
        line += syllable;
        lineWidth += syllableWidth;
        continue;
      }
      if (line) {
        lines.push(`${line}${/[-\u2010-\u2014]$/.test(line) ? '' : '-'}`);
        line = '';
        lineWidth = 0;
      }
      for (const character of syllable) {
        const characterWidth = this.characterWidth(character, size, bold);
        if (line && lineWidth + characterWidth > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += character;
        lineWidth += characterWidth;
      }
    }
    lines.push(line);
    return lines;
  }

  private readonly characterWidths = new Map<string, number>();

  private characterWidth(character: string, size: number, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${character}`;
    let unit = this.characterWidths.get(key);
    if (unit === undefined) {
      unit = this.textWidth(character, 1000, bold) / 1000;
      this.characterWidths.set(key, unit);
    }
    return unit * size;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 16 : 12.5;
    this.ensureSpace(size * 3);
    this.y -= level === 1 ? 8 : 6;
    this.text(text, MARGIN, this.y - size, size, { bold: true, color: level === 1 ? ACCENT : INK });
    this.y -= size + (level === 1 ? 10 : 6);
  }

  paragraph(text: string, size = 10, color: RGB = INK): void {
    for (const line of this.wrap(text, size, this.width)) {
      this.ensureSpace(size * 1.4);
      this.text(line, MARGIN, this.y - size, size, { color });
      this.y -= size * 1.4;
    }
    this.y -= size * 0.5;
  }

  keyValues(rows: [string, string][], size = 10): void {
    const keyWidth = Math.max(...rows.map(([key]) => this.textWidth(key, size, true))) + 14;
    for (const [key, value] of rows) {
      const lines = this.wrap(value || '—', size, this.width - keyWidth);
      this.ensureSpace(lines.length * size * 1.4);
      this.text(key, MARGIN, this.y - size, size, { bold: true });
      lines.forEach((line, index) => this.text(line, MARGIN + keyWidth, this.y - size - index * size * 1.4, size));
      this.y -= lines.length * size * 1.4 + 2;
    }
    this.y -= 6;
  }

  /** A table with a header row repeated on each page; cells wrap within their column. */
  table(columns: TableColumn[], rows: string[][], size = 8.5, boldRows: ReadonlySet<number> = new Set()): void {
    const longestWord = (text: string, bold: boolean) => Math.max(0, ...this.safe(text).split(/[ \t\n]+/).map((word) => this.textWidth(word, size, bold)));
    const minimums = columns.map((column, index) => 6.5 + Math.max(longestWord(column.header, true), ...rows.map((row) => longestWord(row[index] ?? '', false))));
    const widths = fitColumnWidths(columns.map((column) => column.width), minimums, this.width);
    const lineHeight = size * 1.3;
    const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
      const wrapped = cells.map((cell, index) => this.wrap(cell, size, widths[index]! - 6, bold));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 6;
      if (shade) this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: this.width, height, color: rgb(0.91, 0.93, 0.95) });
      let x = MARGIN;
      wrapped.forEach((lines, index) => {
        const align = columns[index]!.align ?? 'left';
        lines.forEach((line, lineIndex) => {
          const textX = align === 'right' ? x + widths[index]! - 3 - this.textWidth(line, size, bold) : x + 3;
          this.text(line, textX, this.y - 3 - size - lineIndex * lineHeight, size, { bold });
        });
        x += widths[index]!;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.5, color: RULE });
      return height;
    };
    const headerHeight = () => Math.max(...columns.map((column, index) => this.wrap(column.header, size, widths[index]! - 6, true).length)) * lineHeight + 6;
    this.ensureSpace(headerHeight() + lineHeight * 2);
    drawRow(columns.map((column) => column.header), true, true);
    rows.forEach((row, index) => {
      const bold = boldRows.has(index);
      const height = Math.max(...row.map((cell, column) => this.wrap(cell, size, widths[column]! - 6, bold).length)) * lineHeight + 6;
      if (this.y - height < MARGIN + 20) {
        this.newPage([this.page.getWidth(), this.page.getHeight()]);
        drawRow(columns.map((column) => column.header), true, true);
      }
      drawRow(row, bold, false);
    });
    this.y -= 10;
  }

  /** Footer on every page: document title on the left, "page n / N" on the right; a marking (« Diffusion restreinte ») at the top of each page. */
  addFooters(title: string, marking?: string): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      const label = `page ${index + 1} / ${pages.length}`;
      if (marking) {
        const width = this.textWidth(marking, 9, true);
        this.text(marking, (page.getWidth() - width) / 2, page.getHeight() - 22, 9, { bold: true, color: rgb(0.7, 0.13, 0.13), page });
      }
      page.drawLine({ start: { x: MARGIN, y: 36 }, end: { x: page.getWidth() - MARGIN, y: 36 }, thickness: 0.5, color: RULE });
      this.text(title, MARGIN, 24, 8, { color: MUTED, page });
      this.text(label, page.getWidth() - MARGIN - this.textWidth(label, 8), 24, 8, { color: MUTED, page });
    });
  }
}
