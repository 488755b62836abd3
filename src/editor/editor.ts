/**
 * The headless floor-plan editor: active level, tool, selection and clipboard over the document store. The canvas
 * turns pointer events into level coordinates and calls it; tests drive it the same way without a browser.
 */
import type { Action } from '../actions/study-actions.ts';
import { addWalls, calibrateLevel, copyItems, deleteItems, joinWalls, pasteItems, type ClipboardItems } from '../actions/editor-actions.ts';
import { t } from '../i18n/index.ts';
import type { Level, PlanSource, ProjectDocument } from '../model/schema.ts';
import { turnPoint } from '../model/plan-frame.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { createEditorState, type EditorStateStore } from './editor-state.ts';
import { distance, pointInBox, type Box, type Point, type Segment } from './geometry.ts';
import { emptyClassTotals, LINE_CLASSES, suggestWalls, type ClassTotal, type LineClass, type SuggestedWall, type WallSuggestionOptions } from './wall-suggestion.ts';
import type { SuggestedWallWithMaterial } from './editor-state.ts';
import { displayMetersPerUnit } from '../model/plan-scale.ts';
import type { SnapSources } from './snapping.ts';
import { EMPTY_OVERLAY, type KeyInput, type Overlay, type PointerInput, type Tool, type ToolId } from './tool.ts';
import { createTools } from './tools/index.ts';

export interface EditorOptions {
  ids: () => string;
  /** Vector lines of the level's plan in plan units (the editor scales them to metres). */
  planLines?: (levelId: string) => readonly Segment[];
  notify?: (kind: 'info' | 'error', message: string) => void;
}

/** Stands for a plan line outside the crop: a point far away, so it never snaps and never pairs into a wall. */
const CROPPED: Segment = { a: { x: 1e12, y: 1e12 }, b: { x: 1e12, y: 1e12 } };

/** Material of the door openings recognised on accepted walls (when the study's library has it). */
const DOOR_MATERIAL_ID = 'mat-porte-bois';

/** Shortest calibration reference accepted without a warning (a 10 % error would move APs by a room). */
export const SHORT_REFERENCE_M = 2;

/** Keyboard letter of each tool. */
export const TOOL_KEYS: Record<string, ToolId> = { v: 'select', h: 'pan', m: 'wall', p: 'door', f: 'window', c: 'split', b: 'brush', t: 'attenuation', z: 'zone', x: 'exclusion', a: 'ap', r: 'measure', e: 'calibrate', g: 'survey-point', w: 'walk', i: 'source', k: 'mounting', o: 'slab-opening' };

/** What « Proposer les murs » found: the proposals, per class and per chosen layer (DXF layer, PDF line style). */
export interface EditorWallSuggestion {
  walls: SuggestedWallWithMaterial[];
  classes: Record<LineClass, ClassTotal>;
  perLayer: { layer: number; classes: Record<LineClass, ClassTotal>; walls: number; wallLengthM: number }[];
  axisDeg: number | null;
  inputLines: number;
}

export class Editor {
  readonly state: EditorStateStore = createEditorState();
  private readonly tools: Record<ToolId, Tool>;
  private clipboard: ClipboardItems | null = null;
  private pasteCount = 0;
  private planLinesCache: { source: readonly Segment[]; scale: number; plan: PlanSource; metres: readonly Segment[] } | null = null;

  constructor(
    readonly documents: DocumentStore,
    readonly options: EditorOptions,
  ) {
    this.tools = createTools(this);
  }

  get document(): ProjectDocument {
    const document = this.documents.getState().document;
    if (!document) throw new Error('no document');
    return document;
  }

  get level(): Level | null {
    const { levelId } = this.state.getState();
    const levels = this.documents.getState().document?.levels ?? [];
    return levels.find((level) => level.id === levelId) ?? levels[0] ?? null;
  }

  get levelId(): string {
    const level = this.level;
    if (!level) throw new Error('no level');
    return level.id;
  }

  get tool(): Tool {
    return this.tools[this.state.getState().tool];
  }

  /** A fresh copy of the selected ids (callers may change it). */
  get selection(): Set<string> {
    return new Set(this.state.getState().selection);
  }

  get materialId(): string {
    const document = this.document;
    const chosen = this.state.getState().materialId;
    return document.materials.some((material) => material.id === chosen) ? chosen! : (document.materials.find((material) => material.id === 'mat-placo') ?? document.materials[0]!).id;
  }

  get profileId(): string {
    const document = this.document;
    const chosen = this.state.getState().profileId;
    return document.requirementProfiles.some((profile) => profile.id === chosen) ? chosen! : document.requirementProfiles[0]!.id;
  }

  setLevel(levelId: string): void {
    this.tool.cancel();
    this.state.setState({ levelId, selection: [], overlay: EMPTY_OVERLAY, calibration: null });
  }

  setTool(tool: ToolId): void {
    if (tool === this.state.getState().tool) return;
    this.tool.cancel();
    this.state.setState({ tool, toolState: 'idle', overlay: EMPTY_OVERLAY, calibration: null });
  }

  pointerDown(input: PointerInput): void {
    this.tool.down(input);
    this.syncToolState();
  }
  pointerMove(input: PointerInput): void {
    this.tool.move(input);
    this.syncToolState();
  }
  pointerUp(input: PointerInput): void {
    this.tool.up(input);
    this.syncToolState();
  }
  doubleClick(input: PointerInput): void {
    this.tool.doubleClick(input);
    this.syncToolState();
  }

  /** Tool keys first, then the editor's shortcuts. Returns true when the key was used. */
  keyDown(input: KeyInput): boolean {
    const handled = this.tool.key(input) || this.shortcut(input);
    this.syncToolState();
    return handled;
  }

  private shortcut({ key, ctrl, shift }: KeyInput): boolean {
    const lower = key.toLowerCase();
    if (ctrl && lower === 'z') return this.run(() => (shift ? this.documents.getState().redo() : this.documents.getState().undo()));
    if (ctrl && lower === 'y') return this.run(() => this.documents.getState().redo());
    if (ctrl && lower === 'c') return this.run(() => this.copy());
    if (ctrl && lower === 'x') return this.run(() => (this.copy(), this.deleteSelection()));
    if (ctrl && lower === 'v') return this.run(() => this.paste());
    if (ctrl && lower === 'd') return this.run(() => this.duplicate());
    if (ctrl && lower === 'a') return this.run(() => this.selectAll());
    if (ctrl && lower === 'j') return this.run(() => this.joinSelectedWalls());
    if (key === 'Delete' || key === 'Backspace') return this.run(() => this.deleteSelection());
    if (key === 'Escape') return this.run(() => (this.state.getState().tool === 'select' ? this.select([]) : this.setTool('select')));
    if (!ctrl && !shift && TOOL_KEYS[lower]) return this.run(() => this.setTool(TOOL_KEYS[lower]!));
    return false;
  }

  private run(effect: () => void): true {
    effect();
    return true;
  }

  apply(action: Action | null): void {
    if (action) this.documents.getState().change(action.label, action.recipe);
  }

  notify(kind: 'info' | 'error', message: string): void {
    this.options.notify?.(kind, message);
  }

  setOverlay(patch: Partial<Overlay>): void {
    this.state.setState((state) => ({ overlay: { ...state.overlay, ...patch } }));
  }

  clearOverlay(): void {
    this.state.setState({ overlay: EMPTY_OVERLAY });
  }

  select(ids: readonly string[]): void {
    this.state.setState({ selection: [...new Set(ids)] });
  }

  selectAll(): void {
    const levelId = this.levelId;
    const document = this.document;
    const onLevel = <T extends { id: string; levelId: string }>(items: T[]) => items.filter((item) => item.levelId === levelId).map((item) => item.id);
    this.select([...onLevel(document.walls), ...onLevel(document.accessPoints), ...onLevel(document.coverageZones), ...onLevel(document.exclusionZones), ...onLevel(document.attenuationAreas), ...onLevel(document.mountingAreas), ...onLevel(document.slabOpenings)]);
  }

  deleteSelection(): void {
    const selection = this.selection;
    if (selection.size === 0) return;
    this.apply(deleteItems(selection, t('editor.actions.delete', { count: selection.size })));
    this.select([]);
  }

  copy(): void {
    const selection = this.selection;
    if (selection.size === 0) return;
    this.clipboard = copyItems(this.document, selection);
    this.pasteCount = 0;
  }

  paste(): void {
    if (!this.clipboard) return;
    this.pasteCount += 1;
    const offset = this.pasteCount; // each paste lands one metre further, so copies never hide each other
    const { action, newIds } = pasteItems(this.clipboard, this.levelId, offset, offset, this.options.ids, t('editor.actions.paste'));
    this.apply(action);
    this.select(newIds);
  }

  duplicate(): void {
    this.copy();
    this.paste();
  }

  joinSelectedWalls(): void {
    const walls = this.document.walls.filter((wall) => this.selection.has(wall.id));
    const action = walls.length === 2 ? joinWalls(this.document, walls[0]!.id, walls[1]!.id, t('editor.actions.join')) : null;
    if (!action) return this.notify('error', t('editor.errors.join'));
    this.apply(action);
    this.select([walls[0]!.id]);
  }

  /**
   * Proposes walls from the plan's vector lines, layer by layer (DXF layers, PDF line styles) when the plan has
   * them: each chosen layer is read on its own, and its walls get the layer's material. Without a choice, every
   * line is read together with the current material. Keeps the proposals on screen and returns the counts.
   */
  suggestWalls(choices: readonly { layer: number; materialId: string }[] | null = null, options: Partial<WallSuggestionOptions> = {}): EditorWallSuggestion {
    const lines = this.planLinesInMetres(this.levelId);
    const groups = this.level?.plan?.vectorLayers ?? [];
    const starts = groups.map((_, index) => groups.slice(0, index).reduce((sum, group) => sum + group.count, 0));
    const linesOf = (layer: number) => lines.slice(starts[layer]!, starts[layer]! + groups[layer]!.count).filter((line) => line !== CROPPED);
    const runs: { layer: number | null; lines: readonly Segment[]; materialId: string }[] = [];
    if (choices && groups.length > 0) {
      for (const { layer, materialId } of choices) if (groups[layer]) runs.push({ layer, lines: linesOf(layer), materialId });
    } else runs.push({ layer: null, lines: lines.filter((line) => line !== CROPPED), materialId: this.materialId });
    // One reading of every chosen line together: hatching, axes and the building's network of walls are found
    // across layers; each wall then takes the material of the layer that gave most of its length.
    const chosen = runs.flatMap((run, runIndex) => run.lines.map((line) => ({ line, runIndex })));
    const report = suggestWalls(
      chosen.map((entry) => entry.line),
      { sheet: this.sheetInMetres(), ...options },
    );
    const runOf = (wall: SuggestedWall) => {
      const lengths = new Map<number, number>();
      for (const source of wall.sources) {
        const { line, runIndex } = chosen[source]!;
        lengths.set(runIndex, (lengths.get(runIndex) ?? 0) + distance(line.a, line.b));
      }
      return [...lengths].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    };
    const suggestions: SuggestedWallWithMaterial[] = [];
    const perRun = runs.map(() => ({ classes: emptyClassTotals(), walls: 0, wallLengthM: 0 }));
    for (const wall of report.walls) {
      const runIndex = runOf(wall);
      suggestions.push({ a: wall.a, b: wall.b, thicknessM: wall.thicknessM, doors: wall.doors, materialId: runs[runIndex]!.materialId });
      perRun[runIndex]!.walls++;
      perRun[runIndex]!.wallLengthM += distance(wall.a, wall.b);
    }
    const rejected: Segment[] = [];
    const rejectedClass: number[] = [];
    const wallClass = LINE_CLASSES.indexOf('mur');
    chosen.forEach(({ line, runIndex }, index) => {
      const lineClass = report.lineClass[index]!;
      const total = perRun[runIndex]!.classes[LINE_CLASSES[lineClass]!];
      total.count++;
      total.lengthM += distance(line.a, line.b);
      if (lineClass === wallClass) return;
      rejected.push(line);
      rejectedClass.push(lineClass);
    });
    this.state.setState({ suggestions, rejectedLines: { segments: rejected, classIndex: Uint8Array.from(rejectedClass) } });
    const perLayer = runs.flatMap((run, runIndex) => (run.layer === null ? [] : [{ layer: run.layer, ...perRun[runIndex]! }]));
    return { walls: suggestions, classes: report.classes, perLayer, axisDeg: report.axisDeg, inputLines: chosen.length };
  }

  /**
   * The PDF page (whatever the crop) in the level frame, metres. Only pages have a frame drawn along their edges:
   * a DXF's extent is its drawing, whose outer walls lie on it.
   */
  private sheetInMetres(): Box | null {
    const level = this.level;
    const plan = level?.plan;
    if (!level || !plan || plan.format !== 'pdf') return null;
    const scale = displayMetersPerUnit(level);
    const corners = [turnPoint(plan, 0, 0), turnPoint(plan, plan.widthUnits, plan.heightUnits)];
    return { minX: Math.min(corners[0]!.x, corners[1]!.x) * scale, minY: Math.min(corners[0]!.y, corners[1]!.y) * scale, maxX: Math.max(corners[0]!.x, corners[1]!.x) * scale, maxY: Math.max(corners[0]!.y, corners[1]!.y) * scale };
  }

  /**
   * Accepts the proposals (all of them, or those inside `box`), each with its layer's material, skipping any that
   * lies on an existing wall; the new walls are selected so that a Delete removes them at once. With `keepOthers`,
   * the proposals outside the box stay on screen. Returns how many were proposed and kept.
   */
  acceptSuggestions(box: Box | null = null, keepOthers = false): { proposed: number; kept: number } {
    const suggestions = this.state.getState().suggestions ?? [];
    const levelId = this.levelId;
    const existing = this.document.walls.filter((wall) => wall.levelId === levelId);
    const duplicate = (segment: Segment) =>
      existing.some((wall) => {
        const ends = [wall.from, wall.to].map((point) => ({ x: point.xM, y: point.yM }));
        const near = (p: Point) => ends.some((end) => distance(end, p) < 0.05);
        return near(segment.a) && near(segment.b);
      });
    const chosen = suggestions.filter((segment) => (!box || (pointInBox(segment.a, box) && pointInBox(segment.b, box))) && !duplicate(segment));
    const ids: string[] = [];
    const nextId = () => {
      const id = this.options.ids();
      ids.push(id);
      return id;
    };
    const doorMaterialId = this.document.materials.some((material) => material.id === DOOR_MATERIAL_ID) ? DOOR_MATERIAL_ID : null;
    if (chosen.length > 0) this.apply(addWalls(levelId, chosen, nextId, t('editor.actions.acceptWalls', { count: chosen.length }), doorMaterialId ? { materialId: doorMaterialId, ids: this.options.ids } : null));
    const taken = new Set(chosen);
    // With keepOthers (accepting by box), what was not taken stays proposed for another box; duplicates go.
    const left = keepOthers ? suggestions.filter((segment) => !taken.has(segment) && !duplicate(segment)) : [];
    this.state.setState({ suggestions: left.length > 0 ? left : null, rejectedLines: left.length > 0 ? this.state.getState().rejectedLines : null });
    this.select(ids);
    return { proposed: suggestions.length, kept: chosen.length };
  }

  dismissSuggestions(): void {
    this.state.setState({ suggestions: null, rejectedLines: null });
  }

  /** Metres per plan unit used for display: the calibrated one, else the provisional one. */
  get metersPerUnit(): number {
    const level = this.level;
    return level ? displayMetersPerUnit(level) : 1;
  }

  snapSources(): SnapSources {
    const levelId = this.levelId;
    const walls = this.document.walls.filter((wall) => wall.levelId === levelId).map((wall) => ({ a: { x: wall.from.xM, y: wall.from.yM }, b: { x: wall.to.xM, y: wall.to.yM } }));
    return { walls, planLines: this.planLinesInMetres(levelId) };
  }

  /** The plan's lines in the level frame (turned, metres), converted once per plan, scale and turn (snapping asks on every pointer move). */
  private planLinesInMetres(levelId: string): readonly Segment[] {
    const source = this.options.planLines?.(levelId) ?? [];
    const level = this.level;
    const plan = level?.plan;
    if (!level || !plan) return [];
    const scale = displayMetersPerUnit(level);
    const cached = this.planLinesCache;
    if (cached && cached.source === source && cached.scale === scale && cached.plan === plan) return cached.metres;
    const place = (u: number, v: number) => {
      const p = turnPoint(plan, u, v);
      return { x: p.x * scale, y: p.y * scale };
    };
    // Lines outside the crop are neither shown nor snapped to.
    const crop = plan.crop;
    const inside = (p: Point) => !crop || (p.x >= crop.x && p.x <= crop.x + crop.width && p.y >= crop.y && p.y <= crop.y + crop.height);
    const metres = source.map((line) => (inside(line.a) && inside(line.b) ? { a: place(line.a.x, line.a.y), b: place(line.b.x, line.b.y) } : null));
    // Keep positions (null for cropped-out lines) so layer ranges still index the same lines.
    const kept = metres.map((line) => line ?? CROPPED);
    this.planLinesCache = { source, scale, plan, metres: kept };
    return kept;
  }

  /** Sets the level's scale directly (printed scale of a PDF, known unit); what is drawn follows the plan. */
  setScale(metersPerUnit: number): boolean {
    const level = this.level;
    if (!level || !(metersPerUnit > 0) || !Number.isFinite(metersPerUnit)) return false;
    this.apply(calibrateLevel(level.id, metersPerUnit, displayMetersPerUnit(level), t('editor.actions.calibrate')));
    return true;
  }

  /**
   * Applies the real length of the reference picked with the scale tool. Returns the new metres per plan unit and
   * whether the reference was short enough to deserve a warning, or null when nothing was waiting.
   */
  calibrate(realLengthM: number): { metersPerUnit: number; shortReference: boolean } | null {
    const { calibration } = this.state.getState();
    const level = this.level;
    if (!calibration || !level || !(realLengthM > 0) || !Number.isFinite(realLengthM)) return null;
    const previous = displayMetersPerUnit(level);
    const units = distance(calibration.a, calibration.b) / previous;
    if (units <= 0) return null;
    const metersPerUnit = realLengthM / units;
    this.apply(calibrateLevel(level.id, metersPerUnit, previous, t('editor.actions.calibrate')));
    this.state.setState({ calibration: null, overlay: EMPTY_OVERLAY });
    this.tools.calibrate.cancel();
    this.syncToolState();
    const shortReference = realLengthM < SHORT_REFERENCE_M;
    if (shortReference) this.notify('info', t('editor.calibration.shortWarning', { length: realLengthM }));
    return { metersPerUnit, shortReference };
  }

  private syncToolState(): void {
    const name = this.tool.stateName;
    if (this.state.getState().toolState !== name) this.state.setState({ toolState: name });
  }
}
