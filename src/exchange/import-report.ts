/**
 * What an import from another tool brought in and what it left out, shown to the user after the import and kept
 * nowhere else: every item of the source is either counted in `imported` or explained in `notImported`.
 */
export interface ImportReport {
  /** The tool and version the file says it comes from. */
  source: string;
  imported: { label: string; count: number }[];
  notImported: { what: string; count: number; why: string; fix: string }[];
  /** Findings on what was imported (channels not allowed in France, unknown models…). */
  warnings: string[];
  /** How the source's materials became the study's (IFC): source name, element role, study material, library basis. */
  materialMapping?: { source: string; role: string; material: string; basis: string }[];
}

export class ImportReportBuilder {
  private readonly imported = new Map<string, number>();
  private readonly left = new Map<string, { count: number; why: string; fix: string }>();
  private readonly warnings: string[] = [];
  private materialMapping: ImportReport['materialMapping'];

  constructor(private source: string) {}

  setSource(source: string): void {
    this.source = source;
  }

  count(label: string, count = 1): void {
    if (count > 0) this.imported.set(label, (this.imported.get(label) ?? 0) + count);
  }

  leaveOut(what: string, why: string, fix: string, count = 1): void {
    if (count <= 0) return;
    const known = this.left.get(what);
    this.left.set(what, { count: (known?.count ?? 0) + count, why, fix });
  }

  warn(text: string): void {
    this.warnings.push(text);
  }

  setMaterialMapping(rows: NonNullable<ImportReport['materialMapping']>): void {
    this.materialMapping = rows;
  }

  build(): ImportReport {
    return {
      ...(this.materialMapping ? { materialMapping: [...this.materialMapping] } : {}),
      source: this.source,
      imported: [...this.imported].map(([label, count]) => ({ label, count })),
      notImported: [...this.left].map(([what, entry]) => ({ what, ...entry })),
      warnings: [...this.warnings],
    };
  }
}
