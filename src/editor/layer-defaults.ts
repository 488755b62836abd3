/**
 * First guesses for wall suggestion per plan layer, from the layer's name (CAD layer names such as A-WALL, MURS,
 * CLOISONS, HACHURES): whether to read it, and which material its walls get. The user can change both.
 */
const SKIP = /hach|hatch|text|txt|cot|dim|mobil|furn|porte|door|axe|axis|grid|grille|annot|title|cartouche/i;
const WALL = /mur|wall|cloison|partition|paroi|voile|structure|placo/i;
/** A PDF's filled shapes: room colours whose edges run along wall faces and across door openings. */
const FILLS = /rempli|fill/i;

/**
 * The recommended preset: wall layers when some are named so; else every layer except hatching, text, dimensions,
 * furniture and (when strokes exist) filled shapes; and when that leaves nothing, every layer (a plan drawn only
 * with filled walls).
 */
export function layerReadByDefault(name: string, allNames: readonly string[]): boolean {
  if (allNames.some((other) => WALL.test(other))) return WALL.test(name) && !SKIP.test(name);
  const skipped = (layer: string) => SKIP.test(layer) || (FILLS.test(layer) && allNames.some((other) => !FILLS.test(other)));
  if (allNames.every(skipped)) return true;
  return !skipped(name);
}

export function layerMaterialGuess(name: string, materialIds: readonly string[], fallback: string): string {
  const pick = (id: string) => (materialIds.includes(id) ? id : fallback);
  if (/cloison|partition|placo|plaster|dry/i.test(name)) return pick('mat-placo');
  if (/vitr|glass|fen[eê]tre|window|verre/i.test(name)) return pick('mat-vitrage');
  if (/b[ée]ton|concrete|voile|structure/i.test(name)) return pick('mat-beton');
  if (/mur|wall|paroi/i.test(name)) return pick('mat-brique');
  return fallback;
}
