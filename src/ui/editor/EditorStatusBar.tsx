import type { Editor } from '../../editor/editor.ts';
import type { Viewport } from '../../editor/viewport.ts';
import { formatNumber, t, type MessageKey } from '../../i18n/index.ts';
import type { Level } from '../../model/schema.ts';
import { useEditorState } from './use-editor.ts';

/** The active tool and what it expects, the plan's scale, the zoom, and the selection size. */
export function EditorStatusBar({ editor, level, viewport }: { editor: Editor; level: Level; viewport: Viewport | null }) {
  const tool = useEditorState(editor, (state) => state.tool);
  const toolState = useEditorState(editor, (state) => state.toolState);
  const selection = useEditorState(editor, (state) => state.selection);
  const scaleText = !level.plan ? t('editor.status.noPlan') : level.metersPerUnit ? t('editor.status.scale', { mpu: formatNumber(level.metersPerUnit * 1000, 3) }) : t('editor.status.uncalibrated');
  return (
    <div className="editor-status" id="editor-status" role="status" data-testid="editor-status">
      <span data-testid="status-tool">{t(`editor.tools.${tool}.hint`)}{toolState !== 'idle' ? ` — ${t(`editor.status.state.${toolState}` as MessageKey)}` : ''}</span>
      <span className={level.plan && !level.metersPerUnit ? 'warning' : undefined}>{scaleText}</span>
      {viewport && <span>{t('editor.status.zoom', { pxPerM: formatNumber(viewport.scale, 1) })}</span>}
      {selection.length > 0 && <span>{t('editor.status.selection', { count: selection.length })}</span>}
    </div>
  );
}
