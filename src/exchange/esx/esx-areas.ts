/**
 * Ekahau areas → Ondeplan zones: attenuation areas (dB per metre per band), exclusion areas, and coverage areas with
 * their requirement turned into a requirement profile (signal, second signal, SNR, rate, co-channel limit; the
 * 5 GHz criteria, Ondeplan's profiles being the same on every band).
 */
import { t } from '../../i18n/index.ts';
import type { AttenuationArea, CoverageZone, ExclusionZone, PointM, RequirementProfile } from '../../model/schema.ts';
import type { ImportReportBuilder } from '../import-report.ts';
import type { EsxTables } from './esx-archive.ts';
import type { PlacedFloor } from './esx-floors.ts';
import type { EsxRecord } from './esx-tables.ts';
import { clean, perBandFactor, type EsxNaming } from './esx-units.ts';

const MAPPED_CRITERIA = new Set(['SIGNAL_STRENGTH', 'SECONDARY_SIGNAL_STRENGTH', 'SIGNAL_TO_NOISE_RATIO', 'DATA_RATE', 'CHANNEL_OVERLAP']);

export interface AreasResult {
  attenuationAreas: AttenuationArea[];
  exclusionZones: ExclusionZone[];
  coverageZones: CoverageZone[];
  profiles: RequirementProfile[];
}

export function areasFromEsx(tables: EsxTables, floors: readonly PlacedFloor[], ids: (sourceId?: string) => string, defaultProfileId: string, report: ImportReportBuilder, naming: EsxNaming, libraryProfiles: ReadonlySet<string>): AreasResult {
  const floorOf = new Map(floors.map((floor) => [floor.plan.id, floor]));
  const polygon = (floor: PlacedFloor, area: readonly { x: number; y: number }[]): PointM[] => area.map((point) => ({ xM: clean(point.x * floor.plan.metersPerUnit), yM: clean(point.y * floor.plan.metersPerUnit) }));
  let orphans = 0;

  const attenuationTypes = new Map(tables.attenuationAreaTypes.map((type) => [type.id, type]));
  const attenuationAreas: AttenuationArea[] = [];
  for (const area of tables.attenuationAreas) {
    const floor = floorOf.get(area.floorPlanId);
    const type = attenuationTypes.get(area.attenuationAreaTypeId);
    if (!floor || !type) {
      orphans++;
      continue;
    }
    const loss = perBandFactor(type.propagationProperties, (factor) => Math.min(100, Math.max(0, factor)));
    attenuationAreas.push({ id: ids(area.id), levelId: floor.level.id, name: (type.name || t('exchange.esx.attenuationName')).slice(0, 120), polygon: polygon(floor, area.area), lossDbPerM: loss });
  }

  const exclusionZones: ExclusionZone[] = [];
  for (const area of tables.exclusionAreas) {
    const floor = floorOf.get(area.floorPlanId);
    if (!floor) {
      orphans++;
      continue;
    }
    exclusionZones.push({ id: ids(area.id), levelId: floor.level.id, name: area.name.slice(0, 120), polygon: polygon(floor, area.area), reason: t('exchange.esx.exclusionReason') });
  }

  const requirements = new Map(tables.requirements.map((requirement) => [requirement.id, requirement]));
  const profiles = new Map<string, RequirementProfile>();
  const profileOf = (requirementId: string | undefined): string => {
    const requirement = requirementId ? requirements.get(requirementId) : undefined;
    if (!requirement) return defaultProfileId;
    if (naming.fromOndeplan && libraryProfiles.has(requirement.id)) return requirement.id;
    if (!profiles.has(requirement.id)) profiles.set(requirement.id, profileFrom(requirement, ids(requirement.id), report, naming));
    return profiles.get(requirement.id)!.id;
  };
  const coverageZones: CoverageZone[] = [];
  let withCapacity = 0;
  for (const area of tables.areas) {
    const floor = floorOf.get(area.floorPlanId);
    if (!floor) {
      orphans++;
      continue;
    }
    if ((area.capacityItems?.length ?? 0) > 0) withCapacity++;
    coverageZones.push({ id: ids(area.id), levelId: floor.level.id, name: (area.name || t('exchange.esx.zoneName', { number: coverageZones.length + 1 })).slice(0, 120), polygon: polygon(floor, area.area), requirementProfileId: profileOf(area.requirementId), userCount: 0, userProfile: '', throughputPerUserMbps: 2 });
  }
  report.count(t('exchange.esx.imported.attenuationAreas'), attenuationAreas.length);
  report.count(t('exchange.esx.imported.exclusionZones'), exclusionZones.length);
  report.count(t('exchange.esx.imported.coverageZones'), coverageZones.length);
  report.count(t('exchange.esx.imported.profiles'), profiles.size);
  report.leaveOut(t('exchange.esx.left.orphanAreas.what'), t('exchange.esx.left.orphanAreas.why'), t('exchange.esx.left.orphanAreas.fix'), orphans);
  report.leaveOut(t('exchange.esx.left.capacity.what'), t('exchange.esx.left.capacity.why'), t('exchange.esx.left.capacity.fix'), withCapacity);
  return { attenuationAreas, exclusionZones, coverageZones, profiles: [...profiles.values()] };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** A requirement's 5 GHz criteria (or its first band's) as a profile; the rest is reported. */
export function profileFrom(requirement: EsxRecord<'requirements'>, id: string, report: ImportReportBuilder, naming: EsxNaming): RequirementProfile {
  const wifi = requirement.criteria;
  const band = wifi.some((criterion) => criterion.frequencyBand === 'FIVE') ? 'FIVE' : wifi[0]?.frequencyBand;
  const of = (type: string) => wifi.find((criterion) => criterion.type === type && (criterion.frequencyBand ?? band) === band);
  const signal = of('SIGNAL_STRENGTH');
  const second = of('SECONDARY_SIGNAL_STRENGTH');
  const snr = of('SIGNAL_TO_NOISE_RATIO');
  const rate = of('DATA_RATE');
  const overlap = of('CHANNEL_OVERLAP');
  const unmapped = wifi.filter((criterion) => !MAPPED_CRITERIA.has(criterion.type));
  report.leaveOut(t('exchange.esx.left.criteria.what'), t('exchange.esx.left.criteria.why', { types: [...new Set(unmapped.map((criterion) => criterion.type))].join(', ') }), t('exchange.esx.left.criteria.fix'), unmapped.length);
  const otherBands = wifi.filter((criterion) => MAPPED_CRITERIA.has(criterion.type) && (criterion.frequencyBand ?? band) !== band && of(criterion.type)?.value !== criterion.value);
  report.leaveOut(t('exchange.esx.left.bandCriteria.what'), t('exchange.esx.left.bandCriteria.why'), t('exchange.esx.left.bandCriteria.fix'), otherBands.length);
  return {
    id,
    name: naming.profile(requirement.name || requirement.id).slice(0, 120),
    minPrimaryRssiDbm: clamp(signal?.value ?? -67, -100, -20),
    minSecondaryRssiDbm: second ? clamp(second.value, -100, -20) : null,
    minSnrDb: clamp(snr?.value ?? 25, 0, 60),
    maxCoChannelAps: overlap ? clamp(Math.round(overlap.value), 0, 50) : null,
    coChannelThresholdDbm: clamp(overlap?.additionalLimit ?? -82, -100, -40),
    minPhyRateMbps: rate ? Math.max(0, rate.value) : null,
    maxAirtimeShare: 0.7,
    source: t('exchange.esx.profileSource', { name: requirement.name || requirement.id }).slice(0, 500),
  };
}
