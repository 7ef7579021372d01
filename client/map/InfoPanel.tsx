import type { ReactNode } from 'react'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { AdminUnitProps } from '../api/types'
import { useI18n } from '../i18n'
import { formatArea, formatCoordinate, formatDate } from '../i18n/format'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { meridianLabel } from './CoordinatePanel'
import type { LngLat } from './MapView'

export interface PointInfo {
  wgs84: LngLat
  /** [easting, northing] in the zone, once converted, and the zone's central meridian. */
  tm3?: [number, number]
  meridian?: number
  error?: unknown
}

/**
 * What was clicked or found: a record's card when there is one (`card`, which brings its own heading and close
 * button), the district's record and the point in WGS84 and VN-2000.
 */
export function InfoPanel({
  district,
  point,
  onClose,
  card,
}: {
  district: Feature<Polygon | MultiPolygon, AdminUnitProps> | null
  point: PointInfo | null
  onClose(): void
  card?: ReactNode
}) {
  const { t, lang } = useI18n()
  const p = district?.properties
  return (
    <section
      className="map-panel info-panel"
      aria-labelledby={card ? 'card-title' : 'info-title'}
      data-testid="info-panel"
    >
      {card ?? (
        <header className="panel-head">
          <h2 id="info-title" className="panel-title">
            {p ? p.name : t('point.title')}
          </h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('district.close')}>
            <Icon name="close" size={18} />
          </button>
        </header>
      )}
      {card && p && <h3 className="panel-subtitle">{p.name}</h3>}
      {p && district && (
        <dl className="facts">
          <dt>{t('district.level')}</dt>
          <dd>{t(`level.${p.level}`)}</dd>
          <dt>{t('district.code')}</dt>
          <dd>{p.code}</dd>
          <dt>{t('district.validity')}</dt>
          <dd>
            {p.validTo
              ? t('district.validRange', { from: formatDate(p.validFrom, lang), to: formatDate(p.validTo, lang) })
              : `${t('district.validFrom', { date: formatDate(p.validFrom, lang) })} ${t('district.current')}`}
          </dd>
          <dt>{t('district.area')}</dt>
          <dd>{formatArea(district.properties.areaM2, lang)}</dd>
        </dl>
      )}
      {point && (
        <div className="point-info" data-testid="point-info">
          {(p || card) && <h3 className="panel-subtitle">{t('point.title')}</h3>}
          <dl className="facts">
            <dt>{t('point.lat')}</dt>
            <dd className="num">{formatCoordinate(point.wgs84[1], lang, 6)}°</dd>
            <dt>{t('point.lon')}</dt>
            <dd className="num">{formatCoordinate(point.wgs84[0], lang, 6)}°</dd>
          </dl>
          <h4 className="panel-caption">
            {point.meridian === undefined ? 'VN-2000' : t('point.vn2000', { meridian: meridianLabel(point.meridian) })}
          </h4>
          {point.tm3 ? (
            <dl className="facts">
              <dt>{t('point.northing')}</dt>
              <dd className="num">{formatCoordinate(point.tm3[1], lang, 2)} m</dd>
              <dt>{t('point.easting')}</dt>
              <dd className="num">{formatCoordinate(point.tm3[0], lang, 2)} m</dd>
            </dl>
          ) : point.error ? (
            <ErrorMessage error={point.error}>{t('point.failed')}</ErrorMessage>
          ) : (
            <Loading />
          )}
        </div>
      )}
    </section>
  )
}
