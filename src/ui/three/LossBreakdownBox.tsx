import type { BudgetTerm, LossBreakdown } from '../../../propagation/field/loss-breakdown.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';

export interface Uncertainty {
  plusMinusDb: number;
  count: number;
}

/** The budget of the strongest APs at a point, term by term, with the total and, from the audit, its uncertainty. */
export function LossBreakdownBox({ document, breakdowns, apNameOf, uncertainty, onClose }: { document: ProjectDocument; breakdowns: LossBreakdown[]; apNameOf: (radioId: string) => string; uncertainty: (breakdown: LossBreakdown) => Uncertainty | null; onClose: () => void }) {
  return (
    <section className="panel breakdown" aria-labelledby="breakdown-title" data-testid="loss-breakdown">
      <div className="breakdown-head">
        <h3 id="breakdown-title">{t('three.breakdown.title')}</h3>
        <button type="button" onClick={onClose}>
          {t('three.breakdown.close')}
        </button>
      </div>
      {breakdowns.length === 0 && <p>{t('three.breakdown.none')}</p>}
      {breakdowns.map((breakdown) => {
        const spread = uncertainty(breakdown);
        return (
          <table key={breakdown.radioId} className="data-table breakdown-table">
            <caption>
              {t('three.breakdown.ap', { ap: apNameOf(breakdown.radioId), value: minus(formatNumber(breakdown.totalDbm, 1)) })}
              {spread && <> {t('three.breakdown.uncertainty', { value: formatNumber(spread.plusMinusDb, 1), count: spread.count })}</>}
            </caption>
            <tbody>
              {breakdown.terms.map((term, index) => (
                <tr key={index}>
                  <th scope="row">{termLabel(document, term)}</th>
                  <td className="num">{signed(term.db)}</td>
                </tr>
              ))}
              <tr className="breakdown-total">
                <th scope="row">{t('three.breakdown.total')}</th>
                <td className="num">{t('three.breakdown.dbm', { value: minus(formatNumber(breakdown.totalDbm, 2)) })}</td>
              </tr>
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

/** French typography: the minus sign, not the hyphen. */
const minus = (text: string) => text.replace(/^-/, '\u2212');
const signed = (db: number) => `${db >= 0 ? '+' : '−'}${formatNumber(Math.abs(db), 2)} dB`;

function termLabel(document: ProjectDocument, term: BudgetTerm): string {
  switch (term.kind) {
    case 'tx-power':
      return t('three.breakdown.terms.txPower');
    case 'antenna-gain':
      return t('three.breakdown.terms.antennaGain');
    case 'client-gain':
      return t('three.breakdown.terms.clientGain');
    case 'pattern':
      return t('three.breakdown.terms.pattern', { azimuth: formatNumber(term.azimuthDeg, 0), elevation: formatNumber(term.elevationDeg, 0) });
    case 'distance':
      return t('three.breakdown.terms.distance', { distance: formatNumber(term.distanceM, 1) });
    case 'wall': {
      const wall = document.walls.find((candidate) => candidate.id === term.tag);
      const opening = document.openings.find((candidate) => candidate.id === term.tag);
      const materialId = opening?.materialId ?? wall?.materialId;
      const material = document.materials.find((candidate) => candidate.id === materialId)?.name ?? '?';
      const what = opening ? t(opening.kind === 'porte' ? 'three.breakdown.terms.door' : 'three.breakdown.terms.window') : t('three.breakdown.terms.wall');
      return t('three.breakdown.terms.crossing', { what, material, incidence: formatNumber(term.incidenceDeg, 0) });
    }
    case 'area': {
      const area = document.attenuationAreas.find((candidate) => candidate.id === term.tag);
      return t('three.breakdown.terms.area', { name: area?.name || t('three.breakdown.terms.unnamedArea'), length: formatNumber(term.lengthM, 1) });
    }
    case 'slabs': {
      const names = term.slabs.map((slab) => {
        const level = document.levels.find((candidate) => candidate.id === slab.levelId);
        return slab.open ? t('three.breakdown.terms.slabOpen', { level: level?.name ?? '?' }) : t('three.breakdown.terms.slab', { level: level?.name ?? '?', loss: formatNumber(slab.lossDb, 1) });
      });
      return t('three.breakdown.terms.slabs', { slabs: names.join(' ; ') });
    }
    case 'dominant-path':
      return t('three.breakdown.terms.dominantPath');
  }
}
