import { useEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { AdminUnits, BasemapSettings } from '../api/types'
import { baseStyle, basemapModes, initialMode, rememberMode, type BasemapMode } from './basemap'
import { BasemapSwitch, ControlSlot } from './BasemapSwitch'
import { labelPoints, type Bounds } from './geometry'
import { overlayLayerIds, syncOverlays, type MapOverlay } from './overlays'
import { BASE_LAYER, districtFillOpacity, isOverlayLayer, LAYER, SOURCE, withOverlay } from './style'
import type { OverlayLayerId } from './style'

// Bundled, the worker no longer sits next to the module that would find it by import.meta.url.
setWorkerUrl(workerUrl)

declare global {
  interface Window {
    /** The live map, for end-to-end tests that ask what was drawn. */
    __map?: MapLibreMap
  }
}

export type LngLat = [lon: number, lat: number]

/** A feature of an interactive overlay layer under a click. */
export interface MapFeatureHit {
  layer: string
  id: string | number | undefined
  properties: Record<string, unknown>
}

export interface MapClick {
  lngLat: LngLat
  /** The district under the click, if any. */
  districtId: number | null
  /** The topmost feature of `interactiveLayers` under (or within a finger's width of) the click. */
  feature: MapFeatureHit | null
}

/** A marker the user may drag; `onMove` hears where it was dropped. */
export interface MapMarker {
  lngLat: LngLat
  draggable: boolean
  color?: string
  onMove?(lngLat: LngLat): void
}

export interface MapViewProps {
  /** What may be drawn under the app's layers (GET /api/basemap); the map offers a switch between them. */
  basemap: BasemapSettings | null
  districts: AdminUnits | null
  visible: Record<OverlayLayerId, boolean>
  selectedDistrictId: number | null
  picked: LngLat | null
  pin: LngLat | null
  /** Bumped to ask for a fit to these bounds (the province). */
  fit: { bounds: Bounds; seq: number } | null
  label: string
  onClick(click: MapClick): void
  /** A page's own sources and layers, drawn above the districts. */
  overlays?: readonly MapOverlay[]
  /** Overlay layers whose features a click reports (and that show a pointer). */
  interactiveLayers?: readonly string[]
  marker?: MapMarker | null
  /** Bumped to fly to a point; `padding` keeps it clear of a panel over the map. */
  focus?: {
    center: LngLat
    zoom: number
    seq: number
    padding?: { top?: number; right?: number; bottom?: number; left?: number }
  } | null
  /** Hears the visible bounds and zoom after each move. */
  onViewChange?(view: { bounds: Bounds; zoom: number }): void
  /**
   * Hears the live map once its style has loaded, and null when it goes: for tools (drawing) that work on the map
   * itself.
   */
  onMap?(map: MapLibreMap | null): void
}

const NO_OVERLAYS: readonly MapOverlay[] = []
const TOUCH_SLOP_PX = 8

/** The one component that owns MapLibre; everything it shows comes in as props. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const onClick = useRef(props.onClick)
  onClick.current = props.onClick
  const onViewChange = useRef(props.onViewChange)
  onViewChange.current = props.onViewChange
  const interactive = useRef(props.interactiveLayers ?? [])
  interactive.current = props.interactiveLayers ?? []
  const shown = useRef<readonly MapOverlay[]>(NO_OVERLAYS)
  const modes = useMemo(() => basemapModes(props.basemap), [props.basemap])
  const [mode, setMode] = useState<BasemapMode>(() => initialMode(modes))
  const [switchSlot] = useState(() => new ControlSlot())

  useEffect(() => {
    const basemap = props.basemap
    const m = new MapLibreMap({
      container: container.current!,
      style: baseStyle(basemap),
      transformStyle: (_previous, next) => withOverlay(next, basemap?.imagery ?? null),
      center: [106.66, 10.8],
      zoom: 9,
      attributionControl: basemap?.street || basemap?.imagery ? {} : false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    m.touchZoomRotate.disableRotation()
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    if (basemapModes(basemap).length > 1) m.addControl(switchSlot, 'bottom-right')
    const featureAt = (e: MapMouseEvent): MapFeatureHit | null => {
      const layers = interactive.current.filter((id) => m.getLayer(id))
      if (layers.length === 0) return null
      const { x, y } = e.point
      const f = m.queryRenderedFeatures(
        [
          [x - TOUCH_SLOP_PX, y - TOUCH_SLOP_PX],
          [x + TOUCH_SLOP_PX, y + TOUCH_SLOP_PX],
        ],
        { layers },
      )[0]
      return f ? { layer: f.layer.id, id: f.id, properties: f.properties } : null
    }
    m.on('click', (e: MapMouseEvent) => {
      const hit = m.queryRenderedFeatures(e.point, { layers: [LAYER.districtFill] })[0]
      onClick.current({
        lngLat: [e.lngLat.lng, e.lngLat.lat],
        districtId: typeof hit?.id === 'number' ? hit.id : null,
        feature: featureAt(e),
      })
    })
    m.on('mousemove', (e: MapMouseEvent) => {
      m.getCanvas().style.cursor =
        featureAt(e) || m.queryRenderedFeatures(e.point, { layers: [LAYER.districtFill] }).length > 0 ? 'pointer' : ''
    })
    m.on('moveend', () => {
      const b = m.getBounds()
      onViewChange.current?.({ bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: m.getZoom() })
    })
    m.once('style.load', () => {
      shown.current = NO_OVERLAYS
      setMap(m)
    })
    window.__map = m
    return () => {
      if (window.__map === m) delete window.__map
      m.remove()
      setMap(null)
    }
    // The base style is chosen once per page; the rest arrives through the effects below.
  }, [props.basemap, switchSlot])

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', props.label)
  }, [map, props.label])

  const onMap = props.onMap
  useEffect(() => {
    if (!map || !onMap) return
    onMap(map)
    return () => onMap(null)
  }, [map, onMap])

  useEffect(() => {
    if (!map || !props.districts) return
    map.getSource<GeoJSONSource>(SOURCE.districts)?.setData(props.districts)
    map.getSource<GeoJSONSource>(SOURCE.districtLabels)?.setData(labelPoints(props.districts))
  }, [map, props.districts])

  useEffect(() => {
    if (!map) return
    const next = props.overlays ?? NO_OVERLAYS
    syncOverlays(map, shown.current, next)
    shown.current = next
  }, [map, props.overlays])

  const shownMode = modes.includes(mode) ? mode : modes[0]!
  useEffect(() => {
    if (!map) return
    // Overlay layers belong to the page that gave them, which shows or hides them itself.
    const own = overlayLayerIds(shown.current)
    for (const layer of map.getStyle().layers) {
      if (own.has(layer.id) || layer.id === BASE_LAYER.background) continue
      let on: boolean
      if (isOverlayLayer(layer.id)) on = props.visible[layer.id as OverlayLayerId] !== false
      else if (layer.id === BASE_LAYER.imagery) on = shownMode === 'imagery'
      else on = shownMode === 'street'
      map.setLayoutProperty(layer.id, 'visibility', on ? 'visible' : 'none')
    }
    map.setPaintProperty(LAYER.districtFill, 'fill-opacity', districtFillOpacity(shownMode !== 'none'))
  }, [map, props.visible, shownMode])

  const chooseMode = (next: BasemapMode) => {
    setMode(next)
    rememberMode(next)
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: new district data clears feature state: select again
  useEffect(() => {
    if (!map || props.selectedDistrictId === null) return
    const target = { source: SOURCE.districts, id: props.selectedDistrictId }
    map.setFeatureState(target, { selected: true })
    return () => {
      if (map.getSource(SOURCE.districts)) map.setFeatureState(target, { selected: false })
    }
  }, [map, props.selectedDistrictId, props.districts])

  useEffect(() => {
    if (!map) return
    const features = props.picked
      ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: props.picked } }]
      : []
    map.getSource<GeoJSONSource>(SOURCE.picked)?.setData({ type: 'FeatureCollection', features })
  }, [map, props.picked])

  useEffect(() => {
    if (!map || !props.pin) return
    const marker = new Marker({ color: '#b42318' }).setLngLat(props.pin).addTo(map)
    map.flyTo({ center: props.pin, zoom: Math.max(map.getZoom(), 14), essential: true })
    return () => {
      marker.remove()
    }
  }, [map, props.pin])

  const marker = props.marker
  useEffect(() => {
    if (!map || !marker) return
    const m = new Marker({ color: marker.color ?? '#b42318', draggable: marker.draggable })
      .setLngLat(marker.lngLat)
      .addTo(map)
    m.getElement().setAttribute('data-testid', 'map-marker')
    m.on('dragend', () => {
      const at = m.getLngLat()
      marker.onMove?.([at.lng, at.lat])
    })
    return () => {
      m.remove()
    }
  }, [map, marker])

  useEffect(() => {
    if (!map || !props.focus) return
    map.flyTo({
      center: props.focus.center,
      zoom: props.focus.zoom,
      padding: { top: 0, right: 0, bottom: 0, left: 0, ...props.focus.padding },
      essential: true,
    })
  }, [map, props.focus])

  useEffect(() => {
    if (!map || !props.fit) return
    map.fitBounds(props.fit.bounds, { padding: 32, animate: props.fit.seq > 0 })
  }, [map, props.fit])

  return (
    <>
      <div
        ref={container}
        className="map-canvas"
        data-testid="map"
        data-ready={map && props.districts ? 'true' : 'false'}
      />
      {map &&
        modes.length > 1 &&
        createPortal(<BasemapSwitch modes={modes} mode={shownMode} onChange={chooseMode} />, switchSlot.element)}
    </>
  )
}
