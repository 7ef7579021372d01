import { useCallback, useMemo, useState } from 'react'
import type { FeatureCollection, Point } from 'geojson'
import { http } from '../api/http'
import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import type { LngLat, MapClick, MapMarker } from '../map/MapView'
import { SearchBox, type SearchPick } from '../map/SearchBox'
import '../map/home-map.css'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { STATION_LAYER, stationsTileOverlay } from '../stations/layers'
import { Legend } from '../stations/Legend'
import type { ColourBy } from '../stations/model'
import { StationMap } from '../stations/StationMap'
import { useProvince } from '../stations/useProvince'

interface PublicStation {
  id: number
  operator: string
  sharedOperators: string[]
  mastClass: string
  mastHeightM: number
  technologies: string[]
  temporary: boolean
  mobile: boolean
  districtName: string | null
}

// A click reads the public record of the stations within about 30 m of it.
const PICK_DEGREES = 0.0003

/** The public map: stations in service, without commercial fields; a click shows the operator, class and height. */
export default function PublicMap() {
  const { t, lang } = useI18n()
  const { basemap, districts, fit } = useProvince()
  const [colourBy, setColourBy] = useState<ColourBy>('operator')
  const [focus, setFocus] = useState<{ center: LngLat; zoom: number; seq: number } | null>(null)
  const [picked, setPicked] = useState<{ loading: boolean; error: unknown; stations: PublicStation[] } | null>(null)
  const overlays = useMemo(() => [stationsTileOverlay(colourBy, {})], [colourBy])
  const [found, setFound] = useState<MapMarker | null>(null)

  // the public search finds districts, wards and coordinates: the map flies there and marks the place
  const onSearch = useCallback((pick: SearchPick) => {
    const center: LngLat = pick.kind === 'coordinate' ? pick.coordinate.wgs84 : [pick.hit.lon, pick.hit.lat]
    const zoom = pick.kind === 'coordinate' ? 15 : pick.hit.kind === 'ward' ? 14 : 12
    setFound({ lngLat: center, draggable: false })
    setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1 }))
  }, [])

  const onClick = useCallback((click: MapClick) => {
    const hit = click.feature
    if (!hit) return setPicked(null)
    if ('count' in hit.properties) return setFocus((f) => ({ center: click.lngLat, zoom: 12, seq: (f?.seq ?? 0) + 1 }))
    const [lon, lat] = click.lngLat
    const bbox = [lon - PICK_DEGREES, lat - PICK_DEGREES, lon + PICK_DEGREES, lat + PICK_DEGREES].join(',')
    setPicked({ loading: true, error: null, stations: [] })
    http.get<FeatureCollection<Point, PublicStation>>('/api/public/stations', { bbox }).then(
      (fc) => setPicked({ loading: false, error: null, stations: fc.features.map((f) => f.properties) }),
      (error: unknown) => setPicked({ loading: false, error, stations: [] }),
    )
  }, [])

  return (
    <div className="pub-map">
      <StationMap
        basemap={basemap}
        districts={districts.data ?? null}
        fit={fit}
        focus={focus}
        overlays={overlays}
        interactiveLayers={[STATION_LAYER.point, STATION_LAYER.cluster]}
        label={t('pub.mapLabel')}
        onClick={onClick}
        marker={found}
      />
      <div className="map-panel pub-intro">
        <h1 className="panel-title">{t('pub.mapTitle')}</h1>
        <p className="hint">{t('pub.mapLead')}</p>
        <SearchBox onPick={onSearch} placeholder="search.placeholderPublic" />
      </div>
      <Legend by={colourBy} onChange={setColourBy} options={['operator', 'mastClass']} />
      {picked && (
        <section
          className="map-panel map-sheet st-panel pub-picked"
          aria-labelledby="pub-picked-title"
          data-testid="public-station"
        >
          <header className="panel-head">
            <h2 id="pub-picked-title" className="panel-title">
              {t('pub.station')}
            </h2>
            <button type="button" className="icon-btn" onClick={() => setPicked(null)} aria-label={t('st.close')}>
              <Icon name="close" size={18} />
            </button>
          </header>
          {picked.loading && <Loading />}
          {picked.error !== null && <ErrorMessage error={picked.error} />}
          {!picked.loading && picked.stations.length === 0 && picked.error === null && (
            <p className="muted">{t('pub.none')}</p>
          )}
          {picked.stations.map((s) => (
            <dl key={s.id} className="facts st-facts pub-facts">
              <dt>{t('st.operator')}</dt>
              <dd>
                {s.operator}
                {s.sharedOperators.length > 0 && <span className="muted"> + {s.sharedOperators.join(', ')}</span>}
              </dd>
              <dt>{t('st.mastClass')}</dt>
              <dd>{s.mastClass}</dd>
              <dt>{t('st.mastHeight')}</dt>
              <dd className="num">{formatNumber(s.mastHeightM, lang, 1)} m</dd>
              <dt>{t('st.technologies')}</dt>
              <dd>{s.technologies.join(', ') || '—'}</dd>
              <dt>{t('st.district')}</dt>
              <dd>{s.districtName ?? '—'}</dd>
              {(s.temporary || s.mobile) && (
                <>
                  <dt>{t('st.kind')}</dt>
                  <dd>{[s.temporary && t('st.temporary'), s.mobile && t('st.mobile')].filter(Boolean).join(', ')}</dd>
                </>
              )}
            </dl>
          ))}
        </section>
      )}
    </div>
  )
}
