import { emptyDelivery } from './empty-delivery.ts';
import {
  DEFAULT_ANTENNA_PATTERNS,
  DEFAULT_AP_MODELS,
  DEFAULT_MATERIALS,
  DEFAULT_PREDICTION_SETTINGS,
  DEFAULT_REQUIREMENT_PROFILES,
  DEFAULT_SSIDS,
} from './default-library.ts';
import { CURRENT_FORMAT_VERSION, type ProjectDocument } from './schema.ts';
import { newId } from './ids.ts';

export interface NewProjectOptions {
  title: string;
  id?: string;
  now?: Date;
}

/** A new study with one building, one level and the shipped library, ready to draw on. */
export function createProject({ title, id = newId(), now = new Date() }: NewProjectOptions): ProjectDocument {
  const iso = now.toISOString();
  const buildingId = `${id}-batiment-1`;
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    id,
    createdAt: iso,
    updatedAt: iso,
    study: {
      kind: 'etude-sur-plan',
      title,
      site: { entityKind: 'juridiction', entityName: '', address: '', dit: '' },
      author: '',
      startDate: iso.slice(0, 10),
      endDate: null,
      quoteReference: '',
      delivery: emptyDelivery(),
      orderReference: '',
      notes: '',
    },
    prediction: structuredClone(DEFAULT_PREDICTION_SETTINGS),
    materials: structuredClone([...DEFAULT_MATERIALS]),
    antennaPatterns: structuredClone([...DEFAULT_ANTENNA_PATTERNS]),
    apModels: structuredClone([...DEFAULT_AP_MODELS]),
    ssids: structuredClone([...DEFAULT_SSIDS]),
    requirementProfiles: structuredClone([...DEFAULT_REQUIREMENT_PROFILES]),
    assets: [],
    buildings: [{ id: buildingId, name: 'Bâtiment principal' }],
    levels: [
      {
        id: `${id}-niveau-0`,
        buildingId,
        name: 'Rez-de-chaussée',
        elevationM: 0,
        floorToFloorHeightM: 3,
        slabMaterialId: 'mat-dalle',
        plan: null,
        metersPerUnit: null,
        alignment: null,
      },
    ],
    walls: [],
    openings: [],
    attenuationAreas: [],
    coverageZones: [],
    exclusionZones: [],
    mountingAreas: [],
    slabOpenings: [],
    accessPoints: [],
    interferenceSources: [],
    surveys: [],
  };
}
