import { useMemo } from 'react';
import type { Scene } from '../../propagation/scene/types.ts';
import { sceneFromProject } from '../engine/scene-from-project.ts';
import type { ProjectDocument } from '../model/schema.ts';

/**
 * The engine scene of the project, rebuilt only when a collection it is made from changes. Immer keeps untouched
 * collections identical, so edits that do not reach the radio scene (study fields, zones, names) neither rebuild
 * it nor wake the engine.
 */
export function useRadioScene(document: ProjectDocument): Scene {
  const { accessPoints, antennaPatterns, apModels, attenuationAreas, buildings, levels, materials, openings, prediction, slabOpenings, walls } = document;
  return useMemo(
    () => sceneFromProject(document),
    // exactly the collections sceneFromProject reads
    [accessPoints, antennaPatterns, apModels, attenuationAreas, buildings, levels, materials, openings, prediction, slabOpenings, walls],
  );
}
