import { useMemo, useState } from 'react';
import type { Editor } from '../../editor/editor.ts';
import type { Box } from '../../editor/geometry.ts';
import { layerMaterialGuess, layerReadByDefault } from '../../editor/layer-defaults.ts';
import type { WallSuggestionReport } from '../../editor/wall-suggestion.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { useEditorState } from './use-editor.ts';

interface LayerSetting {
  read: boolean;
  materialId: string;
}

/**
 * Walls proposed from the plan's vector lines: per layer (DXF) or line style (PDF), which to read and with which
 * material; then the counts, and accept (all or in view) or dismiss.
 */
export function WallSuggestions({ editor, document, level, visibleBox }: { editor: Editor; document: ProjectDocument; level: Level; visibleBox: Box | null }) {
  const suggestions = useEditorState(editor, (state) => state.suggestions);
  const groups = useMemo(() => level.plan?.vectorLayers ?? [], [level.plan?.vectorLayers]);
  const materialIds = document.materials.map((material) => material.id);
  const [settings, setSettings] = useState<LayerSetting[]>(() =>
    groups.map((group) => ({ read: layerReadByDefault(group.name, groups.map((other) => other.name)), materialId: layerMaterialGuess(group.name, materialIds, editor.materialId) })),
  );
  const [report, setReport] = useState<WallSuggestionReport | null>(null);
  const [outcome, setOutcome] = useState<{ proposed: number; kept: number } | null>(null);
  const change = (index: number, patch: Partial<LayerSetting>) => setSettings((current) => current.map((setting, i) => (i === index ? { ...setting, ...patch } : setting)));
  const propose = () => {
    setOutcome(null);
    const choices = groups.length > 0 ? settings.flatMap((setting, layer) => (setting.read ? [{ layer, materialId: setting.materialId }] : [])) : null;
    setReport(editor.suggestWalls(choices));
  };
  const accept = (box: Box | null) => {
    setOutcome(editor.acceptSuggestions(box));
    setReport(null);
  };
  const materialSelect = (id: string, value: string, onChange: (value: string) => void, label: string) => (
    <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {document.materials.map((material) => (
        <option key={material.id} value={material.id}>
          {material.name}
        </option>
      ))}
    </select>
  );
  return (
    <div className="wall-suggestions">
      {groups.length > 0 ? (
        <table className="data-table layer-table" data-testid="suggestion-layers">
          <caption>{t('editor.suggest.layers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editor.suggest.layer')}</th>
              <th scope="col">{t('editor.suggest.material')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group, index) => (
              <tr key={`${group.name}-${index}`}>
                <th scope="row">
                  <label className="checkbox">
                    <input type="checkbox" checked={settings[index]?.read ?? false} onChange={(event) => change(index, { read: event.target.checked })} />
                    {t('editor.dxf.layer', { name: group.name, count: formatNumber(group.count) })}
                  </label>
                </th>
                <td>{materialSelect(`layer-material-${index}`, settings[index]?.materialId ?? editor.materialId, (materialId) => change(index, { materialId }), t('editor.suggest.materialOf', { name: group.name }))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={propose}>
        {t('editor.suggest.button')}
      </button>
      {suggestions && suggestions.length > 0 && (report || outcome) && (
        <div data-testid="suggestion-report">
          {report && <p>{t('editor.suggest.report', { walls: report.walls.length, lines: formatNumber(report.inputLines), hatch: report.hatchDropped, short: report.shortDropped, lone: report.unpaired })}</p>}
          {groups.length === 0 && (
            <div className="field">
              <label htmlFor="suggest-material">{t('editor.suggest.material')}</label>
              {materialSelect('suggest-material', editor.materialId, (materialId) => {
                editor.state.setState({ materialId, suggestions: suggestions.map((wall) => ({ ...wall, materialId })) });
              }, t('editor.suggest.material'))}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="primary" onClick={() => accept(null)}>
              {t('editor.suggest.acceptAll')}
            </button>
            <button type="button" onClick={() => accept(visibleBox)} disabled={!visibleBox}>
              {t('editor.suggest.acceptInView')}
            </button>
            <button type="button" onClick={() => editor.setTool('suggestion-box')}>
              {t('editor.suggest.acceptByBox')}
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
