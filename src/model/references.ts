import type { ProjectDocument } from './schema.ts';

/** Lists every identifier that points nowhere or is used twice, as `path → id` lines. */
export function findBrokenReferences(document: ProjectDocument): string[] {
  const problems: string[] = [];
  const index = (name: string, items: readonly { id: string }[]) => {
    const ids = new Set<string>();
    for (const item of items) {
      if (ids.has(item.id)) problems.push(`${name} : identifiant en double « ${item.id} »`);
      ids.add(item.id);
    }
    return ids;
  };
  const levels = index('levels', document.levels);
  const buildings = index('buildings', document.buildings);
  const materials = index('materials', document.materials);
  const models = index('apModels', document.apModels);
  const patterns = index('antennaPatterns', document.antennaPatterns);
  const profiles = index('requirementProfiles', document.requirementProfiles);
  const ssids = index('ssids', document.ssids);
  const walls = index('walls', document.walls);
  const assets = new Set(document.assets.map((asset) => asset.sha256));
  for (const name of ['openings', 'attenuationAreas', 'coverageZones', 'exclusionZones', 'mountingAreas', 'slabOpenings', 'accessPoints', 'interferenceSources', 'surveys'] as const) {
    index(name, document[name]);
  }

  const expect = (ok: boolean, where: string, target: string) => {
    if (!ok) problems.push(`${where} → « ${target} » introuvable`);
  };
  for (const level of document.levels) {
    expect(buildings.has(level.buildingId), `levels[${level.id}].buildingId`, level.buildingId);
    expect(materials.has(level.slabMaterialId), `levels[${level.id}].slabMaterialId`, level.slabMaterialId);
    if (level.plan) {
      expect(assets.has(level.plan.assetSha256), `levels[${level.id}].plan.assetSha256`, level.plan.assetSha256);
      for (const field of ['sourceSha256', 'vectorsSha256'] as const) {
        const hash = level.plan[field];
        if (hash !== null) expect(assets.has(hash), `levels[${level.id}].plan.${field}`, hash);
      }
    }
  }
  for (const model of document.apModels) {
    if (model.antennaPatternId) expect(patterns.has(model.antennaPatternId), `apModels[${model.id}].antennaPatternId`, model.antennaPatternId);
    for (const [band, patternId] of Object.entries(model.bandPatternIds ?? {})) if (patternId) expect(patterns.has(patternId), `apModels[${model.id}].bandPatternIds.${band}`, patternId);
  }
  for (const wall of document.walls) {
    expect(levels.has(wall.levelId), `walls[${wall.id}].levelId`, wall.levelId);
    expect(materials.has(wall.materialId), `walls[${wall.id}].materialId`, wall.materialId);
  }
  for (const opening of document.openings) {
    expect(levels.has(opening.levelId), `openings[${opening.id}].levelId`, opening.levelId);
    expect(walls.has(opening.wallId), `openings[${opening.id}].wallId`, opening.wallId);
    expect(materials.has(opening.materialId), `openings[${opening.id}].materialId`, opening.materialId);
  }
  for (const name of ['attenuationAreas', 'exclusionZones', 'mountingAreas', 'slabOpenings', 'interferenceSources', 'surveys'] as const) {
    for (const item of document[name]) expect(levels.has(item.levelId), `${name}[${item.id}].levelId`, item.levelId);
  }
  for (const zone of document.coverageZones) {
    expect(levels.has(zone.levelId), `coverageZones[${zone.id}].levelId`, zone.levelId);
    expect(profiles.has(zone.requirementProfileId), `coverageZones[${zone.id}].requirementProfileId`, zone.requirementProfileId);
  }
  for (const ap of document.accessPoints) {
    expect(levels.has(ap.levelId), `accessPoints[${ap.id}].levelId`, ap.levelId);
    expect(models.has(ap.modelId), `accessPoints[${ap.id}].modelId`, ap.modelId);
    for (const radio of ap.radios) for (const ssid of radio.ssidIds) expect(ssids.has(ssid), `accessPoints[${ap.id}].radios[${radio.id}].ssidIds`, ssid);
  }
  return problems;
}
