import { useMemo } from 'react';
import { strongestBreakdowns } from '../../../propagation/field/loss-breakdown.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import type { Editor } from '../../editor/editor.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { LossBreakdownBox } from '../three/LossBreakdownBox.tsx';
import { useCalibrationSpread } from '../three/use-calibration-spread.ts';
import { sceneFromProject } from '../../engine/scene-from-project.ts';
import { useEditorState } from './use-editor.ts';

/** The link budget at the point picked with key L over the plan: the strongest APs of the band, term by term. */
export function PointBudgetPanel({ editor, document, band }: { editor: Editor; document: ProjectDocument; band: BandId }) {
  const point = useEditorState(editor, (state) => state.analysisPoint);
  const levelId = useEditorState(editor, (state) => state.levelId);
  // Always mounted in the editor: the scene and the fits are made only once a point is asked for.
  const active = point !== null && levelId !== null;
  const scene = useMemo(() => (active ? sceneFromProject(document) : null), [active, document]);
  const spread = useCalibrationSpread(document, band, active);
  const breakdowns = useMemo(() => (scene && point && levelId ? strongestBreakdowns(scene, band, levelId, point.x, point.y, 3) : null), [scene, band, levelId, point]);
  const apNames = useMemo(() => new Map((scene?.radios ?? []).map((radio) => [radio.id, document.accessPoints.find((ap) => ap.id === radio.apId)?.name ?? radio.apId])), [scene, document.accessPoints]);
  if (!point || !breakdowns) return <p className="muted">{t('editor.pointBudget.hint')}</p>;
  return (
    <>
      <p className="muted">{t('editor.pointBudget.at', { x: formatNumber(point.x, 2), y: formatNumber(point.y, 2), band: band.replace('.', ',') })}</p>
      <LossBreakdownBox
        document={document}
        breakdowns={breakdowns}
        apNameOf={(radioId) => apNames.get(radioId) ?? radioId}
        uncertainty={(breakdown) => spread?.(breakdown.wallsCrossed, breakdown.floorsCrossed) ?? null}
        onClose={() => editor.state.setState({ analysisPoint: null })}
      />
    </>
  );
}
