import type { GeoJSON } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl'

/**
 * A page's own data on the map: one source and the layers drawn from it. Pages hand these to MapView
 * as props; MapView keeps the live map in step with them.
 */
export interface MapOverlay {
  /** The source id; every layer of the overlay reads from it. */
  id: string
  source: SourceSpecification
  layers: LayerSpecification[]
}

/** The layer every overlay is drawn beneath, so that district names stay readable on top. */
const BEFORE = 'districts-label'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function removeOverlay(map: MapLibreMap, overlay: MapOverlay): void {
  for (const layer of overlay.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id)
  if (map.getSource(overlay.id)) map.removeSource(overlay.id)
}

function addLayers(map: MapLibreMap, overlay: MapOverlay): void {
  const before = map.getLayer(BEFORE) ? BEFORE : undefined
  for (const layer of overlay.layers) map.addLayer(layer, before)
}

/**
 * Brings the map from the overlays it shows to the next ones with the least work: new GeoJSON data is
 * set on the existing source, a restyle swaps only the layers, and only a changed source (a different tile
 * URL) is rebuilt, so the tiles already loaded are not fetched again for a colour change.
 */
export function syncOverlays(map: MapLibreMap, previous: readonly MapOverlay[], next: readonly MapOverlay[]): void {
  const nextIds = new Set(next.map((o) => o.id))
  for (const old of previous) if (!nextIds.has(old.id)) removeOverlay(map, old)
  for (const overlay of next) {
    const old = previous.find((o) => o.id === overlay.id)
    if (old === overlay) continue
    if (!old || !map.getSource(overlay.id)) {
      if (old) removeOverlay(map, old)
      map.addSource(overlay.id, overlay.source)
      addLayers(map, overlay)
      continue
    }
    const { data: oldData, ...oldRest } = old.source as SourceSpecification & { data?: unknown }
    const { data: newData, ...newRest } = overlay.source as SourceSpecification & { data?: unknown }
    if (!same(oldRest, newRest)) {
      removeOverlay(map, old)
      map.addSource(overlay.id, overlay.source)
      addLayers(map, overlay)
      continue
    }
    if (oldData !== newData && overlay.source.type === 'geojson')
      map.getSource<GeoJSONSource>(overlay.id)?.setData(overlay.source.data as GeoJSON)
    if (!same(old.layers, overlay.layers)) {
      for (const layer of old.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id)
      addLayers(map, overlay)
    }
  }
}

/** The ids of every layer of some overlays. */
export const overlayLayerIds = (overlays: readonly MapOverlay[]): Set<string> =>
  new Set(overlays.flatMap((o) => o.layers.map((l) => l.id)))
