/**
 * The Ekahau `.esx` tables Ondeplan reads (docs/exchange.md): one JSON file per table, each `{ "<table>": [...] }`.
 * Schemas are loose: unknown fields are ignored, and a record that does not fit is counted and reported, never
 * dropped silently.
 */
import { z } from 'zod';

const num = z.number().finite();
const coord = z.object({ x: num, y: num });
const location = z.object({ floorPlanId: z.string(), coord });
const polygon = z.array(coord).min(3);
export const ESX_BANDS = ['TWO', 'FIVE', 'SIX'] as const;
const propagation = z.array(z.looseObject({ band: z.string(), attenuationFactor: num }));

export const esxRecords = {
  floorPlans: z.looseObject({ id: z.string(), name: z.string().default(''), width: num.positive(), height: num.positive(), metersPerUnit: num.positive(), imageId: z.string().optional(), bitmapImageId: z.string().optional(), cropMinX: num.optional(), cropMinY: num.optional(), cropMaxX: num.optional(), cropMaxY: num.optional(), rotateUpDirection: z.string().optional() }),
  images: z.looseObject({ id: z.string(), imageFormat: z.string(), resolutionWidth: num.optional(), resolutionHeight: num.optional() }),
  buildings: z.looseObject({ id: z.string(), name: z.string().default('') }),
  buildingFloors: z.looseObject({ id: z.string().optional(), floorPlanId: z.string(), buildingId: z.string().optional(), floorTypeId: z.string().optional(), floorNumber: num.default(0), height: num.positive().optional(), thickness: num.nonnegative().optional() }),
  floorTypes: z.looseObject({ id: z.string(), name: z.string().default(''), propagationProperties: propagation.default([]) }),
  wallPoints: z.looseObject({ id: z.string(), location }),
  wallSegments: z.looseObject({ id: z.string(), wallTypeId: z.string(), point1Id: z.string().optional(), point2Id: z.string().optional(), wallPoints: z.array(z.string()).optional() }),
  wallTypes: z.looseObject({ id: z.string(), name: z.string().default(''), key: z.string().default(''), color: z.string().optional(), propagationProperties: propagation.default([]), thickness: num.nonnegative().default(0), lowerEdge: num.nonnegative().optional(), upperEdge: num.nonnegative().optional() }),
  attenuationAreaTypes: z.looseObject({ id: z.string(), name: z.string().default(''), propagationProperties: propagation.default([]) }),
  attenuationAreas: z.looseObject({ id: z.string(), attenuationAreaTypeId: z.string(), floorPlanId: z.string(), area: polygon }),
  exclusionAreas: z.looseObject({ id: z.string(), floorPlanId: z.string(), name: z.string().default(''), area: polygon }),
  areas: z.looseObject({ id: z.string(), floorPlanId: z.string(), name: z.string().default(''), requirementId: z.string().optional(), capacityItems: z.array(z.unknown()).optional(), area: polygon }),
  requirements: z.looseObject({ id: z.string(), name: z.string().default(''), criteria: z.array(z.looseObject({ frequencyBand: z.string().optional(), type: z.string(), function: z.string().optional(), value: num, additionalLimit: num.optional() })).default([]) }),
  referencePoints: z.looseObject({ id: z.string(), name: z.string().default(''), projections: z.array(location).default([]) }),
  accessPoints: z.looseObject({ id: z.string(), name: z.string().default(''), location: location.optional(), mine: z.boolean().optional(), vendor: z.string().optional(), model: z.string().optional(), tags: z.array(z.unknown()).optional(), noteIds: z.array(z.string()).optional() }),
  simulatedRadios: z.looseObject({
    id: z.string(),
    accessPointId: z.string(),
    accessPointIndex: num.optional(),
    transmitPower: num.optional(),
    channel: z.array(num).optional(),
    antennaTypeId: z.string().optional(),
    antennaDirection: num.optional(),
    antennaTilt: num.optional(),
    antennaHeight: num.optional(),
    antennaMounting: z.string().optional(),
    radioTechnology: z.string().optional(),
    spatialStreamCount: num.optional(),
    defaultAntennas: z.array(z.looseObject({ radioTechnology: z.string().optional(), frequencyBand: z.string().optional(), antennaTypeId: z.string().optional() })).optional(),
    enabled: z.boolean().optional(),
  }),
  antennaTypes: z.looseObject({
    id: z.string(),
    name: z.string().default(''),
    directional: z.boolean().optional(),
    frequencyBand: z.string().optional(),
    hplane: z.looseObject({ gains: z.array(z.object({ angle: num, gain: num })) }).optional(),
  }),
  notes: z.looseObject({ id: z.string(), text: z.string().default('') }),
  accessPointMeasurements: z.looseObject({ id: z.string(), mac: z.string().optional(), ssid: z.string().optional(), channel: z.array(num).optional(), channelByCenterFrequencyDefinedNarrowChannels: z.array(num).optional() }),
  projectHistorys: z.looseObject({ productName: z.string().optional(), productVersion: z.string().optional(), schemaVersion: z.string().optional(), timestamp: z.string().optional() }),
} as const;

export type EsxTableName = keyof typeof esxRecords;
export type EsxRecord<T extends EsxTableName> = z.infer<(typeof esxRecords)[T]>;

export const esxProjectRecord = z.looseObject({ name: z.string().optional(), title: z.string().optional(), customer: z.string().optional(), location: z.string().optional(), responsiblePerson: z.string().optional(), schemaVersion: z.string().optional() });
export type EsxProject = z.infer<typeof esxProjectRecord>;
