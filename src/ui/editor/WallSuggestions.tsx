import { useMemo, useState } from 'react';
import type { Editor, EditorWallSuggestion } from '../../editor/editor.ts';
import type { Box } from '../../editor/geometry.ts';
import { layerMaterialGuess, layerReadByDefault } from '../../editor/layer-defaults.ts';
import { LINE_CLASSES } from '../../editor/wall-suggestion.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { REJECTED_LINE_COLOURS } from './draw/draw-overlay.ts';
import { useEditorState } from './use-editor.ts';

interface LayerSetting {
  read: boolean;
  materialId: string;
}

const DIRECTIONS = { axes2: 2, axes5: 5, all: null } as const;
type Directions = keyof typeof DIRECTIONS;

const metres = (value: number) => formatNumber(Math.round(value));
const degrees = (value: number) => `${formatNumber(value, 1)}°`;

/**
 * Walls proposed from the plan's vector lines: per layer (DXF) or line style (PDF), which to read and with which
 * material; the directions read and the straightening onto the building's axes; then what every line became
 * (walls, hatching, short strokes…) with counts and lengths, shown on the plan by colour, and accept or dismiss.
 */
export function WallSuggestions({ editor, document, level, visibleBox }: { editor: Editor; document: ProjectDocument; level: Level; visibleBox: Box | null }) {
  const suggestions = useEditorState(editor, (state) => state.suggestions);
  const showRejected = useEditorState(editor, (state) => state.showRejected);
  const groups = useMemo(() => level.plan?.vectorLayers ?? [], [level.plan?.vectorLayers]);
  const materialIds = document.materials.map((material) => material.id);
  const [settings, setSettings] = useState<LayerSetting[]>(() =>
    groups.map((group) => ({ read: layerReadByDefault(group.name, groups.map((other) => other.name)), materialId: layerMaterialGuess(group.name, materialIds, editor.materialId) })),
  );
  const [directions, setDirections] = useState<Directions>('axes2');
  const [snap, setSnap] = useState(true);
  const [dropBlocks, setDropBlocks] = useState(true);
  const [report, setReport] = useState<EditorWallSuggestion | null>(null);
  const [outcome, setOutcome] = useState<{ proposed: number; kept: number } | null>(null);
  const change = (index: number, patch: Partial<LayerSetting>) => setSettings((current) => current.map((setting, i) => (i === index ? { ...setting, ...patch } : setting)));
  const propose = () => {
    setOutcome(null);
    const choices = groups.length > 0 ? settings.flatMap((setting, layer) => (setting.read ? [{ layer, materialId: setting.materialId }] : [])) : null;
    setReport(editor.suggestWalls(choices, { axisToleranceDeg: DIRECTIONS[directions], snapToAxes: snap, dropFreeStanding: dropBlocks }));
  };
  const accept = (box: Box | null) => {
    setOutcome(editor.acceptSuggestions(box));
    setReport(null);
  };
  const perLayer = new Map(report?.perLayer.map((entry) => [entry.layer, entry]) ?? []);
  const wallLength = report ? report.walls.reduce((sum, wall) => sum + Math.hypot(wall.b.x - wall.a.x, wall.b.y - wall.a.y), 0) : 0;
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
              {report && <th scope="col">{t('editor.suggest.proposed')}</th>}
            </tr>
          </thead>
          <tbody>
            {groups.map((group, index) => {
              const found = perLayer.get(index);
              return (
                <tr key={`${group.name}-${index}`}>
                  <th scope="row">
                    <label className="checkbox">
                      <input type="checkbox" checked={settings[index]?.read ?? false} onChange={(event) => change(index, { read: event.target.checked })} />
                      {t('editor.dxf.layer', { name: group.name, count: formatNumber(group.count) })}
                    </label>
                  </th>
                  <td>{materialSelect(`layer-material-${index}`, settings[index]?.materialId ?? editor.materialId, (materialId) => change(index, { materialId }), t('editor.suggest.materialOf', { name: group.name }))}</td>
                  {report && <td className="numeric">{found ? t('editor.suggest.proposedCell', { count: found.walls, length: metres(found.wallLengthM) }) : '—'}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="field">
        <label htmlFor="suggest-directions">{t('editor.suggest.directions')}</label>
        <select id="suggest-directions" value={directions} onChange={(event) => setDirections(event.target.value as Directions)}>
          {(Object.keys(DIRECTIONS) as Directions[]).map((key) => (
            <option key={key} value={key}>
              {t(`editor.suggest.directionOptions.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={snap} onChange={(event) => setSnap(event.target.checked)} />
        {t('editor.suggest.snap')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={dropBlocks} onChange={(event) => setDropBlocks(event.target.checked)} />
        {t('editor.suggest.dropBlocks')}
      </label>
      <button type="button" onClick={propose}>
        {t('editor.suggest.button')}
      </button>
      {suggestions && (report || outcome) && (
        <div data-testid="suggestion-report">
          {report && (
            <>
              <p>{t('editor.suggest.report', { walls: report.walls.length, length: metres(wallLength), lines: formatNumber(report.inputLines), doors: report.walls.reduce((sum, wall) => sum + wall.doors.length, 0) })}</p>
              <p>{report.axisDeg === null ? t('editor.suggest.noAxis') : t('editor.suggest.axis', { angle: degrees(report.axisDeg), angle2: degrees(report.axisDeg + 90) })}</p>
              <table className="data-table" data-testid="suggestion-classes">
                <caption>{t('editor.suggest.classesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('editor.suggest.classHeader')}</th>
                    <th scope="col">{t('editor.suggest.linesHeader')}</th>
                    <th scope="col">{t('editor.suggest.lengthHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {LINE_CLASSES.map((name, index) => (
                    <tr key={name} data-class={name} title={t(`editor.suggest.classHints.${name}`)}>
                      <th scope="row">
                        <span className="swatch" style={{ background: REJECTED_LINE_COLOURS[index] }} aria-hidden="true" />
                        {t(`editor.suggest.classes.${name}`)}
                      </th>
                      <td className="numeric">{formatNumber(report.classes[name].count)}</td>
                      <td className="numeric">{metres(report.classes[name].lengthM)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <label className="checkbox">
                <input type="checkbox" checked={showRejected} onChange={(event) => editor.state.setState({ showRejected: event.target.checked })} />
                {t('editor.suggest.showRejected')}
              </label>
            </>
          )}
          {groups.length === 0 && suggestions.length > 0 && (
            <div className="field">
              <label htmlFor="suggest-material">{t('editor.suggest.material')}</label>
              {materialSelect('suggest-material', editor.materialId, (materialId) => {
                editor.state.setState({ materialId, suggestions: suggestions.map((wall) => ({ ...wall, materialId })) });
              }, t('editor.suggest.material'))}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="primary" onClick={() => accept(null)} disabled={suggestions.length === 0}>
              {t('editor.suggest.acceptAll')}
            </button>
            <button type="button" onClick={() => accept(visibleBox)} disabled={!visibleBox || suggestions.length === 0}>
              {t('editor.suggest.acceptInView')}
            </button>
            <button type="button" onClick={() => editor.setTool('suggestion-box')} disabled={suggestions.length === 0}>
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
