import { useServices } from '../../app/app-services.ts';
import { addLevel, moveLevel, updateLevel, type Action } from '../../actions/study-actions.ts';
import { setLevelAlignment } from '../../actions/editor-actions.ts';
import type { Editor } from '../../editor/editor.ts';
import { levelAbove, levelBelow } from '../../model/level-stack.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { CommitField } from '../components/Fields.tsx';

export function LevelList({ document, activeLevelId, editor }: { document: ProjectDocument; activeLevelId: string | null; editor?: Editor }) {
  const { documents, ui } = useServices();
  const levels = [...document.levels].sort((a, b) => b.elevationM - a.elevationM);
  const active = document.levels.find((level) => level.id === activeLevelId);
  const count = (levelId: string) => ({
    walls: document.walls.filter((wall) => wall.levelId === levelId).length,
    aps: document.accessPoints.filter((ap) => ap.levelId === levelId).length,
    zones: document.coverageZones.filter((zone) => zone.levelId === levelId).length,
  });
  const add = () => {
    const building = document.buildings[0];
    if (!building) return;
    const id = newId();
    const action = addLevel(building.id, id, t('editor.newLevelName', { number: document.levels.length + 1 }), t('editor.actions.addLevel'));
    documents.getState().change(action.label, action.recipe);
    ui.getState().setActiveLevel(id);
  };
  const change = (action: Action) => documents.getState().change(action.label, action.recipe);
  const edit = (patch: Parameters<typeof updateLevel>[1]) => {
    if (!active) return;
    const action = updateLevel(active.id, patch, t('editor.actions.editLevel'));
    documents.getState().change(action.label, action.recipe);
  };
  return (
    <section className="panel" aria-labelledby="levels-title">
      <h2 id="levels-title">{t('editor.levelsPanel')}</h2>
      <ul className="level-list">
        {levels.map((level) => (
          <li key={level.id}>
            <button
              type="button"
              className="level-button"
              aria-pressed={level.id === activeLevelId}
              onClick={() => ui.getState().setActiveLevel(level.id)}
            >
              <strong>{level.name}</strong>
              <span className="muted">
                {formatNumber(level.elevationM)} m · {t('editor.levelSummary', count(level.id))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={add}>
        + {t('editor.addLevel')}
      </button>
      {active && (
        <div className="level-form">
          <div className="button-row">
            <button type="button" onClick={() => change(moveLevel(active.id, 'up', t('editor.actions.moveLevel')))} disabled={!levelAbove(document, active)}>
              {t('editor.levelUp')}
            </button>
            <button type="button" onClick={() => change(moveLevel(active.id, 'down', t('editor.actions.moveLevel')))} disabled={!levelBelow(document, active)}>
              {t('editor.levelDown')}
            </button>
          </div>
          {editor && levelBelow(document, active) && (
            <div className="button-row">
              <button type="button" onClick={() => editor.setTool('align')}>
                {t('editor.align.button')}
              </button>
              {active.alignment && (
                <button type="button" onClick={() => change(setLevelAlignment(active.id, null, t('editor.actions.unalign')))}>
                  {t('editor.align.reset')}
                </button>
              )}
            </div>
          )}
          {active.alignment && (
            <p className="muted" data-testid="level-alignment">
              {t('editor.align.state', { rotation: formatNumber(active.alignment.rotationDeg, 1), x: formatNumber(active.alignment.offsetXM, 2), y: formatNumber(active.alignment.offsetYM, 2) })}
            </p>
          )}
          <CommitField name="level-name" label={t('editor.fields.levelName')} value={active.name} required onCommit={(name) => edit({ name })} />
          <div className="field-row">
            <CommitField type="number" step={0.1} name="level-elevation" label={t('editor.fields.elevation')} value={String(active.elevationM)} onCommit={(value) => Number.isFinite(Number(value)) && value !== '' && edit({ elevationM: Number(value) })} />
            <CommitField type="number" step={0.1} name="level-height" label={t('editor.fields.floorHeight')} value={String(active.floorToFloorHeightM)} onCommit={(value) => Number(value) > 0 && edit({ floorToFloorHeightM: Number(value) })} />
          </div>
        </div>
      )}
    </section>
  );
}
