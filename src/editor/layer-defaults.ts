/**
 * First guesses for wall suggestion per plan layer, from the layer's name (CAD layer names such as A-WALL, MURS,
 * CLOISONS, HACHURES): whether to read it, and which material its walls get. The user can change both.
 */
const SKIP = /hach|hatch|text|txt|cot|dim|mobil|furn|porte|door|axe|axis|grid|grille|annot|title|cartouche/i;
const WALL = /mur|wall|cloison|partition|paroi|voile|structure|placo/i;

export function layerReadByDefault(name: string, allNames: readonly string[]): boolean {
  if (allNames.some((other) => WALL.test(other))) return WALL.test(name) && !SKIP.test(name);
  return !SKIP.test(name);
}

export function layerMaterialGuess(name: string, materialIds: readonly string[], fallback: string): string {
  const pick = (id: string) => (materialIds.includes(id) ? id : fallback);
  if (/cloison|partition|placo|plaster|dry/i.test(name)) return pick('mat-placo');
  if (/vitr|glass|fen[eê]tre|window|verre/i.test(name)) return pick('mat-vitrage');
  if (/b[ée]ton|concrete|voile|structure/i.test(name)) return pick('mat-beton');
  if (/mur|wall|paroi/i.test(name)) return pick('mat-brique');
  return fallback;
}
