import { useStore } from 'zustand';
import type { Editor } from '../../editor/editor.ts';
import type { EditorState } from '../../editor/editor-state.ts';

export function useEditorState<T>(editor: Editor, selector: (state: EditorState) => T): T {
  return useStore(editor.state, selector);
}
