/**
 * A small CSV reader (RFC 4180 quoting, `,` `;` or tab detected from the header line, BOM and CRLF tolerated),
 * fast enough for a million rows. Pure.
 */
export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
}

export function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function parseCsv(text: string, maxRows = 2_000_000): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.search(/\r?\n/);
  const delimiter = detectDelimiter(firstBreak < 0 ? source : source.slice(0, firstBreak));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      if (rows.length > maxRows) break;
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...body] = rows;
  return { header: header.map((cell) => cell.trim()), rows: body, delimiter };
}

/** A number from a cell, accepting a decimal comma; null for empty or non-numeric text. */
export function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const trimmed = cell.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
