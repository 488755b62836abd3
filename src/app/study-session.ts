import { copyOfStudy } from '../model/fit-title.ts';
import type { ProjectDocument } from '../model/schema.ts';
import type { ProjectDatabase } from '../storage/project-database.ts';
import { StorageError } from '../storage/storage-error.ts';
import type { DocumentStore } from '../store/document-store.ts';
import type { StudyAccess, UiStore } from '../store/ui-store.ts';
import type { HeldLock, TabCoordinator } from './tab-coordinator.ts';

interface Open {
  projectId: string;
  revision: number;
  lock: HeldLock | null;
}

/**
 * The study open in this tab: loads it with its stored revision, saves only over that revision, and keeps one editing
 * tab per study (the others read only until they take over). Open, close and hand-over run one after another, so a
 * quick succession (React's double mount in development, a click during a load) ends in the last state asked for.
 */
export class StudySession {
  private current: Open | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ProjectDatabase,
    private readonly documents: DocumentStore,
    private readonly ui: UiStore,
    private readonly tabs: TabCoordinator,
    private readonly flush: () => Promise<void>,
  ) {
    tabs.onHandOverRequest((projectId) => void this.serial(() => this.handOver(projectId)));
  }

  open(projectId: string): Promise<void> {
    return this.serial(async () => {
      if (this.current?.projectId === projectId) return;
      await this.closeNow();
      const lock = await this.tabs.tryClaim(projectId);
      try {
        await this.load(projectId, lock);
      } catch (error) {
        lock?.release();
        throw error;
      }
    });
  }

  close(projectId: string): Promise<void> {
    return this.serial(async () => {
      if (this.current?.projectId === projectId) await this.closeNow();
    });
  }

  /** Asks the editing tab to let go, then reloads the study as saved there and edits it here. */
  takeOver(): Promise<void> {
    const projectId = this.current?.projectId;
    if (!projectId || this.current?.lock) return Promise.resolve();
    this.tabs.requestHandOver(projectId);
    return this.serial(async () => {
      const lock = await this.tabs.claim(projectId);
      if (this.current?.projectId !== projectId) return lock.release();
      await this.load(projectId, lock);
    });
  }

  /** Saves the document over the revision this tab loaded; a newer stored revision makes the tab read-only. */
  async save(document: ProjectDocument): Promise<void> {
    const open = this.current;
    if (!open || open.projectId !== document.id) return;
    try {
      open.revision = await this.db.saveDocument(document, open.revision);
    } catch (error) {
      if (error instanceof StorageError && error.code === 'conflict') this.setAccess('conflict');
      throw error;
    }
  }

  /** After a conflict: this tab's version becomes a new study, so nothing typed here is lost. */
  saveAsCopy(): Promise<ProjectDocument | null> {
    return this.serial(async () => {
      const document = this.documents.getState().document;
      if (!document) return null;
      const copy = copyOfStudy(document, new Date());
      await this.db.saveDocument(copy);
      return copy;
    });
  }

  /** Drops this tab's unsaved version and shows the stored one. */
  reload(): Promise<void> {
    return this.serial(async () => {
      if (this.current) await this.load(this.current.projectId, this.current.lock);
    });
  }

  private async load(projectId: string, lock: HeldLock | null): Promise<void> {
    const [document, revision] = await Promise.all([this.db.loadDocument(projectId), this.db.loadRevision(projectId)]);
    this.current = { projectId, revision, lock };
    // All in one task, so that the views render once with the document, its access and its level.
    const active = this.ui.getState().activeLevelId;
    this.documents.getState().open(document);
    this.documents.getState().setReadOnly(lock === null);
    this.setAccess(lock ? 'editable' : 'busy');
    this.ui.getState().setSaveStatus('idle');
    if (!document.levels.some((level) => level.id === active)) this.ui.getState().setActiveLevel(document.levels[0]?.id ?? null);
  }

  private async handOver(projectId: string): Promise<void> {
    if (this.current?.projectId !== projectId || !this.current.lock) return;
    await this.flush();
    this.documents.getState().setReadOnly(true);
    this.current.lock.release();
    this.current.lock = null;
    this.setAccess('handed-over');
  }

  private async closeNow(): Promise<void> {
    if (!this.current) return;
    await this.flush();
    this.current.lock?.release();
    this.current = null;
    this.documents.getState().close();
    this.setAccess('editable');
  }

  private setAccess(access: StudyAccess): void {
    if (access === 'conflict') this.documents.getState().setReadOnly(true);
    this.ui.getState().setStudyAccess(access);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
