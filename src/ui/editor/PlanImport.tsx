import { FilePickerButton } from '../components/FilePickerButton.tsx';
import { useRef, useState } from 'react';
import { rotatePlanQuarter, setLevelPlan, setPlanCrop } from '../../actions/editor-actions.ts';
import { useServices } from '../../app/app-services.ts';
import type { Editor } from '../../editor/editor.ts';
import { PLAN_FILE_ACCEPT, importPlanFile } from '../../import/plan/import-plan-file.ts';
import { PlanImportCancelled } from '../../import/plan/plan-import-error.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { sha256Hex } from '../../io/sha256.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { Dialog } from '../components/Dialog.tsx';
import { DxfLayersDialog, type DxfLayersRequest } from './DxfLayersDialog.tsx';
import { PrintedScale } from './PrintedScale.tsx';

type Running = { stage: 'lecture' | 'vecteurs' | 'rendu'; fraction: number };

/** "Import a plan" for the active level: progress, cancel, page choice for PDFs; the level is only changed at the end. */
export function PlanImport({ editor, document, level }: { editor: Editor; document: ProjectDocument; level: Level }) {
  const { db, ui } = useServices();
  const [running, setRunning] = useState<Running | null>(null);
  const [pagePrompt, setPagePrompt] = useState<{ count: number; resolve: (page: number) => void; reject: () => void } | null>(null);
  const [page, setPage] = useState('1');
  const [layersPrompt, setLayersPrompt] = useState<DxfLayersRequest | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async (file: File) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ stage: 'lecture', fraction: 0 });
    try {
      const imported = await importPlanFile(file, {
        signal: abort.signal,
        onProgress: (stage, fraction) => setRunning({ stage, fraction }),
        choosePage: (count) =>
          new Promise<number>((resolve, reject) => {
            setPage('1');
            setPagePrompt({ count, resolve, reject: () => reject(new PlanImportCancelled()) });
          }),
        chooseLayers: (layers, knownMetersPerUnit, leftOut) =>
          new Promise((resolve, reject) => {
            setLayersPrompt({
              layers,
              knownMetersPerUnit,
              leftOut,
              resolve: (choice) => {
                setLayersPrompt(null);
                resolve(choice);
              },
              reject: () => {
                setLayersPrompt(null);
                reject(new PlanImportCancelled());
              },
            });
          }),
      });
      const store = async (bytes: Uint8Array, mimeType: string, name: string) => {
        const sha256 = await sha256Hex(bytes);
        await db.putAsset(sha256, mimeType, bytes);
        return { sha256, name, mimeType, byteLength: bytes.byteLength };
      };
      const picture = await store(imported.picture.bytes, imported.picture.mimeType, imported.picture.name);
      const source = imported.source ? await store(imported.source.bytes, imported.source.mimeType, imported.source.name) : null;
      const vectorBytes = imported.vectors && imported.vectors.length > 0 ? new Uint8Array(imported.vectors.buffer, imported.vectors.byteOffset, imported.vectors.byteLength) : null;
      const vectors = vectorBytes ? await store(vectorBytes, 'application/octet-stream', `${file.name}-vecteurs.f32`) : null;
      if (abort.signal.aborted) throw new PlanImportCancelled();
      const plan = {
        format: imported.format,
        assetSha256: picture.sha256,
        sourceSha256: source?.sha256 ?? null,
        vectorsSha256: vectors?.sha256 ?? null,
        vectorLayers: vectors ? imported.vectorLayers : [],
        page: imported.page,
        widthUnits: imported.widthUnits,
        heightUnits: imported.heightUnits,
        crop: null,
        rotationDeg: 0 as const,
      };
      editor.apply(setLevelPlan(level.id, plan, [picture, source, vectors].filter((asset) => asset !== null), imported.metersPerUnit, t('editor.actions.importPlan')));
      const lines = imported.vectors ? imported.vectors.length / 4 : 0;
      const next = imported.metersPerUnit ? t('editor.import.scaleFromFile', { mpu: formatNumber(imported.metersPerUnit * 1000, 3) }) : t('editor.import.calibrateNext');
      ui.getState().pushToast('success', t('editor.import.done', { name: file.name, lines: formatNumber(lines) }), [next], document.id);
      if (!imported.metersPerUnit) editor.setTool('calibrate');
    } catch (error) {
      if (error instanceof PlanImportCancelled) ui.getState().pushToast('info', t('editor.import.cancelled'), [], document.id);
      else ui.getState().pushToast('error', error instanceof Error ? error.message : String(error), [t('editor.import.unchanged')]);
    } finally {
      setRunning(null);
      setPagePrompt(null);
      setLayersPrompt(null);
      controller.current = null;
    }
  };

  return (
    <div className="plan-import">
      <FilePickerButton label={level.plan ? t('editor.import.replace') : t('editor.import.button')} accept={PLAN_FILE_ACCEPT} testId="plan-input" disabled={running !== null} onFile={(file) => void run(file)} />
      {level.plan && (
        <p className="muted" data-testid="plan-scale">
          {level.metersPerUnit ? t('editor.import.scale', { mpu: formatNumber(level.metersPerUnit * 1000, 3) }) : t('editor.import.notCalibrated')}
        </p>
      )}
      {level.plan && (
        <div className="button-row" data-testid="plan-tools">
          <button type="button" onClick={() => editor.setTool('crop')}>
            {t('editor.planTools.crop')}
          </button>
          {level.plan.crop && (
            <button type="button" onClick={() => editor.apply(setPlanCrop(level.id, null, t('editor.actions.uncrop')))}>
              {t('editor.planTools.uncrop')}
            </button>
          )}
          <button type="button" onClick={() => editor.apply(rotatePlanQuarter(editor.document, level.id, t('editor.actions.rotatePlan')))}>
            {t('editor.planTools.rotate')}
          </button>
        </div>
      )}
      {level.plan?.format === 'pdf' && <PrintedScale editor={editor} metersPerUnit={level.metersPerUnit} />}
      {running && (
        <div role="status" className="engine-status" data-testid="plan-import-status">
          {t(`editor.import.stage.${running.stage}`)} <progress max={1} value={running.fraction} />{' '}
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('editor.import.cancel')}
          </button>
        </div>
      )}
      {layersPrompt && <DxfLayersDialog request={layersPrompt} />}
      {pagePrompt && (
        <Dialog
          title={t('editor.import.pageTitle')}
          confirmLabel={t('editor.import.pageConfirm')}
          onConfirm={() => pagePrompt.resolve(Math.min(pagePrompt.count, Math.max(1, Math.round(Number(page)) || 1)))}
          onCancel={() => {
            controller.current?.abort();
            pagePrompt.reject();
          }}
        >
          <div className="field">
            <label htmlFor="plan-page">{t('editor.import.page', { count: pagePrompt.count })}</label>
            <input id="plan-page" type="number" min={1} max={pagePrompt.count} value={page} onChange={(event) => setPage(event.target.value)} />
          </div>
        </Dialog>
      )}
    </div>
  );
}
