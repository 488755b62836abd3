import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProjectDocument } from '../model/schema.ts';
import { StorageError, toStorageError } from './storage-error.ts';

/** What the project list shows, kept apart from the documents so that listing reads no geometry. */
export interface ProjectSummary {
  id: string;
  title: string;
  studyKind: ProjectDocument['study']['kind'];
  entityName: string;
  updatedAt: string;
  levelCount: number;
  accessPointCount: number;
  assetHashes: string[];
  /** Bumped by every save: a tab saves only over the revision it loaded (compare-and-set). Absent before it existed. */
  revision?: number;
}

export interface StoredAsset {
  sha256: string;
  mimeType: string;
  bytes: ArrayBuffer;
}

interface OndeplanDb extends DBSchema {
  documents: { key: string; value: ProjectDocument };
  summaries: { key: string; value: ProjectSummary };
  assets: { key: string; value: StoredAsset };
  settings: { key: string; value: { key: string; value: unknown } };
}

const DB_NAME = 'ondeplan';
const DB_VERSION = 1;

export function summarize(document: ProjectDocument, revision = 0): ProjectSummary {
  return {
    revision,
    id: document.id,
    title: document.study.title,
    studyKind: document.study.kind,
    entityName: document.study.site.entityName,
    updatedAt: document.updatedAt,
    levelCount: document.levels.length,
    accessPointCount: document.accessPoints.length,
    assetHashes: document.assets.map((asset) => asset.sha256),
  };
}

/** IndexedDB access: documents, their summaries, content-addressed assets and a few app settings. */
export class ProjectDatabase {
  private constructor(private readonly db: IDBPDatabase<OndeplanDb>) {}

  static async open(name = DB_NAME): Promise<ProjectDatabase> {
    try {
      const db = await openDB<OndeplanDb>(name, DB_VERSION, {
        upgrade(database) {
          database.createObjectStore('documents', { keyPath: 'id' });
          database.createObjectStore('summaries', { keyPath: 'id' });
          database.createObjectStore('assets', { keyPath: 'sha256' });
          database.createObjectStore('settings', { keyPath: 'key' });
        },
      });
      return new ProjectDatabase(db);
    } catch (error) {
      throw new StorageError('unavailable', error);
    }
  }

  close(): void {
    this.db.close();
  }

  async listSummaries(): Promise<ProjectSummary[]> {
    const all = await this.db.getAll('summaries');
    return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async loadDocument(id: string): Promise<ProjectDocument> {
    const document = await this.db.get('documents', id);
    if (!document) throw new StorageError('not-found');
    return document;
  }

  /** The stored revision of a project (0 for one saved before revisions existed). */
  async loadRevision(id: string): Promise<number> {
    return (await this.db.get('summaries', id))?.revision ?? 0;
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.db.getKey('documents', id)) !== undefined;
  }

  /**
   * Writes the document and its summary in one transaction: both or neither. With `expectedRevision`, the write
   * happens only if the stored revision is still that one (another tab has not saved since): otherwise nothing is
   * written and a StorageError 'conflict' is thrown. Returns the new revision.
   */
  async saveDocument(document: ProjectDocument, expectedRevision?: number): Promise<number> {
    try {
      const tx = this.db.transaction(['documents', 'summaries'], 'readwrite');
      const summaries = tx.objectStore('summaries');
      const stored = (await summaries.get(document.id))?.revision ?? 0;
      if (expectedRevision !== undefined && stored !== expectedRevision) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new StorageError('conflict');
      }
      await Promise.all([tx.objectStore('documents').put(document), summaries.put(summarize(document, stored + 1)), tx.done]);
      return stored + 1;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Saves a document with the assets it brings, atomically (used by import and duplicate). */
  async saveDocumentWithAssets(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<void> {
    try {
      const tx = this.db.transaction(['documents', 'summaries', 'assets'], 'readwrite');
      const assetStore = tx.objectStore('assets');
      const stored = (await tx.objectStore('summaries').get(document.id))?.revision ?? 0;
      const writes: Promise<unknown>[] = [tx.objectStore('documents').put(document), tx.objectStore('summaries').put(summarize(document, stored + 1))];
      for (const asset of document.assets) {
        const bytes = assets.get(asset.sha256);
        if (!bytes) continue;
        writes.push(assetStore.put({ sha256: asset.sha256, mimeType: asset.mimeType, bytes: copyToArrayBuffer(bytes) }));
      }
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async putAsset(sha256: string, mimeType: string, bytes: Uint8Array): Promise<void> {
    try {
      if ((await this.db.getKey('assets', sha256)) !== undefined) return;
      await this.db.put('assets', { sha256, mimeType, bytes: copyToArrayBuffer(bytes) });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async getAsset(sha256: string): Promise<StoredAsset | undefined> {
    return this.db.get('assets', sha256);
  }

  async assetCount(): Promise<number> {
    return this.db.count('assets');
  }

  /** Deletes a project, then every asset no other project still uses. */
  async deleteProject(id: string): Promise<void> {
    try {
      const tx = this.db.transaction(['documents', 'summaries', 'assets'], 'readwrite');
      const summaries = tx.objectStore('summaries');
      const removed = await summaries.get(id);
      await tx.objectStore('documents').delete(id);
      await summaries.delete(id);
      if (removed) {
        const stillUsed = new Set((await summaries.getAll()).flatMap((summary) => summary.assetHashes));
        for (const hash of removed.assetHashes) if (!stillUsed.has(hash)) await tx.objectStore('assets').delete(hash);
      }
      await tx.done;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('settings', key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', { key, value });
  }
}

function copyToArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
