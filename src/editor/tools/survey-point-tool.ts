import type { Editor } from '../editor.ts';
import type { PointerInput, Tool } from '../tool.ts';

/** Stop-and-go survey entry: each click marks where the auditor stands; the readings are then pasted or typed. */
export class SurveyPointTool implements Tool {
  readonly id = 'survey-point' as const;
  readonly stateName = 'idle';

  constructor(private readonly editor: Editor) {}

  down(input: PointerInput): void {
    this.editor.state.setState({ surveyPointAt: input.point });
  }

  move(): void {}
  up(): void {}
  doubleClick(): void {}
  key(): boolean {
    return false;
  }
  cancel(): void {
    this.editor.state.setState({ surveyPointAt: null });
  }
}
