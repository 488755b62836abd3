import type { ProjectDocument } from '../../model/schema.ts';
import { useUiStore } from '../../app/app-services.ts';
import { t } from '../../i18n/index.ts';
import { StudyForm } from '../editor/StudyForm.tsx';
import { LevelList } from '../editor/LevelList.tsx';
import { LevelCanvas } from '../editor/LevelCanvas.tsx';

export function EditorView({ document }: { document: ProjectDocument }) {
  const activeLevelId = useUiStore((state) => state.activeLevelId);
  const level = document.levels.find((candidate) => candidate.id === activeLevelId) ?? document.levels[0];
  return (
    <div className="editor-layout">
      <aside className="side-panel" aria-label={t('editor.studyPanel')}>
        <StudyForm document={document} />
        <LevelList document={document} activeLevelId={level?.id ?? null} />
      </aside>
      <section className="canvas-area" aria-label={level ? t('editor.canvasLabel', { level: level.name }) : t('editor.levelsPanel')}>
        {level && <LevelCanvas document={document} level={level} />}
      </section>
    </div>
  );
}
