/** A headless editor on a fresh project, driven with level coordinates as a user would with the mouse. */
import { Editor } from '../../../src/editor/editor.ts';
import type { Point, Segment } from '../../../src/editor/geometry.ts';
import type { PointerInput, ToolId } from '../../../src/editor/tool.ts';
import { createProject } from '../../../src/model/create-project.ts';
import type { ProjectDocument } from '../../../src/model/schema.ts';
import { createDocumentStore } from '../../../src/store/document-store.ts';

export interface TestEditor {
  editor: Editor;
  notices: string[];
  doc(): ProjectDocument;
  click(x: number, y: number, modifiers?: Partial<PointerInput>): void;
  drag(from: Point, to: Point, modifiers?: Partial<PointerInput>): void;
  move(x: number, y: number, modifiers?: Partial<PointerInput>): void;
  doubleClick(x: number, y: number): void;
  key(key: string, modifiers?: { shift?: boolean; ctrl?: boolean }): boolean;
  use(tool: ToolId): void;
}

export function testEditor(options: { planLines?: Segment[]; document?: ProjectDocument } = {}): TestEditor {
  const documents = createDocumentStore(() => new Date('2026-11-28T12:00:00Z'));
  documents.getState().open(options.document ?? createProject({ title: 'Essai', id: 'p1', now: new Date('2026-11-28T12:00:00Z') }));
  let counter = 0;
  const notices: string[] = [];
  const editor = new Editor(documents, { ids: () => `id-${++counter}`, planLines: () => options.planLines ?? [], notify: (_kind, message) => notices.push(message) });
  const input = (x: number, y: number, modifiers: Partial<PointerInput> = {}): PointerInput => ({ point: { x, y }, shift: false, ctrl: false, alt: false, toleranceM: 0.2, apRadiusM: 0.3, ...modifiers });
  return {
    editor,
    notices,
    doc: () => documents.getState().document!,
    click(x, y, modifiers) {
      editor.pointerMove(input(x, y, modifiers));
      editor.pointerDown(input(x, y, modifiers));
      editor.pointerUp(input(x, y, modifiers));
    },
    drag(from, to, modifiers) {
      editor.pointerDown(input(from.x, from.y, modifiers));
      for (let step = 1; step <= 4; step++) editor.pointerMove(input(from.x + ((to.x - from.x) * step) / 4, from.y + ((to.y - from.y) * step) / 4, modifiers));
      editor.pointerUp(input(to.x, to.y, modifiers));
    },
    move(x, y, modifiers) {
      editor.pointerMove(input(x, y, modifiers));
    },
    doubleClick(x, y) {
      this.click(x, y);
      this.click(x, y);
      editor.doubleClick(input(x, y));
    },
    key(key, modifiers = {}) {
      return editor.keyDown({ key, shift: modifiers.shift ?? false, ctrl: modifiers.ctrl ?? false });
    },
    use(tool) {
      editor.setTool(tool);
    },
  };
}
