/** Drawing and editing a route's line on the shared MapLibre map with terra-draw. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { LineString, Position } from 'geojson'
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import type { RouteGeometry } from './api'
import { nearestPole, type PolePoint } from './measure'

/** How close (in screen pixels) a vertex must come to a pole to land on it. */
export const SNAP_PX = 14
// Magenta: no kind of route is drawn in it, so the line being edited stands out from the network.
const LINE_COLOUR = '#c11574'

export interface RouteDraw {
  /** The line as drawn so far (the part being drawn follows the pointer), or null. */
  geometry: RouteGeometry | null
  /** True while a line is being drawn (before its last vertex). */
  drawing: boolean
  /** Starts drawing a new part. */
  drawPart(): void
  /** Removes everything drawn. */
  clear(): void
}

const lines = (features: GeoJSONStoreFeatures[]): Position[][] =>
  features.filter((f) => f.geometry.type === 'LineString').map((f) => (f.geometry as LineString).coordinates)

/** Parts drawn → a LineString, or a MultiLineString when there are several. */
function toGeometry(parts: Position[][]): RouteGeometry | null {
  if (parts.length === 0) return null
  return parts.length === 1
    ? { type: 'LineString', coordinates: parts[0]! }
    : { type: 'MultiLineString', coordinates: parts }
}

/**
 * Puts terra-draw on `map` while `active`: the `initial` line is loaded for editing (drag a vertex,
 * drag a midpoint to add one, right-click... delete a vertex), and new parts are drawn by clicking;
 * every vertex placed or dragged near a pole (`poles`) lands on it.
 */
export function useRouteDraw(
  map: MapLibreMap | null,
  active: boolean,
  initial: RouteGeometry | null,
  poles: readonly PolePoint[],
): RouteDraw {
  const [geometry, setGeometry] = useState<RouteGeometry | null>(initial)
  const [drawing, setDrawing] = useState(false)
  const draw = useRef<TerraDraw | null>(null)
  const polesRef = useRef(poles)
  polesRef.current = poles

  // `initial` is loaded when drawing starts; a new object for it must not restart terra-draw and drop the edits in
  // progress.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `initial` is read once, when drawing starts
  useEffect(() => {
    if (!map || !active) return
    const snap: SnapToCustom = (event, context) => {
      const pole = nearestPole(
        { x: event.containerX, y: event.containerY },
        polesRef.current,
        (lon, lat) => context.project(lon, lat),
        SNAP_PX,
      )
      return pole ? [pole.lon, pole.lat] : undefined
    }
    const td = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawLineStringMode({
          snapping: { toCustom: snap },
          styles: {
            lineStringColor: LINE_COLOUR,
            lineStringWidth: 4,
            snappingPointColor: '#101828',
            snappingPointWidth: 6,
          },
        }),
        new TerraDrawSelectMode({
          flags: {
            linestring: {
              feature: {
                draggable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom: snap } },
              },
            },
          },
          styles: {
            selectedLineStringColor: LINE_COLOUR,
            selectedLineStringWidth: 4,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: LINE_COLOUR,
            selectionPointWidth: 5,
          },
        }),
      ],
    })
    td.start()
    const parts = initial ? (initial.type === 'LineString' ? [initial.coordinates] : initial.coordinates) : []
    if (parts.length > 0) {
      td.addFeatures(
        parts.map((coordinates) => ({
          type: 'Feature',
          properties: { mode: 'linestring' },
          geometry: { type: 'LineString', coordinates },
        })),
      )
      td.setMode('select')
    } else {
      td.setMode('linestring')
      setDrawing(true)
    }
    const update = () => setGeometry(toGeometry(lines(td.getSnapshot())))
    td.on('change', update)
    td.on('finish', (id) => {
      setDrawing(false)
      update()
      td.setMode('select')
      td.selectFeature(id)
    })
    draw.current = td
    update()
    return () => {
      draw.current = null
      td.stop()
      setDrawing(false)
    }
    // The initial line is read when editing starts; later changes come from the drawing itself.
  }, [map, active])

  const drawPart = useCallback(() => {
    draw.current?.setMode('linestring')
    setDrawing(true)
  }, [])
  const clear = useCallback(() => {
    draw.current?.clear()
    draw.current?.setMode('linestring')
    setGeometry(null)
    setDrawing(true)
  }, [])
  return { geometry, drawing, drawPart, clear }
}
