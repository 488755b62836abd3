import type { ReactNode } from 'react';
import type { Editor } from '../../editor/editor.ts';
import type { EditorState } from '../../editor/editor-state.ts';
import { TOOL_KEYS } from '../../editor/editor.ts';
import type { ToolId } from '../../editor/tool.ts';
import { t } from '../../i18n/index.ts';
import { INTERFERENCE_KINDS, type ProjectDocument } from '../../model/schema.ts';
import { useEditorState } from './use-editor.ts';

const GROUPS: ToolId[][] = [['select', 'pan'], ['wall', 'door', 'window', 'split', 'brush'], ['zone', 'exclusion', 'mounting', 'attenuation', 'slab-opening'], ['ap', 'survey-point', 'walk', 'source'], ['measure', 'calibrate']];
const KEY_OF = Object.fromEntries(Object.entries(TOOL_KEYS).map(([key, tool]) => [tool, key.toUpperCase()])) as Record<ToolId, string>;

/** Tool buttons (with their key) and the choices the active tool uses: material, requirement profile, AP model. */
export function EditorToolbar({ editor, document, onFit, onShortcuts, children }: { editor: Editor; document: ProjectDocument; onFit: () => void; onShortcuts: () => void; children?: ReactNode }) {
  const tool = useEditorState(editor, (state) => state.tool);
  const materialId = useEditorState(editor, (state) => state.materialId) ?? 'mat-placo';
  const profileId = useEditorState(editor, (state) => state.profileId) ?? document.requirementProfiles[0]?.id;
  const apModelId = useEditorState(editor, (state) => state.apModelId) ?? '';
  const sourceKind = useEditorState(editor, (state) => state.sourceKind);
  const set = (patch: Partial<EditorState>) => editor.state.setState(patch);
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {GROUPS.map((group, index) => (
        <div className="tool-group" key={index}>
          {group.map((id) => (
            <button key={id} type="button" className="tool-button" aria-pressed={tool === id} title={`${t(`editor.tools.${id}.hint`)} (${KEY_OF[id]})`} data-tool={id} onClick={() => editor.setTool(id)}>
              {t(`editor.tools.${id}.label`)}
            </button>
          ))}
        </div>
      ))}
      <div className="tool-options">
      {(tool === 'wall' || tool === 'brush') && (
        <label className="tool-option">
          {t('editor.toolbarMaterial')}
          <select aria-label={t('editor.toolbarMaterial')} value={materialId} onChange={(event) => set({ materialId: event.target.value })} data-testid="tool-material">
            {document.materials.map((material) => (
              <option key={material.id} value={material.id}>
                {material.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {tool === 'zone' && (
        <label className="tool-option">
          {t('editor.toolbarProfile')}
          <select aria-label={t('editor.toolbarProfile')} value={profileId} onChange={(event) => set({ profileId: event.target.value })}>
            {document.requirementProfiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {tool === 'source' && (
        <label className="tool-option">
          {t('editor.source.kind')}
          <select aria-label={t('editor.source.kind')} value={sourceKind} onChange={(event) => set({ sourceKind: event.target.value as EditorState['sourceKind'] })}>
            {INTERFERENCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`editor.source.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {tool === 'ap' && (
        <label className="tool-option">
          {t('editor.toolbarModel')}
          <select aria-label={t('editor.toolbarModel')} value={apModelId} onChange={(event) => set({ apModelId: event.target.value || null })}>
            <option value="">{t('editor.toolbarModelUsual')}</option>
            {document.apModels.map((model) => (
              <option key={model.id} value={model.id}>
                {model.model}
              </option>
            ))}
          </select>
        </label>
      )}
      </div>
      <div className="tool-group tool-group-end">
        <button type="button" onClick={onFit} title={t('editor.fitHint')}>
          {t('editor.fit')}
        </button>
        <button type="button" onClick={onShortcuts}>
          {t('editor.shortcuts.open')}
        </button>
        {children}
      </div>
    </div>
  );
}
