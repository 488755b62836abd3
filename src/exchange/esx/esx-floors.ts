/**
 * Ekahau floors → Ondeplan levels: each building floor (or floor plan without one) becomes a level, stacked by
 * floor number with the floor heights, its slab from the floor type (dB per metre × thickness), and aligned on the
 * level below through the reference points both floor plans share (rigid: turn and shift, both in metres).
 */
import { similarityFromPairs } from '../../audit/survey-alignment.ts';
import { t } from '../../i18n/index.ts';
import type { Level, Material } from '../../model/schema.ts';
import type { ImportReportBuilder } from '../import-report.ts';
import type { EsxTables } from './esx-archive.ts';
import type { EsxRecord } from './esx-tables.ts';
import { materialColor, perBandLoss, type EsxNaming } from './esx-units.ts';

export interface PlacedFloor {
  level: Level;
  plan: EsxRecord<'floorPlans'>;
}

const DEFAULT_FLOOR_HEIGHT_M = 3;

export function floorsToLevels(tables: EsxTables, ids: (sourceId?: string) => string, buildingIdOf: (esxBuildingId: string | undefined) => string, report: ImportReportBuilder, naming: EsxNaming, library: ReadonlySet<string>): { floors: PlacedFloor[]; materials: Material[] } {
  const plans = new Map(tables.floorPlans.map((plan) => [plan.id, plan]));
  const floorTypes = new Map(tables.floorTypes.map((type) => [type.id, type]));
  const materials = new Map<string, Material>();
  const byPlan = new Map(tables.buildingFloors.map((floor) => [floor.floorPlanId, floor]));
  const ordered = [...tables.floorPlans].sort((a, b) => (byPlan.get(a.id)?.floorNumber ?? 0) - (byPlan.get(b.id)?.floorNumber ?? 0));
  const withoutFloor = ordered.filter((plan) => !byPlan.has(plan.id)).length;
  report.leaveOut(t('exchange.esx.left.floorWithoutBuilding.what'), t('exchange.esx.left.floorWithoutBuilding.why'), t('exchange.esx.left.floorWithoutBuilding.fix'), withoutFloor);

  const elevationByBuilding = new Map<string, number>();
  const floors: PlacedFloor[] = ordered.map((plan) => {
    const floor = byPlan.get(plan.id);
    const buildingId = buildingIdOf(floor?.buildingId);
    const elevationM = elevationByBuilding.get(buildingId) ?? 0;
    const heightM = floor?.height ?? DEFAULT_FLOOR_HEIGHT_M;
    elevationByBuilding.set(buildingId, elevationM + heightM);
    const type = floor?.floorTypeId ? floorTypes.get(floor.floorTypeId) : undefined;
    let slabMaterialId = 'mat-dalle';
    if (type && naming.fromOndeplan && library.has(type.id)) {
      slabMaterialId = type.id;
    } else if (type) {
      const thickness = floor?.thickness ?? 0;
      const key = `${type.id}/${thickness}`;
      if (!materials.has(key)) {
        materials.set(key, {
          id: ids(type.id),
          name: naming.slab(type.name || type.id).slice(0, 120),
          lossDb: perBandLoss(type.propagationProperties, thickness),
          thicknessM: Math.min(5, thickness),
          color: materialColor(undefined, '#5b5b5b'),
          source: t('exchange.esx.lossSource'),
        });
      }
      slabMaterialId = materials.get(key)!.id;
    } else if (floor) {
      report.leaveOut(t('exchange.esx.left.floorType.what'), t('exchange.esx.left.floorType.why'), t('exchange.esx.left.floorType.fix'));
    }
    if (plan.rotateUpDirection && plan.rotateUpDirection !== 'UP') report.leaveOut(t('exchange.esx.left.rotateUp.what'), t('exchange.esx.left.rotateUp.why', { value: plan.rotateUpDirection }), t('exchange.esx.left.rotateUp.fix'));
    const level: Level = {
      id: ids(plan.id),
      buildingId,
      name: (plan.name || t('exchange.esx.levelName', { number: floor?.floorNumber ?? 0 })).slice(0, 120),
      elevationM,
      floorToFloorHeightM: Math.min(50, heightM),
      slabMaterialId,
      plan: null,
      metersPerUnit: plan.metersPerUnit,
      alignment: null,
    };
    return { level, plan: plans.get(plan.id)! };
  });

  report.count(t('exchange.esx.imported.levels'), floors.length);
  alignFloors(tables, floors, report);
  return { floors, materials: [...materials.values()] };
}

/** Each level on the one below it in its building, from the reference points projected on both. */
function alignFloors(tables: EsxTables, floors: PlacedFloor[], report: ImportReportBuilder): void {
  let unaligned = 0;
  floors.forEach((floor, index) => {
    const below = floors.slice(0, index).reverse().find((candidate) => candidate.level.buildingId === floor.level.buildingId);
    if (!below) return;
    const pairs = tables.referencePoints.flatMap((point) => {
      const here = point.projections.find((projection) => projection.floorPlanId === floor.plan.id);
      const there = point.projections.find((projection) => projection.floorPlanId === below.plan.id);
      if (!here || !there) return [];
      const from = { x: here.coord.x * floor.plan.metersPerUnit, y: here.coord.y * floor.plan.metersPerUnit };
      const to = { x: there.coord.x * below.plan.metersPerUnit, y: there.coord.y * below.plan.metersPerUnit };
      return [{ from, to }];
    });
    if (pairs.length === 0) {
      unaligned++;
      return;
    }
    // The turn from the best similarity; the shift for a turn alone (both floors are in metres).
    const rotationRad = pairs.length >= 2 ? (similarityFromPairs(pairs)?.transform.rotationRad ?? 0) : 0;
    const cos = Math.cos(rotationRad);
    const sin = Math.sin(rotationRad);
    let offsetX = 0;
    let offsetY = 0;
    for (const { from, to } of pairs) {
      offsetX += to.x - (cos * from.x - sin * from.y);
      offsetY += to.y - (sin * from.x + cos * from.y);
    }
    floor.level.alignment = { offsetXM: offsetX / pairs.length, offsetYM: offsetY / pairs.length, rotationDeg: (rotationRad * 180) / Math.PI };
    report.count(t('exchange.esx.imported.alignedLevels'));
  });
  report.leaveOut(t('exchange.esx.left.unaligned.what'), t('exchange.esx.left.unaligned.why'), t('exchange.esx.left.unaligned.fix'), unaligned);
}
