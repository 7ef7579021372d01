import { useCallback, useEffect, useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { http } from '../api/http'
import type { AdminUnits, ConvertResult, Zone } from '../api/types'
import { useSession } from '../auth/session'
import { api as conversionsApi } from '../conversions/api'
import { useI18n } from '../i18n'
import { formatCount } from '../i18n/format'
import type { Zone as PlanningZone } from '../planning/api'
import { Icon } from '../ui/icons'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { CoordinatePanel } from './CoordinatePanel'
import { BasemapNotice } from './BasemapNotice'
import { cardOfFeature, cardOfHit, FeatureCard, type Card } from './FeatureCard'
import { boundsOf, type Bounds } from './geometry'
import {
  groupsFor,
  HOME_LAYER,
  homePolesOverlay,
  homeRoutesOverlay,
  INTERACTIVE,
  itemsOverlay,
  loadLayers,
  saveLayers,
  stationsOverlay,
  zonesOverlay,
  type HomeLayers,
} from './homeLayers'
import { InfoPanel, type PointInfo } from './InfoPanel'
import type { Visibility } from './LayerPanel'
import { LayerTree } from './LayerTree'
import { MapView, type LngLat, type MapClick } from './MapView'
import { MeasurePanel } from './MeasurePanel'
import type { MapOverlay } from './overlays'
import { PrintSheet } from './PrintSheet'
import { SearchBox, type SearchPick } from './SearchBox'
import { LAYER } from './style'
import { useMeasure, usePrint } from './useMapTools'
import './home-map.css'

type Tool = 'layers' | 'coords' | 'measure' | null

type ZoneWithShape = PlanningZone & { geometry: GeoJSON.Geometry }

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/**
 * The home map: one map of everything the user's role may see (stations, applications in progress, cable routes,
 * poles, planning zones, conversion items, district boundaries in force), a layer tree with filters and legend,
 * search, coordinate entry, and a card with a link for whatever is clicked or found.
 */
export default function MapPage() {
  const { t, lang } = useI18n()
  const { health, basemap, user } = useSession()
  const province = health?.province ?? '79'
  const groups = useMemo(() => groupsFor(user?.role ?? null), [user?.role])
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    province,
  )
  const zones = useApi(
    (signal) => http.get<{ items: Zone[] }>('/api/coordinates/zones', undefined, signal).then((r) => r.items),
    'zones',
  )
  const [layers, setLayersState] = useState<HomeLayers>(loadLayers)
  const setLayers = useCallback((next: HomeLayers) => {
    setLayersState(next)
    saveLayers(next)
  }, [])
  const planning = useApi(
    (signal) =>
      groups.includes('zones')
        ? http.get<{ items: ZoneWithShape[] }>('/api/zones', undefined, signal).then((r) => r.items)
        : Promise.resolve([] as ZoneWithShape[]),
    `planning-zones:${groups.includes('zones')}`,
  )
  const programmes = useApi(
    (signal) => (groups.includes('items') ? conversionsApi.programmes(signal) : Promise.resolve([])),
    `programmes:${groups.includes('items')}`,
  )
  const programme =
    programmes.data?.find((p) => p.id === layers.programme)?.id ?? programmes.data?.[programmes.data.length - 1]?.id
  const items = useApi(
    (signal) =>
      layers.on.items && programme !== undefined ? conversionsApi.layer({ programme }, signal) : Promise.resolve(null),
    `items:${layers.on.items}:${programme}`,
  )

  const [tool, setTool] = useState<Tool>(null)
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const closeTool = useCallback(() => setTool(null), [])
  const measure = useMeasure(map, tool === 'measure', lang, closeTool)
  const printing = usePrint(map)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [point, setPoint] = useState<PointInfo | null>(null)
  const [card, setCard] = useState<Card | null>(null)
  const [pin, setPin] = useState<LngLat | null>(null)
  const [found, setFound] = useState<LngLat | null>(null)
  const [focus, setFocus] = useState<{ center: LngLat; zoom: number; seq: number } | null>(null)
  const [fitReq, setFitReq] = useState<{ bounds: Bounds; seq: number } | null>(null)

  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => fitReq ?? (bounds ? { bounds, seq: 0 } : null), [bounds, fitReq])
  const district = districts.data?.features.find((f) => f.id === selectedId) ?? null

  const zoneData = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: (planning.data ?? []).map((z) => ({
        type: 'Feature',
        id: z.id,
        properties: {
          id: z.id,
          name: z.name,
          kind: z.kind,
          allowedClasses: z.allowedClasses.join(', '),
          maxHeightM: z.maxHeightM,
        },
        geometry: z.geometry,
      })),
    }),
    [planning.data],
  )
  const overlays = useMemo<MapOverlay[]>(() => {
    const list = [stationsOverlay(layers, groups)]
    if (groups.includes('zones')) list.unshift(zonesOverlay(layers, zoneData))
    if (groups.includes('routes')) list.push(homeRoutesOverlay(layers))
    if (groups.includes('poles')) list.push(homePolesOverlay(layers))
    if (groups.includes('items')) list.push(itemsOverlay(layers, items.data ?? EMPTY))
    if (measure.overlay) list.push(measure.overlay)
    return list
  }, [layers, groups, zoneData, items.data, measure.overlay])
  const visible = useMemo<Visibility>(
    () => ({
      [LAYER.districtFill]: layers.on.districts,
      [LAYER.districtLine]: layers.on.districts,
      [LAYER.districtLabel]: layers.on.districts && layers.districtLabels,
      [LAYER.picked]: true,
    }),
    [layers.on.districts, layers.districtLabels],
  )

  const locatePoint = useCallback(
    (lngLat: LngLat) => {
      setPoint({ wgs84: lngLat })
      http
        .post<ConvertResult>('/api/coordinates/convert', {
          from: 'wgs84',
          to: 'vn2000-tm3',
          zone: province,
          points: [lngLat],
        })
        .then(
          (r) => {
            const tm3 = r.points[0]
            setPoint((now) =>
              now?.wgs84 !== lngLat
                ? now
                : tm3
                  ? { ...now, tm3, meridian: r.zone?.centralMeridian }
                  : { ...now, error: new Error(t('point.failed')) },
            )
          },
          (error: unknown) => setPoint((now) => (now?.wgs84 === lngLat ? { ...now, error } : now)),
        )
    },
    [province, t],
  )

  const onClick = useCallback(
    (click: MapClick) => {
      if (tool === 'measure') {
        measure.add(click.lngLat)
        return
      }
      const hit = click.feature
      setFound(null)
      // a group of stations opens to its stations; the district and the point are told as for any click
      if (hit?.layer === HOME_LAYER.stationCells)
        setFocus((f) => ({ center: click.lngLat, zoom: 12, seq: (f?.seq ?? 0) + 1 }))
      setCard(hit ? cardOfFeature(t, lang, hit) : null)
      setSelectedId(click.districtId)
      locatePoint(click.lngLat)
    },
    [t, lang, locatePoint, tool, measure.add],
  )

  const onSearch = useCallback(
    (pick: SearchPick) => {
      setTool(null)
      if (pick.kind === 'coordinate') {
        const c = pick.coordinate
        setCard(null)
        setSelectedId(null)
        setPin(c.wgs84)
        setPoint(
          c.vn2000
            ? { wgs84: c.wgs84, tm3: [c.vn2000.easting, c.vn2000.northing], meridian: c.vn2000.zone.centralMeridian }
            : { wgs84: c.wgs84 },
        )
        if (!c.vn2000) locatePoint(c.wgs84)
        return
      }
      const hit = pick.hit
      setPoint(null)
      setFound(hit.kind === 'district' || hit.kind === 'ward' || hit.kind === 'zone' ? null : [hit.lon, hit.lat])
      if (hit.kind === 'district' || hit.kind === 'ward') {
        setCard(hit.kind === 'ward' ? cardOfHit(t, hit) : null)
        setSelectedId(hit.kind === 'district' ? hit.id : null)
      } else {
        setSelectedId(null)
        setCard(cardOfHit(t, hit))
      }
      if (hit.bbox && hit.kind !== 'route') setFitReq((f) => ({ bounds: hit.bbox!, seq: (f?.seq ?? 0) + 1 }))
      else
        setFocus((f) => ({ center: [hit.lon, hit.lat], zoom: hit.kind === 'route' ? 15 : 16, seq: (f?.seq ?? 0) + 1 }))
    },
    [t, locatePoint],
  )

  // A layer turned off takes its card with it.
  useEffect(() => {
    if (!layers.on.districts) setSelectedId(null)
  }, [layers.on.districts])

  const closeInfo = () => {
    setFound(null)
    setSelectedId(null)
    setPoint(null)
    setCard(null)
  }
  const toggle = (next: Tool) => setTool((now) => (now === next ? null : next))

  return (
    <div className="map-page home-map">
      <MapView
        basemap={basemap}
        districts={districts.data ?? null}
        visible={visible}
        selectedDistrictId={selectedId}
        picked={point?.wgs84 ?? found}
        pin={pin}
        fit={fit}
        focus={focus}
        overlays={overlays}
        interactiveLayers={INTERACTIVE}
        label={t('map.canvasLabel')}
        onClick={onClick}
        onMap={setMap}
      />
      <div className="map-tools">
        <SearchBox onPick={onSearch} placeholder="search.placeholder" />
        <div className="toolbar" role="toolbar" aria-label={t('map.title')}>
          <button
            type="button"
            className="tool-btn"
            aria-pressed={tool === 'layers'}
            aria-controls="tool-card"
            onClick={() => toggle('layers')}
            data-testid="layers-open"
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
          <button
            type="button"
            className="tool-btn"
            aria-pressed={tool === 'measure'}
            aria-controls="tool-card"
            onClick={() => toggle('measure')}
            data-testid="measure-open"
          >
            <Icon name="ruler" size={18} />
            <span>{t('measure.open')}</span>
          </button>
          <button type="button" className="tool-btn" onClick={printing.print} disabled={!map} data-testid="print-open">
            <Icon name="printer" size={18} />
            <span>{t('print.open')}</span>
          </button>
          <button
            type="button"
            className="tool-btn"
            onClick={() => bounds && setFitReq((f) => ({ bounds, seq: (f?.seq ?? 0) + 1 }))}
            disabled={!bounds}
          >
            <Icon name="expand" size={18} />
            <span>{t('map.fitProvince')}</span>
          </button>
        </div>
        {tool && (
          <div id="tool-card" className="map-panel tool-card" data-testid="tool-card">
            <button
              type="button"
              className="icon-btn panel-close"
              onClick={() => setTool(null)}
              aria-label={t('coord.close')}
            >
              <Icon name="close" size={18} />
            </button>
            {tool === 'layers' && (
              <LayerTree
                layers={layers}
                groups={groups}
                onChange={setLayers}
                programmes={programmes.data ?? []}
                counts={{
                  zones: planning.data ? planning.data.length : null,
                  items: items.data ? items.data.features.length : null,
                }}
              />
            )}
            {tool === 'measure' && (
              <MeasurePanel points={measure.points} onUndo={measure.undo} onClear={measure.clear} />
            )}
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
      {(card || district || point) && (
        <InfoPanel
          district={district}
          point={point}
          onClose={closeInfo}
          card={card && <FeatureCard card={card} onClose={closeInfo} />}
        />
      )}
      {printing.snapshot && <PrintSheet snapshot={printing.snapshot} layers={layers} groups={groups} />}
      <div className="map-status" aria-live="polite">
        {user?.role === 'admin' && basemap?.notice && <BasemapNotice notice={basemap.notice} />}
        {districts.loading && <Loading label={t('map.loadingDistricts')} />}
        {districts.error !== null && !districts.loading && (
          <ErrorMessage error={districts.error} onRetry={districts.reload}>
            {t('map.districtsFailed')}
          </ErrorMessage>
        )}
        {[planning, programmes, items].map(
          (s, i) =>
            s.error !== null && (
              // biome-ignore lint/suspicious/noArrayIndexKey: three fixed sources in a fixed order
              <ErrorMessage key={i} error={s.error} onRetry={s.reload} />
            ),
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
