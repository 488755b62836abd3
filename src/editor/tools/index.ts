import type { Editor } from '../editor.ts';
import type { Tool, ToolId } from '../tool.ts';
import { ApTool } from './ap-tool.ts';
import { CropTool } from './crop-tool.ts';
import { AlignTool } from './align-tool.ts';
import { SuggestionBoxTool } from './suggestion-box-tool.ts';
import { SurveyPointTool } from './survey-point-tool.ts';
import { WalkTool } from './walk-tool.ts';
import { SourceTool } from './source-tool.ts';
import { AreaTool } from './area-tool.ts';
import { PanTool } from './pan-tool.ts';
import { SelectTool } from './select-tool.ts';
import { TwoPointTool } from './two-point-tool.ts';
import { WallClickTool } from './wall-click-tool.ts';
import { WallTool } from './wall-tool.ts';

export function createTools(editor: Editor): Record<ToolId, Tool> {
  return {
    select: new SelectTool(editor),
    pan: new PanTool(),
    wall: new WallTool(editor),
    door: new WallClickTool(editor, 'door'),
    window: new WallClickTool(editor, 'window'),
    split: new WallClickTool(editor, 'split'),
    brush: new WallClickTool(editor, 'brush'),
    attenuation: new AreaTool(editor, 'attenuation'),
    zone: new AreaTool(editor, 'zone'),
    exclusion: new AreaTool(editor, 'exclusion'),
    mounting: new AreaTool(editor, 'mounting'),
    'slab-opening': new AreaTool(editor, 'slab-opening'),
    ap: new ApTool(editor),
    measure: new TwoPointTool(editor, 'measure'),
    calibrate: new TwoPointTool(editor, 'calibrate'),
    crop: new CropTool(editor),
    align: new AlignTool(editor),
    'suggestion-box': new SuggestionBoxTool(editor),
    'survey-point': new SurveyPointTool(editor),
    walk: new WalkTool(editor),
    source: new SourceTool(editor),
  };
}
