import { addOpening, setWallsMaterial, splitWall } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { projectOnSegment } from '../geometry.ts';
import type { PointerInput, Tool } from '../tool.ts';

type WallClickKind = 'door' | 'window' | 'split' | 'brush';

/** Nearest wall of the level within the tolerance. */
function wallAt(editor: Editor, input: PointerInput): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const wall of editor.document.walls) {
    if (wall.levelId !== editor.levelId) continue;
    const { distance } = projectOnSegment(input.point, { x: wall.from.xM, y: wall.from.yM }, { x: wall.to.xM, y: wall.to.yM });
    if (distance <= input.toleranceM && (!best || distance < best.distance)) best = { id: wall.id, distance };
  }
  return best?.id ?? null;
}

/**
 * Tools that act on the wall under the click: put a door or window there, split it there, or paint it with the
 * current material (the brush also paints every wall the pointer crosses while pressed, as one undo step).
 */
export class WallClickTool implements Tool {
  private painting: Set<string> | null = null;

  constructor(
    private readonly editor: Editor,
    readonly id: WallClickKind,
  ) {}

  get stateName() {
    return this.painting ? 'painting' : 'idle';
  }

  down(input: PointerInput): void {
    const wallId = wallAt(this.editor, input);
    if (!wallId) return this.editor.notify('info', t('editor.errors.clickWall'));
    const document = this.editor.document;
    if (this.id === 'brush') {
      this.painting = new Set([wallId]);
      this.editor.documents.getState().beginGesture();
      this.paint();
      return;
    }
    if (this.id === 'split') return this.editor.apply(splitWall(document, wallId, input.point, this.editor.options.ids(), t('editor.actions.split')));
    const kind = this.id === 'door' ? 'porte' : 'fenetre';
    const materialId = document.materials.find((material) => material.id === (kind === 'porte' ? 'mat-porte-bois' : 'mat-vitrage'))?.id ?? this.editor.materialId;
    this.editor.apply(addOpening(document, wallId, input.point, kind, this.editor.options.ids(), materialId, t(`editor.actions.add.${kind}`)));
  }

  move(input: PointerInput): void {
    if (!this.painting) return;
    const wallId = wallAt(this.editor, input);
    if (!wallId || this.painting.has(wallId)) return;
    this.painting.add(wallId);
    this.paint();
  }

  up(): void {
    if (!this.painting) return;
    this.editor.documents.getState().commitGesture(t('editor.actions.paint', { count: this.painting.size }));
    this.painting = null;
  }

  doubleClick(): void {}
  key(): boolean {
    return false;
  }

  cancel(): void {
    if (this.painting) this.editor.documents.getState().cancelGesture();
    this.painting = null;
  }

  private paint(): void {
    this.editor.documents.getState().updateGesture(setWallsMaterial(this.painting!, this.editor.materialId, '').recipe);
  }
}
