import type { Editor } from '../editor.ts';
import type { PointerInput } from '../tool.ts';
import { ClickTool } from './click-tool.ts';

/** Stop-and-go survey entry: each click marks where the auditor stands; the readings are then pasted or typed. */
export class SurveyPointTool extends ClickTool {
  readonly id = 'survey-point' as const;

  constructor(private readonly editor: Editor) {
    super();
  }

  down(input: PointerInput): void {
    this.editor.state.setState({ surveyPointAt: input.point });
  }

  override cancel(): void {
    this.editor.state.setState({ surveyPointAt: null });
  }
}
