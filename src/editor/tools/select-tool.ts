import { moveItemsRecipe } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { boxFromCorners, distance, type Point } from '../geometry.ts';
import { hitTest, isDirectional, itemsInBox, orientationHandle, type ItemRef } from '../hit-test.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';

type State =
  | { name: 'idle' }
  | { name: 'pressing'; start: Point; hit: ItemRef }
  | { name: 'dragging'; last: Point; ids: ReadonlySet<string> }
  | { name: 'boxing'; start: Point; additive: boolean }
  | { name: 'rotating'; apId: string };

/**
 * Select, multi-select (Shift toggles), move (drag the selection, one undo step) and box-select (drag on empty
 * space: items entirely inside the box). Arrow keys nudge the selection by 10 cm (1 m with Shift).
 */
export class SelectTool implements Tool {
  readonly id = 'select' as const;
  private state: State = { name: 'idle' };

  constructor(private readonly editor: Editor) {}

  get stateName() {
    return this.state.name;
  }

  down(input: PointerInput): void {
    const handle = this.rotationHandleAt(input);
    if (handle) {
      this.editor.documents.getState().beginGesture();
      this.state = { name: 'rotating', apId: handle };
      return;
    }
    const hit = hitTest(this.editor.document, this.editor.levelId, input.point, input.toleranceM, input.apRadiusM);
    if (!hit) {
      if (!input.shift) this.editor.select([]);
      this.state = { name: 'boxing', start: input.point, additive: input.shift };
      return;
    }
    const selection = this.editor.selection;
    if (input.shift) {
      if (selection.has(hit.id)) selection.delete(hit.id);
      else selection.add(hit.id);
      this.editor.select([...selection]);
    } else if (!selection.has(hit.id)) this.editor.select([hit.id]);
    this.state = { name: 'pressing', start: input.point, hit };
  }

  move(input: PointerInput): void {
    const state = this.state;
    if (state.name === 'pressing') {
      if (distance(state.start, input.point) < input.toleranceM) return;
      const ids = this.movableSelection(state.hit);
      if (ids.size === 0) return;
      this.editor.documents.getState().beginGesture();
      this.state = { name: 'dragging', last: state.start, ids };
    }
    if (this.state.name === 'rotating') {
      const { apId } = this.state;
      const ap = this.editor.document.accessPoints.find((candidate) => candidate.id === apId);
      if (!ap) return;
      let azimuth = (Math.atan2(input.point.y - ap.position.yM, input.point.x - ap.position.xM) * 180) / Math.PI;
      if (input.shift) azimuth = Math.round(azimuth / 15) * 15; // Shift: 15° steps
      const azimuthDeg = Math.round((((azimuth % 360) + 360) % 360) * 10) / 10;
      this.editor.documents.getState().updateGesture((draft) => {
        const target = draft.accessPoints.find((candidate) => candidate.id === apId);
        if (target) target.azimuthDeg = azimuthDeg;
      });
      return;
    }
    if (this.state.name === 'dragging') {
      const { last, ids } = this.state;
      const dx = input.point.x - last.x;
      const dy = input.point.y - last.y;
      this.editor.documents.getState().updateGesture(moveItemsRecipe(ids, dx, dy));
      this.state = { name: 'dragging', last: input.point, ids };
    } else if (this.state.name === 'boxing') {
      this.editor.setOverlay({ box: boxFromCorners(this.state.start, input.point) });
    }
  }

  up(input: PointerInput): void {
    const state = this.state;
    if (state.name === 'dragging') this.editor.documents.getState().commitGesture(t('editor.actions.move', { count: state.ids.size }));
    if (state.name === 'rotating') this.editor.documents.getState().commitGesture(t('editor.actions.rotateAp'));
    if (state.name === 'boxing' && distance(state.start, input.point) >= input.toleranceM) {
      const inside = itemsInBox(this.editor.document, this.editor.levelId, boxFromCorners(state.start, input.point)).map((ref) => ref.id);
      this.editor.select(state.additive ? [...this.editor.selection, ...inside] : inside);
    }
    this.editor.setOverlay({ box: null });
    this.state = { name: 'idle' };
  }

  doubleClick(): void {}

  key({ key, shift }: KeyInput): boolean {
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const step = steps[key];
    if (!step || this.state.name !== 'idle') return false;
    const ids = this.editor.selection;
    if (ids.size === 0) return false;
    const size = shift ? 1 : 0.1;
    this.editor.apply({ label: t('editor.actions.move', { count: ids.size }), recipe: moveItemsRecipe(ids, step[0] * size, step[1] * size) });
    return true;
  }

  cancel(): void {
    if (this.state.name === 'dragging' || this.state.name === 'rotating') this.editor.documents.getState().cancelGesture();
    this.editor.setOverlay({ box: null });
    this.state = { name: 'idle' };
  }

  /** The selected directional AP whose orientation handle is under the pointer, if any. */
  private rotationHandleAt(input: PointerInput): string | null {
    const selection = this.editor.selection;
    if (selection.size !== 1) return null;
    const document = this.editor.document;
    const ap = document.accessPoints.find((candidate) => selection.has(candidate.id));
    if (!ap || !isDirectional(document, ap.modelId)) return null;
    const handle = orientationHandle(ap, input.apRadiusM);
    return Math.hypot(handle.x - input.point.x, handle.y - input.point.y) <= input.apRadiusM * 0.8 ? ap.id : null;
  }

  /** Openings move with their wall, not on their own. */
  private movableSelection(hit: ItemRef): ReadonlySet<string> {
    const ids = this.editor.selection;
    if (hit.kind === 'opening') ids.delete(hit.id);
    for (const opening of this.editor.document.openings) ids.delete(opening.id);
    return ids;
  }
}
