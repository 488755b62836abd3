import { t } from '../i18n/index.ts';
import { inlinePackageCodec, type PackageCodec } from '../io/package-codec.ts';
import { slugify } from '../io/slug.ts';
import { createProject } from '../model/create-project.ts';
import { assertStorable } from '../model/document-gate.ts';
import type { ImportReport } from '../exchange/import-report.ts';
import { settleSvgPlans } from '../exchange/esx/esx-svg-plans.ts';
import { importOpenIntent } from '../exchange/openintent/openintent-import.ts';
import { exportOpenIntent } from '../exchange/openintent/openintent-export.ts';
import { copyOfStudy, fitTitle } from '../model/fit-title.ts';
import { newId } from '../model/ids.ts';
import type { ProjectDocument } from '../model/schema.ts';
import type { ProjectDatabase } from './project-database.ts';
import { StorageError } from './storage-error.ts';

/** Project-level operations of the project list, on top of the database. */
export class ProjectRepository {
  constructor(
    readonly db: ProjectDatabase,
    private readonly codec: PackageCodec = inlinePackageCodec,
  ) {}

  async create(title: string, now = new Date()): Promise<ProjectDocument> {
    const document = createProject({ title, now });
    assertStorable(document, t('projects.createTitle'));
    await this.db.saveDocument(document);
    return document;
  }

  async rename(id: string, title: string, now = new Date()): Promise<ProjectDocument> {
    const document = await this.db.loadDocument(id);
    const renamed = { ...document, updatedAt: now.toISOString(), study: { ...document.study, title } };
    assertStorable(renamed, t('projects.renameTitle'));
    await this.db.saveDocument(renamed);
    return renamed;
  }

  async duplicate(id: string, now = new Date()): Promise<ProjectDocument> {
    const copy = copyOfStudy(await this.db.loadDocument(id), now);
    await this.db.saveDocument(copy);
    return copy;
  }

  async assetsOf(document: ProjectDocument): Promise<Map<string, Uint8Array>> {
    const assets = new Map<string, Uint8Array>();
    for (const asset of document.assets) {
      const stored = await this.db.getAsset(asset.sha256);
      if (!stored) throw new StorageError('not-found');
      assets.set(asset.sha256, new Uint8Array(stored.bytes));
    }
    return assets;
  }

  /**
   * The study as a `.ondeplan` file, offered only once it has been read back: a study the gate would refuse on import
   * is not exported, and the error lists exactly what to fix (a study stored before the gate existed).
   */
  async exportPackage(id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
    const document = await this.db.loadDocument(id);
    const { bytes, problems } = await this.codec.packVerified(document, await this.assetsOf(document));
    if (problems.length > 0) throw new ExportCheckError(problems);
    return { bytes, fileName: packageFileName(document) };
  }

  /** The study as an Ekahau project, with what the format cannot carry (`losses`, French lines). */
  async exportEsx(id: string): Promise<{ bytes: Uint8Array; fileName: string; losses: string[] }> {
    const document = await this.db.loadDocument(id);
    const { bytes, losses } = await this.codec.exportEsx(document, await this.assetsOf(document));
    return { bytes, fileName: packageFileName(document).replace(/\.ondeplan$/, '.esx'), losses };
  }

  /** An OpenIntent payload (already parsed) as a new study, checked by the gate, with its import report. */
  async importOpenIntent(payload: unknown): Promise<{ document: ProjectDocument; report: ImportReport }> {
    const { document, report } = importOpenIntent(payload);
    assertStorable(document, t('projects.importOpenIntentLabel'));
    await this.db.saveDocumentWithAssets(document, new Map());
    return { document, report };
  }

  async exportOpenIntent(id: string): Promise<{ bytes: Uint8Array; fileName: string; losses: string[] }> {
    const document = await this.db.loadDocument(id);
    const { payload, losses } = exportOpenIntent(document);
    return { bytes: new TextEncoder().encode(`${JSON.stringify(payload, null, 2)}\n`), fileName: packageFileName(document).replace(/\.ondeplan$/, '.openintent.json'), losses };
  }

  /**
   * An Ekahau project as a new study: converted in the codec's worker, its SVG plans sanitised here, checked by the
   * gate like any change, then stored. The report says what was brought in and what was left out.
   */
  async importEsx(input: Uint8Array | Blob): Promise<{ document: ProjectDocument; report: ImportReport }> {
    const converted = await settleSvgPlans(await this.codec.importEsx(input));
    assertStorable(converted.document, t('projects.importEsxLabel'));
    await this.db.saveDocumentWithAssets(converted.document, converted.assets);
    return { document: converted.document, report: converted.report };
  }

  /**
   * An IFC building model as a new study: read and converted in the codec's worker (web-ifc), its drawn plans
   * sanitised here, checked by the gate, then stored.
   */
  async importIfc(input: Uint8Array | Blob, fileName: string): Promise<{ document: ProjectDocument; report: ImportReport }> {
    const converted = await settleSvgPlans(await this.codec.importIfc(input, fileName));
    assertStorable(converted.document, t('projects.importIfcLabel'));
    await this.db.saveDocumentWithAssets(converted.document, converted.assets);
    return { document: converted.document, report: converted.report };
  }

  /**
   * Validates the whole file before writing anything, so a bad file leaves storage untouched.
   * A project whose id is already stored comes in as a copy with a new id.
   */
  async importPackage(input: Uint8Array | Blob): Promise<{ document: ProjectDocument; renamed: boolean }> {
    const { document, assets } = await this.codec.unpack(input);
    const clash = await this.db.hasDocument(document.id);
    const stored = clash
      ? { ...document, id: newId(), study: { ...document.study, title: fitTitle(document.study.title, (title) => t('projects.importedTitle', { title })) } }
      : document;
    await this.db.saveDocumentWithAssets(stored, assets);
    return { document: stored, renamed: clash };
  }
}

export function packageFileName(document: ProjectDocument): string {
  const slug = slugify(document.study.title).slice(0, 60);
  return `${slug || 'etude'}.ondeplan`;
}

/** An export that would not re-import as the same study: `details` says what to fix. */
export class ExportCheckError extends Error {
  constructor(readonly details: string[]) {
    super(t('errors.exportCheck', { count: details.length }));
    this.name = 'ExportCheckError';
  }
}
