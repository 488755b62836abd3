import { eirpViolations } from '../../model/eirp-check.ts';
import { setWallsMaterial, updateAccessPoint, updateRadio, updateZone } from '../../actions/editor-actions.ts';
import type { Editor } from '../../editor/editor.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { polygonAreaM2 } from '../../model/geometry.ts';
import type { AccessPoint, ProjectDocument } from '../../model/schema.ts';
import { CHANNELS_20MHZ, isLegalChannel } from '../../../propagation/radio/channels.ts';
import { channelFindings, wallTooClose } from '../../model/radio-findings.ts';
import { CommitField } from '../components/Fields.tsx';
import { radioForecast, type RssiMap } from '../../engine/ap-forecast.ts';
import { useEditorState } from './use-editor.ts';

const numberOr = (value: string, apply: (n: number) => void) => {
  const n = Number(value.replace(',', '.'));
  if (value.trim() !== '' && Number.isFinite(n)) apply(n);
};

/** What is selected, and its editable properties (each edit one undo step). */
export function PropertiesPanel({ editor, document, rssiMap = null }: { editor: Editor; document: ProjectDocument; rssiMap?: RssiMap | null }) {
  const selection = useEditorState(editor, (state) => state.selection);
  const ids = new Set(selection);
  const walls = document.walls.filter((wall) => ids.has(wall.id));
  const aps = document.accessPoints.filter((ap) => ids.has(ap.id));
  const zone = document.coverageZones.find((candidate) => ids.has(candidate.id));
  const area = [...document.exclusionZones, ...document.attenuationAreas, ...document.mountingAreas, ...document.slabOpenings].find((candidate) => ids.has(candidate.id));
  const slabOpening = document.slabOpenings.some((candidate) => ids.has(candidate.id));

  if (selection.length === 0) return <p className="muted">{t('editor.properties.empty')}</p>;
  return (
    <div className="properties" data-testid="properties">
      {selection.length > 1 && <p>{t('editor.properties.count', { count: selection.length })}</p>}
      {walls.length > 0 && (
        <div className="field">
          <label htmlFor="wall-material">{t('editor.properties.wallMaterial', { count: walls.length })}</label>
          <select
            id="wall-material"
            value={walls.every((wall) => wall.materialId === walls[0]!.materialId) ? walls[0]!.materialId : ''}
            onChange={(event) => editor.apply(setWallsMaterial(new Set(walls.map((wall) => wall.id)), event.target.value, t('editor.actions.setMaterial')))}
          >
            <option value="" disabled>
              {t('editor.properties.mixed')}
            </option>
            {document.materials.map((material) => (
              <option key={material.id} value={material.id}>
                {material.name} ({formatNumber(material.lossDb['5'])} dB à 5 GHz)
              </option>
            ))}
          </select>
          {walls.length === 1 && <p className="muted">{t('editor.properties.length', { length: formatNumber(Math.hypot(walls[0]!.to.xM - walls[0]!.from.xM, walls[0]!.to.yM - walls[0]!.from.yM), 2) })}</p>}
          {walls.length === 2 && (
            <button type="button" onClick={() => editor.joinSelectedWalls()}>
              {t('editor.properties.join')}
            </button>
          )}
        </div>
      )}
      {aps.length === 1 && <ApProperties editor={editor} document={document} ap={aps[0]!} />}
      {aps.length === 1 && <ApForecastView document={document} apId={aps[0]!.id} map={rssiMap} />}
      {zone && selection.length === 1 && (
        <>
          <CommitField label={t('editor.properties.name')} value={zone.name} required onCommit={(name) => editor.apply(updateZone(zone.id, { name }, t('editor.actions.editZone')))} />
          <p className="muted" data-testid="zone-area">{t('editor.properties.area', { area: formatNumber(polygonAreaM2(zone.polygon), 1) })}</p>
          <div className="field">
            <label htmlFor="zone-profile">{t('editor.properties.profile')}</label>
            <select id="zone-profile" value={zone.requirementProfileId} onChange={(event) => editor.apply(updateZone(zone.id, { requirementProfileId: event.target.value }, t('editor.actions.editZone')))}>
              {document.requirementProfiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </select>
          </div>
          <CommitField type="number" label={t('editor.properties.users')} value={String(zone.userCount)} onCommit={(value) => numberOr(value, (n) => n >= 0 && editor.apply(updateZone(zone.id, { userCount: Math.round(n) }, t('editor.actions.editZone'))))} />
        </>
      )}
      {area && selection.length === 1 && <p className="muted">{t('editor.properties.namedArea', { name: area.name, area: formatNumber(polygonAreaM2(area.polygon), 1) })}</p>}
      {slabOpening && selection.length === 1 && <p className="muted">{t('editor.properties.slabOpening')}</p>}
      <button type="button" className="danger" onClick={() => editor.deleteSelection()}>
        {t('editor.properties.delete')}
      </button>
    </div>
  );
}

function ApProperties({ editor, document, ap }: { editor: Editor; document: ProjectDocument; ap: AccessPoint }) {
  const model = document.apModels.find((candidate) => candidate.id === ap.modelId);
  const edit = (patch: Parameters<typeof updateAccessPoint>[1]) => editor.apply(updateAccessPoint(ap.id, patch, t('editor.actions.editAp')));
  const nearWall = wallTooClose(document, ap);
  return (
    <div className="ap-properties">
      <CommitField label={t('editor.properties.name')} value={ap.name} required onCommit={(name) => edit({ name })} />
      <div className="field">
        <label htmlFor="ap-model">{t('editor.properties.model')}</label>
        <select id="ap-model" value={ap.modelId} onChange={(event) => edit({ modelId: event.target.value })}>
          {document.apModels.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.model}
            </option>
          ))}
        </select>
      </div>
      <CommitField label={t('editor.properties.bssidPrefix')} value={ap.bssidPrefix} onCommit={(bssidPrefix) => edit({ bssidPrefix: bssidPrefix.trim().slice(0, 40) })} />
      <div className="field-row">
        <CommitField type="number" step={0.1} label={t('editor.properties.height')} value={String(ap.mountingHeightM)} onCommit={(value) => numberOr(value, (n) => n >= 0 && n <= 50 && edit({ mountingHeightM: n }))} />
        {model?.antennaPatternId && <CommitField type="number" step={5} label={t('editor.properties.azimuth')} value={String(ap.azimuthDeg)} onCommit={(value) => numberOr(value, (n) => edit({ azimuthDeg: ((n % 360) + 360) % 360 }))} />}
      </div>
      <table className="data-table radios-table">
        <caption>{t('editor.properties.radios')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.properties.band')}</th>
            <th scope="col">{t('editor.properties.channel')}</th>
            <th scope="col">{t('editor.properties.power')}</th>
            <th scope="col">{t('editor.properties.enabled')}</th>
          </tr>
        </thead>
        <tbody>
          {ap.radios.map((radio) => {
            const editRadio = (patch: Parameters<typeof updateRadio>[2]) => editor.apply(updateRadio(ap.id, radio.id, patch, t('editor.actions.editRadio')));
            return (
              <tr key={radio.id}>
                <th scope="row">{radio.band.replace('.', ',')} GHz</th>
                <td>
                  <select aria-label={t('editor.properties.channelOf', { band: radio.band })} value={radio.channel} onChange={(event) => editRadio({ channel: Number(event.target.value) })}>
                    {!isLegalChannel(radio.band, radio.channel) && <option value={radio.channel}>{t('editor.properties.channelNotAllowed', { channel: radio.channel })}</option>}
                    {CHANNELS_20MHZ[radio.band].map(({ channel }) => (
                      <option key={channel} value={channel}>
                        {channel}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <CommitField type="number" hideLabel label={t('editor.properties.powerOf', { band: radio.band })} value={String(radio.txPowerDbm)} onCommit={(value) => numberOr(value, (n) => n >= -10 && n <= 36 && editRadio({ txPowerDbm: n }))} />
                </td>
                <td>
                  <input type="checkbox" aria-label={t('editor.properties.enabledOf', { band: radio.band })} checked={radio.enabled} onChange={(event) => editRadio({ enabled: event.target.checked })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {channelFindings({ accessPoints: [ap] }).map((finding) => (
        <p key={`canal-${finding.band}`} role="alert" className="warning" data-testid="channel-warning">
          {finding.centreMHz === null
            ? t('editor.properties.channelUnknown', { channel: finding.channel, band: finding.band.replace('.', ',') })
            : t('editor.properties.channelOutsideFrance', { channel: finding.channel, band: finding.band.replace('.', ','), mhz: formatNumber(finding.centreMHz) })}
        </p>
      ))}
      {nearWall && (
        <div role="alert" className="warning" data-testid="ap-on-wall">
          <p>{t('editor.properties.onWall', { distance: formatNumber(nearWall.distanceM * 100, 1) })}</p>
          <div className="button-row">
            {nearWall.sides.map((side, index) => (
              <button key={index} type="button" onClick={() => edit({ position: side })}>
                {t('editor.properties.moveOffWall', { x: formatNumber(side.xM, 2), y: formatNumber(side.yM, 2) })}
              </button>
            ))}
          </div>
        </div>
      )}
      {eirpViolations({ ...document, accessPoints: [ap] }).map((violation) => (
        <p key={violation.band} role="alert" className="warning" data-testid="eirp-warning">
          {t('editor.properties.eirpOver', { band: violation.band.replace('.', ','), eirp: formatNumber(violation.eirpDbm, 1), max: violation.maxDbm, channel: violation.channel })}
        </p>
      ))}
    </div>
  );
}

/** The selected AP's forecast on the band the heatmap shows (served area, users, airtime, edge rate, SSID overhead). */
function ApForecastView({ document, apId, map }: { document: ProjectDocument; apId: string; map: RssiMap | null }) {
  if (!map) return <p className="muted">{t('editor.forecast.needRssi')}</p>;
  const forecast = radioForecast(document, apId, map);
  if (!forecast) return <p className="muted">{t('editor.forecast.noRadio', { band: map.band.replace('.', ',') })}</p>;
  const percent = (value: number) => `${formatNumber(value * 100, 1)} %`;
  return (
    <table className="data-table" data-testid="ap-forecast">
      <caption>{t('editor.forecast.title', { band: forecast.band.replace('.', ',') })}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('editor.forecast.area')}</th>
          <td className="num">{formatNumber(forecast.servedAreaM2, 0)} m²</td>
        </tr>
        <tr>
          <th scope="row">{t('editor.forecast.users')}</th>
          <td className="num">{formatNumber(forecast.expectedUsers, 1)}</td>
        </tr>
        <tr>
          <th scope="row">{t('editor.forecast.airtime')}</th>
          <td className="num">{percent(forecast.airtime)}</td>
        </tr>
        <tr>
          <th scope="row">{t('editor.forecast.edgeRate')}</th>
          <td className="num">{formatNumber(forecast.edgeRateMbps, 0)} Mb/s</td>
        </tr>
        <tr>
          <th scope="row">{t('editor.forecast.ssids', { count: forecast.ssidCount })}</th>
          <td className="num">{percent(forecast.beaconOverhead)}</td>
        </tr>
      </tbody>
    </table>
  );
}
