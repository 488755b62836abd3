import type { Editor } from '../editor.ts';
import { distance, type Point } from '../geometry.ts';
import { snapPoint } from '../snapping.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';

type State = { name: 'idle' } | { name: 'first'; a: Point } | { name: 'done'; a: Point; b: Point };

/**
 * Two snapped clicks. The measure tool keeps the result on screen until the next click; the scale tool hands the
 * two points to the editor, which asks for the real distance.
 */
export class TwoPointTool implements Tool {
  private state: State = { name: 'idle' };

  constructor(
    private readonly editor: Editor,
    readonly id: 'measure' | 'calibrate',
  ) {}

  get stateName() {
    return this.state.name;
  }

  private snap(input: PointerInput, from: Point | null): Point {
    return snapPoint(input.point, this.editor.snapSources(), { toleranceM: input.toleranceM, from, constrain: input.shift }).point;
  }

  down(input: PointerInput): void {
    if (this.state.name !== 'first') {
      const a = this.snap(input, null);
      this.state = { name: 'first', a };
      this.editor.state.setState({ calibration: null });
      this.editor.setOverlay({ measure: { a, b: a }, lengthM: 0 });
      return;
    }
    const { a } = this.state;
    const b = this.snap(input, a);
    if (distance(a, b) < 1e-6) return;
    this.state = { name: 'done', a, b };
    this.editor.setOverlay({ measure: { a, b }, lengthM: distance(a, b) });
    if (this.id === 'calibrate') this.editor.state.setState({ calibration: { a, b } });
  }

  move(input: PointerInput): void {
    if (this.state.name !== 'first') return;
    const { a } = this.state;
    const b = this.snap(input, a);
    this.editor.setOverlay({ measure: { a, b }, lengthM: distance(a, b) });
  }

  up(): void {}
  doubleClick(): void {}

  key({ key }: KeyInput): boolean {
    if (key !== 'Escape' || this.state.name === 'idle') return false;
    this.cancel();
    return true;
  }

  cancel(): void {
    this.state = { name: 'idle' };
    this.editor.state.setState({ calibration: null });
    this.editor.clearOverlay();
  }
}
