import { useState } from 'react';
import type { Editor } from '../../editor/editor.ts';
import type { Box } from '../../editor/geometry.ts';
import type { WallSuggestionReport } from '../../editor/wall-suggestion.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { useEditorState } from './use-editor.ts';

/** Walls proposed from the plan's vector lines: the counts, the material, and accept (all or in view) or dismiss. */
export function WallSuggestions({ editor, document, visibleBox }: { editor: Editor; document: ProjectDocument; visibleBox: Box | null }) {
  const suggestions = useEditorState(editor, (state) => state.suggestions);
  const materialId = useEditorState(editor, (state) => state.materialId) ?? 'mat-placo';
  const [report, setReport] = useState<WallSuggestionReport | null>(null);
  const [outcome, setOutcome] = useState<{ proposed: number; kept: number } | null>(null);
  const accept = (box: Box | null) => {
    setOutcome(editor.acceptSuggestions(box));
    setReport(null);
  };
  return (
    <div className="wall-suggestions">
      <button
        type="button"
        onClick={() => {
          setOutcome(null);
          setReport(editor.suggestWalls());
        }}
      >
        {t('editor.suggest.button')}
      </button>
      {suggestions && report && (
        <div data-testid="suggestion-report">
          <p>{t('editor.suggest.report', { walls: report.walls.length, lines: formatNumber(report.inputLines), hatch: report.hatchDropped, short: report.shortDropped, lone: report.unpaired })}</p>
          <div className="field">
            <label htmlFor="suggest-material">{t('editor.suggest.material')}</label>
            <select id="suggest-material" value={materialId} onChange={(event) => editor.state.setState({ materialId: event.target.value })}>
              {document.materials.map((material) => (
                <option key={material.id} value={material.id}>
                  {material.name}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => accept(null)}>
              {t('editor.suggest.acceptAll')}
            </button>
            <button type="button" onClick={() => accept(visibleBox)} disabled={!visibleBox}>
              {t('editor.suggest.acceptInView')}
            </button>
            <button type="button" onClick={() => (editor.dismissSuggestions(), setReport(null))}>
              {t('editor.suggest.dismiss')}
            </button>
          </div>
        </div>
      )}
      {outcome && <p role="status" data-testid="suggestion-outcome">{t('editor.suggest.outcome', outcome)}</p>}
    </div>
  );
}
