import kinks from '@turf/kinks';
import { polygon as turfPolygon } from '@turf/helpers';
import { addPolygon, type PolygonKind } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import { polygonAreaM2 } from '../../model/geometry.ts';
import type { Editor } from '../editor.ts';
import { distance, type Point } from '../geometry.ts';
import type { PointerInput } from '../tool.ts';
import { DraftingTool } from './drafting-tool.ts';

/** Whether a polygon crosses itself (turf's kinks; such an area has no meaningful surface). */
export function selfIntersects(points: readonly Point[]): boolean {
  const ring = [...points.map((point) => [point.x, point.y]), [points[0]!.x, points[0]!.y]];
  return kinks(turfPolygon([ring])).features.length > 0;
}

const toM = (points: readonly Point[]) => points.map((point) => ({ xM: point.x, yM: point.y }));

/**
 * Coverage zones, exclusion zones, attenuation areas, mounting areas and slab openings: click the corners; clicking the first corner again, Enter
 * or a double-click closes the polygon (at least three corners, not crossing itself). The area in m² shows live.
 */
export class AreaTool extends DraftingTool {
  constructor(
    editor: Editor,
    readonly id: PolygonKind,
  ) {
    super(editor);
  }

  override down(input: PointerInput): void {
    const first = this.draft.points[0];
    if (first && this.draft.points.length >= 3 && distance(this.draft.snap(input).point, first) <= input.toleranceM) return this.finish();
    super.down(input);
  }

  protected finish(): void {
    const points = this.draft.points;
    if (points.length < 3) {
      if (points.length > 0) this.editor.notify('error', t('editor.errors.polygonTooFew'));
      return this.cancel();
    }
    if (selfIntersects(points)) {
      this.editor.notify('error', t('editor.errors.polygonCrosses'));
      return;
    }
    const document = this.editor.document;
    const lists = { zone: document.coverageZones, exclusion: document.exclusionZones, attenuation: document.attenuationAreas, mounting: document.mountingAreas, 'slab-opening': document.slabOpenings };
    const count = lists[this.id].length;
    const id = this.editor.options.ids();
    const name = t(`editor.newArea.${this.id}`, { number: count + 1 });
    const label = t(`editor.actions.addArea.${this.id}`, { area: polygonAreaM2(toM(points)) });
    this.editor.apply(addPolygon(this.editor.levelId, this.id, points, id, { name, requirementProfileId: this.editor.profileId }, label));
    this.editor.select([id]);
    this.cancel();
  }

  protected override show(): void {
    const { points, cursor } = this.draft;
    const shape = cursor ? [...points, cursor.point] : points;
    const last = points.at(-1);
    this.editor.setOverlay({
      polyline: points.length > 0 ? { points: shape, closed: shape.length >= 3 } : null,
      snap: cursor?.kind ? { point: cursor.point, kind: cursor.kind } : null,
      lengthM: last && cursor ? distance(last, cursor.point) : null,
      areaM2: shape.length >= 3 ? polygonAreaM2(toM(shape)) : null,
    });
  }
}
