/**
 * The catalogue of the contract's services (CCTP §4) as typed data: `catalogue.json` is written from the contract's
 * text by `npm run catalogue:extract` and committed; this module types it and answers the questions quotes ask.
 */
import data from './catalogue.json' with { type: 'json' };

export type ServiceKind = 'etude' | 'exploitation' | 'deploiement' | 'outre-mer' | 'reversibilite';
export type ComplexityLevel = 'Simple' | 'Moyenne' | 'Complexe';
export type Valuation = 'complexite' | 'forfait' | 'demi-journee' | 'renvoi' | 'autre';

export interface TextWithItems {
  text: string;
  items: string[];
}

export interface CatalogueService {
  number: string;
  title: string;
  kind: ServiceKind;
  presentation: string;
  description: string;
  descriptionItems: string[];
  prerequisites: string;
  tasks: TextWithItems;
  profile: string;
  inputs: TextWithItems;
  deliverables: TextWithItems;
  complexity: { level: ComplexityLevel; maxDays: number }[];
  valuation: Valuation;
  valuationText: string;
  dimensions: { label: string; options: string[] }[];
  surfaceTiers?: { label: string; fromM2: number; toM2: number }[];
  outOfHours?: boolean;
}

export interface Catalogue {
  version: number;
  source: string;
  workUnit: string;
  outOfHours: { services: string[]; slots: string[] };
  services: CatalogueService[];
}

export const CATALOGUE = data as Catalogue;

export function findService(number: string): CatalogueService | undefined {
  return CATALOGUE.services.find((service) => service.number === number);
}

/** The Wi-Fi study and audit service, the core of Ondeplan. */
export const WIFI_STUDY = '4.1.6';

/**
 * The surface tier of a Wi-Fi study (§4.1.6: « inférieure à 500 m² », « entre 501 et 1000 m² », « entre 1001 et 3000
 * m² »). The text counts whole square metres, so the tiers are read as contiguous: up to 500 m², above 500 up to 1 000,
 * above 1 000 up to 3 000. Above 3 000 m² the grid has no tier: null (the study is split, or quoted apart).
 */
export function surfaceTier(areaM2: number): { index: number; label: string } | null {
  const tiers = findService(WIFI_STUDY)!.surfaceTiers!;
  if (!Number.isFinite(areaM2) || areaM2 < 0) return null;
  const index = tiers.findIndex((tier, at) => areaM2 <= tier.toM2 && (at === 0 || areaM2 > tiers[at - 1]!.toM2));
  return index < 0 ? null : { index, label: tiers[index]!.label };
}

/** Services whose complexity durations do not grow with the level (as written in the contract: to be confirmed). */
export function durationAnomalies(): string[] {
  return CATALOGUE.services.filter((service) => service.complexity.some((level, at) => at > 0 && level.maxDays < service.complexity[at - 1]!.maxDays)).map((service) => service.number);
}
