import { createStore } from 'zustand/vanilla';
import type { Point, Segment } from './geometry.ts';
import type { InterferenceSource } from '../model/schema.ts';
import { EMPTY_OVERLAY, type Overlay, type ToolId } from './tool.ts';

/** A proposed wall and the material it will get when accepted. */
export interface SuggestedWallWithMaterial extends Segment {
  materialId: string;
  /** Thickness measured between the two drawn faces (m), 0 for a single line. */
  thicknessM: number;
  /** Door openings recognised on it, as distances from `a` (m). */
  doors: [number, number][];
}

export interface EditorState {
  levelId: string | null;
  tool: ToolId;
  toolState: string;
  selection: readonly string[];
  overlay: Overlay;
  /** Two points picked by the scale tool, waiting for the real distance. */
  calibration: { a: Point; b: Point } | null;
  /** Material for new walls and for the brush. */
  materialId: string | null;
  apModelId: string | null;
  profileId: string | null;
  /** Walls proposed from the plan's vector lines, waiting to be accepted. */
  suggestions: readonly SuggestedWallWithMaterial[] | null;
  /** Plan lines left out by the last wall proposal, with their class (index into LINE_CLASSES), for its preview. */
  rejectedLines: { segments: readonly Segment[]; classIndex: Uint8Array } | null;
  /** Whether the preview shows the lines left out, coloured by class. */
  showRejected: boolean;
  /** Position clicked with the survey-point tool, waiting for its readings (stop-and-go entry). */
  surveyPointAt: Point | null;
  /** Path drawn with the client-walk tool (level metres), or null. */
  walkPath: readonly Point[] | null;
  /** Kind of non-Wi-Fi source the source tool places. */
  sourceKind: InterferenceSource['kind'];
  /** Level point whose link budget is shown (key L over the plan), or null. */
  analysisPoint: Point | null;
}

export function createEditorState() {
  return createStore<EditorState>()(() => ({
    levelId: null,
    tool: 'select',
    toolState: 'idle',
    selection: [],
    overlay: EMPTY_OVERLAY,
    calibration: null,
    materialId: null,
    apModelId: null,
    profileId: null,
    suggestions: null,
    rejectedLines: null,
    showRejected: false,
    surveyPointAt: null,
    walkPath: null,
    sourceKind: 'micro-ondes',
    analysisPoint: null,
  }));
}
export type EditorStateStore = ReturnType<typeof createEditorState>;
