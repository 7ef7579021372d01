import { useCallback, useMemo, useState } from 'react'
import { http } from '../api/http'
import type { AdminUnits, ConvertResult, Zone } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { CoordinatePanel } from './CoordinatePanel'
import { BasemapNotice } from './BasemapNotice'
import { boundsOf } from './geometry'
import { InfoPanel, type PointInfo } from './InfoPanel'
import { LayerPanel, type Visibility } from './LayerPanel'
import { MapView, type LngLat, type MapClick } from './MapView'
import { LAYER } from './style'

type Tool = 'layers' | 'coords' | null

const ALL_VISIBLE: Visibility = {
  [LAYER.districtFill]: true,
  [LAYER.districtLine]: true,
  [LAYER.districtLabel]: true,
  [LAYER.picked]: true,
}

/** The map page: districts of the province, layer switches, coordinate entry and what was clicked. */
export default function MapPage() {
  const { t, lang } = useI18n()
  const { health, basemap, user } = useSession()
  const province = health?.province ?? '79'
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    province,
  )
  const zones = useApi(
    (signal) => http.get<{ items: Zone[] }>('/api/coordinates/zones', undefined, signal).then((r) => r.items),
    'zones',
  )
  const [visible, setVisible] = useState<Visibility>(ALL_VISIBLE)
  const [tool, setTool] = useState<Tool>(null)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [point, setPoint] = useState<PointInfo | null>(null)
  const [pin, setPin] = useState<LngLat | null>(null)
  const [fitSeq, setFitSeq] = useState(0)

  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => (bounds ? { bounds, seq: fitSeq } : null), [bounds, fitSeq])
  const district = districts.data?.features.find((f) => f.id === selectedId) ?? null

  const onClick = useCallback(
    (click: MapClick) => {
      setSelectedId(click.districtId)
      setPoint({ wgs84: click.lngLat })
      http
        .post<ConvertResult>('/api/coordinates/convert', {
          from: 'wgs84',
          to: 'vn2000-tm3',
          zone: province,
          points: [click.lngLat],
        })
        .then(
          (r) => {
            const tm3 = r.points[0]
            setPoint((now) =>
              now?.wgs84 !== click.lngLat
                ? now
                : tm3
                  ? { ...now, tm3, meridian: r.zone?.centralMeridian }
                  : { ...now, error: new Error(t('point.failed')) },
            )
          },
          (error: unknown) => setPoint((now) => (now?.wgs84 === click.lngLat ? { ...now, error } : now)),
        )
    },
    [province, t],
  )
  const closeInfo = () => {
    setSelectedId(null)
    setPoint(null)
  }
  const toggle = (next: Tool) => setTool((now) => (now === next ? null : next))

  return (
    <div className="map-page">
      <MapView
        basemap={basemap}
        districts={districts.data ?? null}
        visible={visible}
        selectedDistrictId={selectedId}
        picked={point?.wgs84 ?? null}
        pin={pin}
        fit={fit}
        label={t('map.canvasLabel')}
        onClick={onClick}
      />
      <div className="map-tools">
        <div className="toolbar" role="toolbar" aria-label={t('map.title')}>
          <button
            type="button"
            className="tool-btn"
            aria-pressed={tool === 'layers'}
            aria-controls="tool-card"
            onClick={() => toggle('layers')}
          >
            <Icon name="layers" size={18} />
            <span>{t('map.layers')}</span>
          </button>
          <button
            type="button"
            className="tool-btn"
            aria-pressed={tool === 'coords'}
            aria-controls="tool-card"
            onClick={() => toggle('coords')}
            data-testid="coord-open"
          >
            <Icon name="crosshair" size={18} />
            <span>{t('coord.open')}</span>
          </button>
          <button type="button" className="tool-btn" onClick={() => setFitSeq((n) => n + 1)} disabled={!bounds}>
            <Icon name="expand" size={18} />
            <span>{t('map.fitProvince')}</span>
          </button>
        </div>
        {tool && (
          <div id="tool-card" className="map-panel tool-card">
            <button
              type="button"
              className="icon-btn panel-close"
              onClick={() => setTool(null)}
              aria-label={t('coord.close')}
            >
              <Icon name="close" size={18} />
            </button>
            {tool === 'layers' && <LayerPanel visible={visible} onChange={setVisible} />}
            {tool === 'coords' &&
              (zones.error ? (
                <ErrorMessage error={zones.error} onRetry={zones.reload} />
              ) : zones.data ? (
                <CoordinatePanel zones={zones.data} defaultZone={province} onLocate={setPin} />
              ) : (
                <Loading />
              ))}
          </div>
        )}
      </div>
      {(district || point) && <InfoPanel district={district} point={point} onClose={closeInfo} />}
      <div className="map-status" aria-live="polite">
        {user?.role === 'admin' && basemap?.notice && <BasemapNotice notice={basemap.notice} />}
        {districts.loading && <Loading label={t('map.loadingDistricts')} />}
        {districts.error !== null && !districts.loading && (
          <ErrorMessage error={districts.error} onRetry={districts.reload}>
            {t('map.districtsFailed')}
          </ErrorMessage>
        )}
        {districts.data && !districts.loading && (
          <span className="map-count">
            {t('map.districtCount', { count: formatCount(districts.data.features.length, lang) })}
          </span>
        )}
      </div>
    </div>
  )
}
