/**
 * IFC material names → Ondeplan materials (docs/exchange.md, IFC): a keyword table picks the library material whose
 * losses an IFC material starts from. Each IFC material and thickness becomes one material of the study, named
 * after the IFC one, so the engineer corrects its losses once in the study's materials and every element made of
 * it follows; the study keeps the table (the materials and their `source`). Homogeneous materials (concrete,
 * brick, blocks) scale their loss with thickness, as their attenuation is per metre (ITU-R P.2040); partitions
 * and glazing keep the library value.
 */
import { t } from '../../i18n/index.ts';
import type { Material } from '../../model/schema.ts';
import { formatNumber } from '../../i18n/index.ts';

export type IfcRole = 'wall' | 'curtain-wall' | 'door' | 'window' | 'slab';

export interface IfcMaterialRule {
  /** Matched against the IFC material name, accents removed, lower case. */
  pattern: RegExp;
  /** Library material per role (a wall or a slab of the same concrete differ). */
  wall: string;
  slab: string;
  /** Loss proportional to thickness (homogeneous material). */
  perMetre: boolean;
}

/** First match wins; the order puts the specific words before the generic ones. */
export const IFC_MATERIAL_RULES: readonly IfcMaterialRule[] = [
  { pattern: /faible emissivite|low[- ]?e\b|emissive/, wall: 'mat-vitrage-fe', slab: 'mat-vitrage-fe', perMetre: false },
  { pattern: /verre|vitr|glass|glaz|mur[- ]rideau|curtain/, wall: 'mat-vitrage', slab: 'mat-vitrage', perMetre: false },
  { pattern: /coupe[- ]feu|acier|steel|metal|alu/, wall: 'mat-porte-cf', slab: 'mat-dalle', perMetre: false },
  { pattern: /ascenseur|elevator|lift/, wall: 'mat-ascenseur', slab: 'mat-dalle', perMetre: false },
  { pattern: /platre|placo|gypse|gypsum|plasterboard|drywall|\bba ?1[03358]\b|cloison|stud/, wall: 'mat-placo', slab: 'mat-dalle', perMetre: false },
  { pattern: /beton|concrete|voile|\bc\d\d\/\d\d\b|reinforced|arme/, wall: 'mat-beton', slab: 'mat-dalle', perMetre: true },
  { pattern: /brique|brick|terre cuite|clay/, wall: 'mat-brique', slab: 'mat-dalle', perMetre: true },
  { pattern: /parpaing|agglo|bloc|block|masonry|maconnerie|cmu|pierre|stone/, wall: 'mat-parpaing', slab: 'mat-dalle', perMetre: true },
  { pattern: /bois|wood|timber|clt|osb/, wall: 'mat-porte-bois', slab: 'mat-dalle', perMetre: false },
];

/** What an element with no IFC material, or one the table does not know, starts from. */
export const IFC_ROLE_DEFAULTS: Record<IfcRole, string> = { wall: 'mat-parpaing', 'curtain-wall': 'mat-vitrage', door: 'mat-porte-bois', window: 'mat-vitrage', slab: 'mat-dalle' };

const plain = (name: string) => name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function ruleFor(name: string): IfcMaterialRule | null {
  const key = plain(name);
  return IFC_MATERIAL_RULES.find((rule) => rule.pattern.test(key)) ?? null;
}

export interface MappingRow {
  ifcName: string;
  role: IfcRole;
  libraryMaterial: string;
  materialId: string;
  known: boolean;
}

/** Builds the study's materials for the IFC ones met, once per name, role and thickness (to the centimetre). */
export class IfcMaterialMapper {
  readonly materials: Material[] = [];
  readonly rows: MappingRow[] = [];
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly library: readonly Material[],
    private readonly ids: (sourceId?: string) => string,
  ) {}

  materialFor(names: readonly string[], role: IfcRole, thicknessM: number | null): string {
    const ifcName = names.find((name) => ruleFor(name)) ?? names[0] ?? '';
    const rule = ifcName ? ruleFor(ifcName) : null;
    const libraryId = rule ? (role === 'slab' ? rule.slab : role === 'curtain-wall' && rule.wall !== 'mat-vitrage-fe' ? 'mat-vitrage' : rule.wall) : IFC_ROLE_DEFAULTS[role];
    const base = this.library.find((material) => material.id === libraryId) ?? this.library[0]!;
    const thickness = thicknessM !== null && thicknessM > 0.005 ? Math.round(thicknessM * 100) / 100 : base.thicknessM;
    const scaled = rule?.perMetre && role !== 'slab' && base.thicknessM > 0;
    const key = `${ifcName}|${role}|${scaled ? thickness : ''}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const factor = scaled ? thickness / base.thicknessM : 1;
    const roleName = t(`exchange.ifc.role.${role}`);
    const label = ifcName || t('exchange.ifc.noMaterial', { role: roleName });
    const id = this.ids();
    this.materials.push({
      id,
      name: (!ifcName
        ? t('exchange.ifc.materialNameDefault', { role: roleName.charAt(0).toUpperCase() + roleName.slice(1) })
        : scaled ? t('exchange.ifc.materialNameThick', { name: label, role: roleName, mm: Math.round(thickness * 1000) }) : t('exchange.ifc.materialName', { name: label, role: roleName })).slice(0, 120),
      lossDb: { '2.4': round1(base.lossDb['2.4'] * factor), '5': round1(base.lossDb['5'] * factor), '6': round1(base.lossDb['6'] * factor) },
      thicknessM: Math.min(5, thickness),
      color: base.color,
      source: (scaled
        ? t('exchange.ifc.materialSourceScaled', { ifc: label, library: base.name, factor: formatNumber(factor, 2) })
        : t('exchange.ifc.materialSource', { ifc: label, library: base.name })
      ).slice(0, 500),
    });
    // No IFC material at all is ordinary (curtain walls, doors): the role's default is no guess worth a warning.
    this.rows.push({ ifcName: label, role, libraryMaterial: base.name, materialId: id, known: rule !== null || !ifcName });
    this.byKey.set(key, id);
    return id;
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
