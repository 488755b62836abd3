import { useMemo, useRef, useState } from 'react';
import { Circle, Group, Image as KonvaImage, Layer, Line, Stage, Text } from 'react-konva';
import type Konva from 'konva';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { t } from '../../i18n/index.ts';
import { levelExtentM } from '../../model/level-extent.ts';
import { useAssetImage } from './use-asset-image.ts';
import { useElementSize } from './use-element-size.ts';

const MARGIN_PX = 24;

/** Read-only view of a level: plan, zones, walls by material colour and numbered APs; wheel zoom and drag pan. */
export function LevelCanvas({ document, level }: { document: ProjectDocument; level: Level }) {
  const container = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(container);
  const image = useAssetImage(level.plan?.assetSha256 ?? null);
  const extent = useMemo(() => levelExtentM(document, level), [document, level]);
  const [view, setView] = useState<{ zoom: number; x: number; y: number } | null>(null);

  const fitScale = Math.max(0.01, Math.min((width - 2 * MARGIN_PX) / (extent.maxX - extent.minX), (height - 2 * MARGIN_PX) / (extent.maxY - extent.minY)));
  const scale = fitScale * (view?.zoom ?? 1);
  const offsetX = view?.x ?? MARGIN_PX - extent.minX * fitScale;
  const offsetY = view?.y ?? MARGIN_PX - extent.minY * fitScale;
  const pxPerM = scale;

  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const walls = document.walls.filter((wall) => wall.levelId === level.id);
  const aps = document.accessPoints.filter((ap) => ap.levelId === level.id);
  const zones = document.coverageZones.filter((zone) => zone.levelId === level.id);
  const exclusions = document.exclusionZones.filter((zone) => zone.levelId === level.id);
  const flat = (polygon: { xM: number; yM: number }[]) => polygon.flatMap((point) => [point.xM, point.yM]);

  const onWheel = (event: Konva.KonvaEventObject<WheelEvent>) => {
    event.evt.preventDefault();
    const stage = event.target.getStage();
    const pointer = stage?.getPointerPosition();
    if (!pointer) return;
    const factor = event.evt.deltaY < 0 ? 1.15 : 1 / 1.15;
    const zoom = Math.min(40, Math.max(0.2, (view?.zoom ?? 1) * factor));
    const worldX = (pointer.x - offsetX) / scale;
    const worldY = (pointer.y - offsetY) / scale;
    setView({ zoom, x: pointer.x - worldX * fitScale * zoom, y: pointer.y - worldY * fitScale * zoom });
  };

  return (
    <div className="canvas-host" ref={container} data-testid="level-canvas">
      {!level.plan && <p className="canvas-hint">{t('editor.noPlan')}</p>}
      {width > 0 && height > 0 && (
        <Stage
          width={width}
          height={height}
          onWheel={onWheel}
          draggable
          x={0}
          y={0}
          onDragEnd={(event) => {
            const stage = event.target;
            setView({ zoom: view?.zoom ?? 1, x: offsetX + stage.x(), y: offsetY + stage.y() });
            stage.position({ x: 0, y: 0 });
          }}
        >
          <Layer listening={false}>
            <Group x={offsetX} y={offsetY} scaleX={scale} scaleY={scale}>
              {image && level.plan && level.metersPerUnit && (
                <KonvaImage image={image} width={level.plan.widthUnits * level.metersPerUnit} height={level.plan.heightUnits * level.metersPerUnit} opacity={0.9} />
              )}
              {zones.map((zone) => (
                <Line key={zone.id} points={flat(zone.polygon)} closed fill="rgba(46, 139, 87, 0.16)" stroke="#2e8b57" strokeWidth={2 / pxPerM} dash={[6 / pxPerM, 4 / pxPerM]} />
              ))}
              {exclusions.map((zone) => (
                <Line key={zone.id} points={flat(zone.polygon)} closed fill="rgba(178, 34, 34, 0.14)" stroke="#b22222" strokeWidth={2 / pxPerM} />
              ))}
              {walls.map((wall) => {
                const material = materials.get(wall.materialId);
                return (
                  <Line
                    key={wall.id}
                    points={[wall.from.xM, wall.from.yM, wall.to.xM, wall.to.yM]}
                    stroke={material?.color ?? '#333'}
                    strokeWidth={Math.max(material?.thicknessM ?? 0.1, 2.5 / pxPerM)}
                    lineCap="round"
                  />
                );
              })}
              {aps.map((ap, index) => (
                <Group key={ap.id} x={ap.position.xM} y={ap.position.yM}>
                  <Circle radius={9 / pxPerM} fill="#0b5cad" stroke="#fff" strokeWidth={2 / pxPerM} />
                  <Text text={String(index + 1)} fontSize={10 / pxPerM} fill="#fff" fontStyle="bold" width={18 / pxPerM} height={18 / pxPerM} offsetX={9 / pxPerM} offsetY={9 / pxPerM} align="center" verticalAlign="middle" />
                  <Text text={ap.name} fontSize={11 / pxPerM} fill="#0b2545" x={11 / pxPerM} y={-6 / pxPerM} />
                </Group>
              ))}
            </Group>
          </Layer>
        </Stage>
      )}
      <ul className="canvas-legend" aria-label={t('editor.legend')}>
        <li><span className="swatch swatch-wall" aria-hidden="true" />{t('editor.legendWalls')}</li>
        <li><span className="swatch swatch-ap" aria-hidden="true" />{t('editor.legendAps')} ({aps.length})</li>
        <li><span className="swatch swatch-zone" aria-hidden="true" />{t('editor.legendZones')} ({zones.length})</li>
        <li><span className="swatch swatch-exclusion" aria-hidden="true" />{t('editor.legendExclusions')} ({exclusions.length})</li>
      </ul>
    </div>
  );
}
