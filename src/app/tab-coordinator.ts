/**
 * One editing tab per study, across the tabs of this browser profile: a Web Lock per study says who edits it, and a
 * BroadcastChannel carries « give it to me » from a read-only tab to the tab that holds it. Where the browser has
 * neither (tests in Node, old browsers) every tab edits, and the revision check of saves still refuses stale writes.
 */
export interface HeldLock {
  release(): void;
}

export interface TabCoordinator {
  /** The study's lock if no other tab holds it, else null. */
  tryClaim(projectId: string): Promise<HeldLock | null>;
  /** Waits for the study's lock (after asking its holder to let go). */
  claim(projectId: string): Promise<HeldLock>;
  /** Asks the tab that edits the study to hand it over. */
  requestHandOver(projectId: string): void;
  /** Called when another tab asks for a study; returns the unsubscribe function. */
  onHandOverRequest(listener: (projectId: string) => void): () => void;
}

const CHANNEL = 'ondeplan-onglets';
const lockName = (projectId: string) => `ondeplan-etude:${projectId}`;

interface HandOverMessage {
  kind: 'hand-over';
  projectId: string;
}

export function createTabCoordinator(): TabCoordinator {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
  const request = (projectId: string, ifAvailable: boolean): Promise<HeldLock | null> => {
    if (!locks) return Promise.resolve({ release: () => undefined });
    return new Promise((resolve) => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((done) => (release = done));
      void locks.request(lockName(projectId), { ifAvailable }, async (lock) => {
        if (!lock) return resolve(null);
        resolve({ release });
        await held;
      });
    });
  };
  return {
    tryClaim: (projectId) => request(projectId, true),
    claim: async (projectId) => (await request(projectId, false))!,
    requestHandOver(projectId) {
      channel?.postMessage({ kind: 'hand-over', projectId } satisfies HandOverMessage);
    },
    onHandOverRequest(listener) {
      if (!channel) return () => undefined;
      const handle = (event: MessageEvent<HandOverMessage>) => {
        if (event.data?.kind === 'hand-over') listener(event.data.projectId);
      };
      channel.addEventListener('message', handle);
      return () => channel.removeEventListener('message', handle);
    },
  };
}
