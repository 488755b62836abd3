/**
 * How the imported plan is shown under the study, per level: its opacity and whether it is in grey, so a coloured plan
 * (red rooms, green hatching) does not fight the heatmap's palette and the drawn walls stand out in their material
 * colours. A view preference of this browser, kept per study in its settings; not study data (deliverables keep the
 * plan as it is).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ProjectDatabase } from '../../storage/project-database.ts';

export interface PlanDisplay {
  opacity: number;
  greyscale: boolean;
}

export const DEFAULT_PLAN_DISPLAY: PlanDisplay = { opacity: 1, greyscale: false };

const key = (projectId: string) => `affichage-plan:${projectId}`;

/** The display of each level of a study, loaded from and saved to the browser's settings. */
export function usePlanDisplay(db: ProjectDatabase, projectId: string): [(levelId: string) => PlanDisplay, (levelId: string, patch: Partial<PlanDisplay>) => void] {
  const [byLevel, setByLevel] = useState<Record<string, PlanDisplay>>({});
  useEffect(() => {
    let live = true;
    db.getSetting<Record<string, PlanDisplay>>(key(projectId))
      .then((stored) => live && setByLevel(stored ?? {}))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db, projectId]);
  const get = useCallback((levelId: string) => byLevel[levelId] ?? DEFAULT_PLAN_DISPLAY, [byLevel]);
  const set = useCallback(
    (levelId: string, patch: Partial<PlanDisplay>) =>
      setByLevel((current) => {
        const next = { ...current, [levelId]: { ...(current[levelId] ?? DEFAULT_PLAN_DISPLAY), ...patch } };
        void db.setSetting(key(projectId), next).catch(() => undefined);
        return next;
      }),
    [db, projectId],
  );
  return [get, set];
}
