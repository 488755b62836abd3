import type { Recipe } from '../store/document-store.ts';
import type { AntennaPattern, ApModel, Band, Delivery, Level, PredictionSettings, Study } from '../model/schema.ts';

/** Undoable document edits, as immer recipes with the label shown by undo/redo. */
export interface Action {
  label: string;
  recipe: Recipe;
}

type StudyTextField = 'title' | 'author' | 'quoteReference' | 'orderReference' | 'notes';
type SiteField = keyof Study['site'];

export function setStudyField(field: StudyTextField, value: string, label: string): Action {
  return { label, recipe: (draft) => void (draft.study[field] = value) };
}

/** Replaces part of the deliverables' document control (the form sends whole lists: rows added, edited or removed). */
export function setDelivery(patch: Partial<Delivery>, label: string): Action {
  return { label, recipe: (draft) => void Object.assign(draft.study.delivery, patch) };
}

export function setStudyKind(kind: Study['kind'], label: string): Action {
  return { label, recipe: (draft) => void (draft.study.kind = kind) };
}

export function setStudyDate(field: 'startDate' | 'endDate', value: string | null, label: string): Action {
  return { label, recipe: (draft) => void (draft.study[field] = value) };
}

export function setSiteField<F extends SiteField>(field: F, value: Study['site'][F], label: string): Action {
  return { label, recipe: (draft) => void (draft.study.site[field] = value) };
}

export function updateLevel(levelId: string, patch: Partial<Pick<Level, 'name' | 'elevationM' | 'floorToFloorHeightM'>>, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const level = draft.levels.find((candidate) => candidate.id === levelId);
      if (level) Object.assign(level, patch);
    },
  };
}

/** Adds a level above the highest one of the building, with the same floor height. */
export function addLevel(buildingId: string, levelId: string, name: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const siblings = draft.levels.filter((level) => level.buildingId === buildingId);
      const top = siblings.reduce<(typeof siblings)[number] | undefined>((best, level) => (!best || level.elevationM > best.elevationM ? level : best), undefined);
      draft.levels.push({
        id: levelId,
        buildingId,
        name,
        elevationM: top ? top.elevationM + top.floorToFloorHeightM : 0,
        floorToFloorHeightM: top?.floorToFloorHeightM ?? 3,
        slabMaterialId: top?.slabMaterialId ?? draft.materials[0]?.id ?? 'mat-dalle',
        plan: null,
        metersPerUnit: null,
        alignment: null,
      });
    },
  };
}

/**
 * Moves a level one place up or down in its building: the two levels swap places and the building is stacked again
 * from its lowest floor with each level's floor height, so elevations stay consistent.
 */
export function moveLevel(levelId: string, direction: 'up' | 'down', label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const level = draft.levels.find((candidate) => candidate.id === levelId);
      if (!level) return;
      const stack = draft.levels.filter((candidate) => candidate.buildingId === level.buildingId).sort((a, b) => a.elevationM - b.elevationM);
      const index = stack.indexOf(level);
      const other = direction === 'up' ? index + 1 : index - 1;
      if (other < 0 || other >= stack.length) return;
      const base = stack[0]!.elevationM;
      [stack[index], stack[other]] = [stack[other]!, stack[index]!];
      let elevation = base;
      for (const item of stack) {
        item.elevationM = Math.round(elevation * 1000) / 1000;
        elevation += item.floorToFloorHeightM;
      }
    },
  };
}

export function setMaterialColour(materialId: string, color: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const material = draft.materials.find((candidate) => candidate.id === materialId);
      if (material && /^#[0-9a-fA-F]{6}$/.test(color)) material.color = color;
    },
  };
}

/** Renames a catalogue item (material or profile); a blank name is ignored, names are cut at 120 characters. */
function renameIn(collection: 'materials' | 'requirementProfiles', id: string, name: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const item = (draft[collection] as { id: string; name: string }[]).find((candidate) => candidate.id === id);
      if (item && name.trim()) item.name = name.trim().slice(0, 120);
    },
  };
}

export function renameMaterial(materialId: string, name: string, label: string): Action {
  return renameIn('materials', materialId, name, label);
}

/** A new material to fill in, copied from `templateId` (losses, thickness, colour). */
export function addMaterial(templateId: string, id: string, name: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const template = draft.materials.find((candidate) => candidate.id === templateId);
      if (!template) return;
      draft.materials.push({ id, name, lossDb: { ...template.lossDb }, thicknessM: template.thicknessM, color: template.color, source: '' });
    },
  };
}

export function addApModels(models: ApModel[], patterns: AntennaPattern[], label: string): Action {
  return {
    label,
    recipe: (draft) => {
      draft.antennaPatterns.push(...patterns);
      draft.apModels.push(...models);
    },
  };
}

export function setMaterialLoss(materialId: string, band: Band, lossDb: number, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const material = draft.materials.find((candidate) => candidate.id === materialId);
      if (material && Number.isFinite(lossDb) && lossDb >= 0 && lossDb <= 200) material.lossDb[band] = lossDb;
    },
  };
}

type ProfileThreshold = 'minPrimaryRssiDbm' | 'minSecondaryRssiDbm' | 'minSnrDb' | 'maxCoChannelAps' | 'coChannelThresholdDbm' | 'minPhyRateMbps' | 'maxAirtimeShare';
const THRESHOLD_RANGES: Record<ProfileThreshold, [number, number]> = {
  minPrimaryRssiDbm: [-100, -20],
  minSecondaryRssiDbm: [-100, -20],
  minSnrDb: [0, 60],
  maxCoChannelAps: [0, 50],
  coChannelThresholdDbm: [-100, -40],
  minPhyRateMbps: [0, 10000],
  maxAirtimeShare: [0.05, 1],
};
/** Thresholds that may be left empty (not required). */
const OPTIONAL_THRESHOLDS = new Set<ProfileThreshold>(['minSecondaryRssiDbm', 'maxCoChannelAps', 'minPhyRateMbps']);

/** Sets a requirement threshold; null (secondary level, co-channel limit, minimum rate) means "not required". Out-of-range values are ignored. */
export function setProfileThreshold(profileId: string, field: ProfileThreshold, value: number | null, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const profile = draft.requirementProfiles.find((candidate) => candidate.id === profileId);
      if (!profile) return;
      if (value === null) {
        if (OPTIONAL_THRESHOLDS.has(field)) (profile as Record<ProfileThreshold, number | null>)[field] = null;
        return;
      }
      const [low, high] = THRESHOLD_RANGES[field];
      if (!Number.isFinite(value) || value < low || value > high) return;
      (profile as Record<ProfileThreshold, number | null>)[field] = field === 'maxCoChannelAps' ? Math.round(value) : value;
    },
  };
}

export function renameProfile(profileId: string, name: string, label: string): Action {
  return renameIn('requirementProfiles', profileId, name, label);
}

/** A new requirement profile copied from another (thresholds to adjust), with its source left to fill in. */
export function addProfile(templateId: string, id: string, name: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const template = draft.requirementProfiles.find((candidate) => candidate.id === templateId);
      if (template) draft.requirementProfiles.push({ ...template, id, name, source: '' });
    },
  };
}

/** Removes a profile no coverage zone uses (zones always keep a profile). */
export function deleteProfile(profileId: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      if (draft.coverageZones.some((zone) => zone.requirementProfileId === profileId) || draft.requirementProfiles.length <= 1) return;
      draft.requirementProfiles = draft.requirementProfiles.filter((profile) => profile.id !== profileId);
    },
  };
}

/** Changes the prediction settings (model, exponent, client height, grid, dominant path). */
export function setPrediction(patch: Partial<Omit<PredictionSettings, 'dominantPath'>> & { dominantPath?: Partial<PredictionSettings['dominantPath']> }, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const { dominantPath, ...rest } = patch;
      Object.assign(draft.prediction, rest);
      if (dominantPath) Object.assign(draft.prediction.dominantPath, dominantPath);
    },
  };
}
