/** The contract's surface tiers for service 4.1.6 (CCTP: < 500 m², 501–1000 m², 1001–3000 m²). */
export type SurfaceTier = 'none' | 'under500' | 'from501to1000' | 'from1001to3000' | 'over3000';

export function surfaceTier(areaM2: number): SurfaceTier {
  if (!(areaM2 > 0)) return 'none';
  if (areaM2 <= 500) return 'under500';
  if (areaM2 <= 1000) return 'from501to1000';
  if (areaM2 <= 3000) return 'from1001to3000';
  return 'over3000';
}
