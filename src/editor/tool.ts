import type { Box, Point } from './geometry.ts';
import type { SnapKind } from './snapping.ts';

export const TOOL_IDS = ['select', 'pan', 'wall', 'door', 'window', 'split', 'brush', 'attenuation', 'zone', 'exclusion', 'mounting', 'slab-opening', 'ap', 'measure', 'calibrate', 'crop', 'align', 'suggestion-box', 'survey-point', 'walk', 'source'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** A pointer event already converted to the level's frame (metres), with the zoom-dependent pick radii. */
export interface PointerInput {
  point: Point;
  shift: boolean;
  ctrl: boolean;
  alt: boolean;
  /** Snap and pick radius in metres (a few screen pixels at the current zoom). */
  toleranceM: number;
  /** AP marker radius in metres at the current zoom. */
  apRadiusM: number;
}

export interface KeyInput {
  key: string;
  shift: boolean;
  ctrl: boolean;
}

/** What a tool draws over the plan while it works (never part of the document). */
export interface Overlay {
  polyline: { points: Point[]; closed: boolean } | null;
  box: Box | null;
  measure: { a: Point; b: Point } | null;
  snap: { point: Point; kind: SnapKind } | null;
  /** Live length of the segment being drawn, metres. */
  lengthM: number | null;
  /** Area of the polygon being drawn, m². */
  areaM2: number | null;
}

export const EMPTY_OVERLAY: Overlay = { polyline: null, box: null, measure: null, snap: null, lengthM: null, areaM2: null };

/**
 * A tool is a small state machine fed pointer and key events. It changes the document only through the editor
 * (actions and gestures) and shows its work through the overlay.
 */
export interface Tool {
  readonly id: ToolId;
  down(input: PointerInput): void;
  move(input: PointerInput): void;
  up(input: PointerInput): void;
  doubleClick(input: PointerInput): void;
  /** Returns true when the key was handled. */
  key(input: KeyInput): boolean;
  /** Leaves the tool: whatever was in progress is dropped (a gesture in progress is cancelled). */
  cancel(): void;
  /** The tool's state name, for tests and the status bar. */
  readonly stateName: string;
}
