import { useServices } from '../../app/app-services.ts';
import { addMaterial, addProfile, deleteProfile, renameMaterial, renameProfile, setMaterialColour, setMaterialLoss, setProfileThreshold, type Action } from '../../actions/study-actions.ts';
import { newId } from '../../model/ids.ts';
import { POE_CLASSES } from '../../model/poe.ts';
import { ApModelImport } from './ApModelImport.tsx';
import { formatNumber, t } from '../../i18n/index.ts';
import { BAND_IDS, type ProjectDocument } from '../../model/schema.ts';
import { CommitField } from '../components/Fields.tsx';

export function CatalogueView({ document }: { document: ProjectDocument }) {
  const { documents } = useServices();
  const change = (action: Action) => documents.getState().change(action.label, action.recipe);
  return (
    <section className="page" aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogue.title')}</h1>

      <h2 id="materials-title">{t('catalogue.materials')}</h2>
      <table className="data-table" aria-labelledby="materials-title">
        <thead>
          <tr>
            <th scope="col">{t('catalogue.columns.name')}</th>
            <th scope="col" className="num">{t('catalogue.columns.loss24')}</th>
            <th scope="col" className="num">{t('catalogue.columns.loss5')}</th>
            <th scope="col" className="num">{t('catalogue.columns.loss6')}</th>
            <th scope="col" className="num">{t('catalogue.columns.thickness')}</th>
            <th scope="col">{t('catalogue.columns.source')}</th>
          </tr>
        </thead>
        <tbody>
          {document.materials.map((material) => (
            <tr key={material.id}>
              <th scope="row" className="material-name">
                <input
                  type="color"
                  value={material.color}
                  aria-label={t('catalogue.colourOf', { material: material.name })}
                  onChange={(event) => change(setMaterialColour(material.id, event.target.value, t('catalogue.colourChanged')))}
                />
                <CommitField hideLabel label={t('catalogue.nameOf', { material: material.name })} value={material.name} required onCommit={(name) => change(renameMaterial(material.id, name, t('catalogue.renamed')))} />
              </th>
              {BAND_IDS.map((band) => (
                <td key={band} className="num compact-field">
                  <CommitField
                    type="number"
                    step={0.5}
                    hideLabel
                    label={t('catalogue.editLoss', { material: material.name, band: band.replace('.', ',') })}
                    value={String(material.lossDb[band])}
                    onCommit={(value) => {
                      const action = setMaterialLoss(material.id, band, Number(value), t('catalogue.materialChanged'));
                      documents.getState().change(action.label, action.recipe);
                    }}
                  />
                </td>
              ))}
              <td className="num">{formatNumber(material.thicknessM)}</td>
              <td className="source">{material.source}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <button type="button" onClick={() => change(addMaterial(document.materials[0]!.id, newId(), t('catalogue.newMaterialName', { number: document.materials.length + 1 }), t('catalogue.addMaterial')))}>
        + {t('catalogue.addMaterial')}
      </button>

      <h2 id="models-title">{t('catalogue.apModels')}</h2>
      <ApModelImport />
      <table className="data-table" aria-labelledby="models-title">
        <thead>
          <tr>
            <th scope="col">{t('catalogue.columns.model')}</th>
            <th scope="col">{t('catalogue.columns.vendor')}</th>
            <th scope="col">{t('catalogue.columns.bands')}</th>
            <th scope="col">{t('catalogue.columns.power')}</th>
            <th scope="col">{t('catalogue.columns.gain')}</th>
            <th scope="col" className="num">{t('catalogue.columns.streams')}</th>
            <th scope="col">{t('catalogue.columns.poe')}</th>
            <th scope="col">{t('catalogue.columns.mounting')}</th>
            <th scope="col">{t('catalogue.columns.reference')}</th>
            <th scope="col">{t('catalogue.columns.source')}</th>
          </tr>
        </thead>
        <tbody>
          {document.apModels.map((model) => (
            <tr key={model.id}>
              <th scope="row">
                {model.model}
                {model.antennaPatternId && <span className="muted"> {t('catalogue.directional')}</span>}
              </th>
              <td>{model.vendor}</td>
              <td>{model.bands.map((band) => `${band.replace('.', ',')} GHz`).join(' · ')}</td>
              <td>{model.bands.map((band) => formatNumber(model.maxTxPowerDbm[band])).join(' / ')}</td>
              <td>{model.bands.map((band) => formatNumber(model.antennaGainDbi[band])).join(' / ')}</td>
              <td className="num">{model.spatialStreams}</td>
              <td>
                {[
                  model.poeClass === null ? null : t('catalogue.poeClass', { poeClass: model.poeClass, standard: POE_CLASSES[model.poeClass]!.standard }),
                  model.maxPowerDrawW === null ? null : t('catalogue.poeDraw', { watts: formatNumber(model.maxPowerDrawW, 1) }),
                ]
                  .filter(Boolean)
                  .join(', ') || t('catalogue.none')}
              </td>
              <td>{model.mounting.map((place) => t(`catalogue.mountings.${place}`)).join(', ') || t('catalogue.none')}</td>
              <td>{model.bomReference}</td>
              <td className="source-cell">
                {model.source.length <= 90 && !model.source.includes('\n') ? (
                  model.source || t('catalogue.none')
                ) : (
                  <details>
                    <summary>{t('catalogue.sourceSummary', { count: model.source.split('\n').length })}</summary>
                    <p className="source-text">{model.source}</p>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="profiles-title">{t('catalogue.profiles')}</h2>
      <table className="data-table" aria-labelledby="profiles-title">
        <thead>
          <tr>
            <th scope="col">{t('catalogue.columns.name')}</th>
            <th scope="col" className="num">{t('catalogue.columns.primary')}</th>
            <th scope="col" className="num">{t('catalogue.columns.secondary')}</th>
            <th scope="col" className="num">{t('catalogue.columns.snr')}</th>
            <th scope="col" className="num">{t('catalogue.columns.coChannel')}</th>
            <th scope="col" className="num">{t('catalogue.columns.coChannelThreshold')}</th>
            <th scope="col" className="num">{t('catalogue.columns.minRate')}</th>
            <th scope="col" className="num">{t('catalogue.columns.maxAirtime')}</th>
            <th scope="col">{t('catalogue.columns.source')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('catalogue.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {document.requirementProfiles.map((profile) => (
            <tr key={profile.id}>
              <th scope="row">
                <CommitField hideLabel label={t('catalogue.profileNameOf', { profile: profile.name })} value={profile.name} required onCommit={(name) => change(renameProfile(profile.id, name, t('catalogue.profileRenamed')))} />
              </th>
              {(['minPrimaryRssiDbm', 'minSecondaryRssiDbm', 'minSnrDb', 'maxCoChannelAps', 'coChannelThresholdDbm', 'minPhyRateMbps', 'maxAirtimeShare'] as const).map((field) => (
                <td key={field} className="num compact-field">
                  <CommitField
                    type="number"
                    step={1}
                    hideLabel
                    label={t('catalogue.editThreshold', { profile: profile.name, criterion: t(`catalogue.thresholds.${field}`) })}
                    value={profile[field] === null ? '' : field === 'maxAirtimeShare' ? String(Math.round(profile[field] * 100)) : String(profile[field])}
                    onCommit={(value) => change(setProfileThreshold(profile.id, field, value.trim() === '' ? null : Number(value.replace(',', '.')) / (field === 'maxAirtimeShare' ? 100 : 1), t('catalogue.profileChanged')))}
                  />
                </td>
              ))}
              <td className="source">{profile.source}</td>
              <td>
                {!document.coverageZones.some((zone) => zone.requirementProfileId === profile.id) && document.requirementProfiles.length > 1 && (
                  <button type="button" className="danger" onClick={() => change(deleteProfile(profile.id, t('catalogue.profileDeleted')))}>
                    {t('catalogue.deleteProfile')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => change(addProfile(document.requirementProfiles[0]!.id, newId(), t('catalogue.newProfileName', { number: document.requirementProfiles.length + 1 }), t('catalogue.addProfile')))}>
        + {t('catalogue.addProfile')}
      </button>
      <p className="muted">{t('catalogue.profilesHint')}</p>
    </section>
  );
}
