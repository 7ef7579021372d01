import { useCallback, useEffect, useMemo, useState } from 'react'
import { navigate, usePath } from '../app/router'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import type { MapClick } from '../map/MapView'
import { MapSearch } from '../map/MapSearch'
import { ErrorMessage, Loading } from '../ui/status'
import { OffsetPager } from '../ui/Table'
import { useApi } from '../ui/useApi'
import { stationsApi, type StationQuery } from './api'
import { ExportMenu } from './ExportMenu'
import { listOverlay, STATION_LAYER, stationsTileOverlay } from './layers'
import { Legend } from './Legend'
import { operatorLabel } from './labels'
import type { ColourBy } from './model'
import { StationFilters, type Filters } from './StationFilters'
import { StationPanel } from './StationPanel'
import { StateTag } from './StationInfo'
import { StationMap } from './StationMap'
import { useProvince } from './useProvince'
import './stations.css'

const PAGE = 50

/** The id in a path like /stations/123, or null. */
const idIn = (path: string) => {
  const m = /^\/stations\/(\d+)$/.exec(path)
  return m ? Number(m[1]) : null
}

/**
 * "Trạm BTS": every station the user may see on the map (vector tiles, coloured by operator, class or
 * status) beside a filtered, server-paged list; a station opens in a detail panel at /stations/{id}.
 */
export default function StationsPage() {
  const { t, lang } = useI18n()
  const path = usePath()
  const selectedId = idIn(path)
  const { basemap, districts, fit } = useProvince()
  const [filters, setFilters] = useState<Filters>({})
  const [offset, setOffset] = useState(0)
  const [colourBy, setColourBy] = useState<ColourBy>('operator')
  const [view, setView] = useState<'map' | 'list'>('map')
  const [focus, setFocus] = useState<{ center: [number, number]; zoom: number; seq: number } | null>(null)
  const query: StationQuery = { ...filters, offset, limit: PAGE, sort: '-updatedAt' }
  const list = useApi((signal) => stationsApi.list(query, signal), JSON.stringify(query))
  const items = useMemo(() => list.data?.items ?? [], [list.data])

  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start the list again at its first page
  useEffect(() => setOffset(0), [filters])

  const overlays = useMemo(
    () => [
      stationsTileOverlay(colourBy, { operator: filters.operator, mastClass: filters.mastClass, state: filters.state }),
      listOverlay(items, selectedId),
    ],
    [colourBy, filters.operator, filters.mastClass, filters.state, items, selectedId],
  )
  const open = useCallback((id: number) => navigate(`/stations/${id}`), [])
  const onClick = useCallback(
    (click: MapClick) => {
      const hit = click.feature
      if (!hit) return
      if ('count' in hit.properties) {
        setFocus((f) => ({ center: click.lngLat, zoom: 12, seq: (f?.seq ?? 0) + 1 }))
        return
      }
      // A carrier's tiles name only its own stations; another carrier's mast in service has no record to open.
      const id = Number(hit.properties.id ?? hit.id)
      if (Number.isInteger(id) && (hit.layer !== STATION_LAYER.point || hit.properties.site_code != null)) open(id)
    },
    [open],
  )
  const show = (id: number, at: [number, number]) => {
    open(id)
    setFocus((f) => ({ center: at, zoom: 16, seq: (f?.seq ?? 0) + 1 }))
    setView('map')
  }
  const total = list.data?.total ?? 0
  const flyTo = useCallback(
    (center: [number, number], zoom: number) => setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1 })),
    [],
  )

  return (
    <div className="split" data-view={view}>
      <aside className="split-side" aria-label={t('st.list')}>
        <header className="split-side-head">
          <h1>{t('st.title')}</h1>
          <div className="segmented st-view-switch">
            {(['map', 'list'] as const).map((v) => (
              <label key={v} className={view === v ? 'on' : undefined}>
                <input type="radio" name="view" checked={view === v} onChange={() => setView(v)} />
                {t(`st.view.${v}`)}
              </label>
            ))}
          </div>
        </header>
        <StationFilters value={filters} onChange={setFilters} districts={districts.data ?? null} />
        <ExportMenu query={filters} />
        <p className="st-count muted" aria-live="polite">
          {list.data ? t('st.count', { n: formatCount(total, lang) }) : ' '}
        </p>
        {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {list.loading && !list.data && <Loading />}
        <ul className="side-list" data-testid="station-list">
          {items.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="side-row"
                aria-current={s.id === selectedId ? 'true' : undefined}
                onClick={() => show(s.id, s.position.coordinates as [number, number])}
              >
                <span className="side-row-main">
                  <code>{s.siteCode}</code>
                  <StateTag state={s.state} />
                </span>
                <span className="side-row-sub">
                  {operatorLabel(t, s.operator.shortName)} · {s.mastClass} · {formatNumber(s.mastHeightM, lang, 1)} m
                  {s.temporary ? ` · ${t('st.temporary')}` : ''}
                </span>
                <span className="side-row-sub muted">
                  {[s.address, s.districtName].filter(Boolean).join(', ') || '—'}
                </span>
              </button>
            </li>
          ))}
          {list.data && items.length === 0 && <li className="muted side-empty">{t('st.empty')}</li>}
        </ul>
        {total > PAGE && (
          <OffsetPager offset={offset} shown={items.length} total={total} pageSize={PAGE} onOffset={setOffset} />
        )}
      </aside>
      <div className="split-map">
        <MapSearch onFocus={flyTo} onHit={(hit) => hit.kind === 'station' && open(hit.id)} />
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={fit}
          focus={focus}
          label={t('st.mapLabel')}
          overlays={overlays}
          interactiveLayers={[STATION_LAYER.selected, STATION_LAYER.list, STATION_LAYER.point, STATION_LAYER.cluster]}
          onClick={onClick}
        />
        <Legend by={colourBy} onChange={setColourBy} />
        {selectedId !== null && (
          <StationPanel id={selectedId} onClose={() => navigate('/stations')} onChanged={() => list.reload()} />
        )}
      </div>
    </div>
  )
}
