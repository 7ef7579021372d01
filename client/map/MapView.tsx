import { useEffect, useRef, useState } from 'react'
import { Map, Marker, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { AdminUnits } from '../api/types'
import { labelPoints, type Bounds } from './geometry'
import { isOverlayLayer, LAYER, offlineStyle, SOURCE, withOverlay, type OverlayLayerId } from './style'

// Bundled, the worker no longer sits next to the module that would find it by import.meta.url.
setWorkerUrl(workerUrl)

declare global {
  interface Window {
    /** The live map, for end-to-end tests that ask what was drawn. */
    __map?: Map
  }
}

export type LngLat = [lon: number, lat: number]

export interface MapClick {
  lngLat: LngLat
  /** The district under the click, if any. */
  districtId: number | null
}

export interface MapViewProps {
  basemapStyleUrl: string | null
  districts: AdminUnits | null
  visible: Record<OverlayLayerId | 'basemap', boolean>
  selectedDistrictId: number | null
  picked: LngLat | null
  pin: LngLat | null
  /** Bumped to ask for a fit to these bounds (the province). */
  fit: { bounds: Bounds; seq: number } | null
  label: string
  onClick(click: MapClick): void
}

/** The one component that owns MapLibre; everything it shows comes in as props. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<Map | null>(null)
  const onClick = useRef(props.onClick)
  onClick.current = props.onClick

  useEffect(() => {
    const m = new Map({
      container: container.current!,
      style: props.basemapStyleUrl ?? offlineStyle(),
      transformStyle: (_previous, next) => withOverlay(next),
      center: [106.66, 10.8],
      zoom: 9,
      attributionControl: props.basemapStyleUrl ? {} : false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    m.touchZoomRotate.disableRotation()
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    m.on('click', (e: MapMouseEvent) => {
      const hit = m.queryRenderedFeatures(e.point, { layers: [LAYER.districtFill] })[0]
      onClick.current({ lngLat: [e.lngLat.lng, e.lngLat.lat], districtId: typeof hit?.id === 'number' ? hit.id : null })
    })
    m.on('mouseenter', LAYER.districtFill, () => (m.getCanvas().style.cursor = 'pointer'))
    m.on('mouseleave', LAYER.districtFill, () => (m.getCanvas().style.cursor = ''))
    m.once('style.load', () => setMap(m))
    window.__map = m
    return () => {
      if (window.__map === m) delete window.__map
      m.remove()
      setMap(null)
    }
    // The base style is chosen once per page; the rest arrives through the effects below.
  }, [props.basemapStyleUrl])

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', props.label)
  }, [map, props.label])

  useEffect(() => {
    if (!map || !props.districts) return
    map.getSource<GeoJSONSource>(SOURCE.districts)?.setData(props.districts)
    map.getSource<GeoJSONSource>(SOURCE.districtLabels)?.setData(labelPoints(props.districts))
  }, [map, props.districts])

  useEffect(() => {
    if (!map) return
    for (const layer of map.getStyle().layers) {
      const on = isOverlayLayer(layer.id) ? props.visible[layer.id as OverlayLayerId] !== false : props.visible.basemap
      map.setLayoutProperty(layer.id, 'visibility', on ? 'visible' : 'none')
    }
  }, [map, props.visible])

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
    const features = props.picked ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: props.picked } }] : []
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

  useEffect(() => {
    if (!map || !props.fit) return
    map.fitBounds(props.fit.bounds, { padding: 32, animate: props.fit.seq > 0 })
  }, [map, props.fit])

  return <div ref={container} className="map-canvas" data-testid="map" data-ready={map && props.districts ? 'true' : 'false'} />
}
