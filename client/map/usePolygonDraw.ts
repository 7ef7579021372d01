/** Drawing and editing an area of one or more polygons on the shared MapLibre map with terra-draw. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'

// Magenta, as for a route or a campaign area being drawn: no zone kind is drawn in it.
const COLOUR = '#c11574'

export type Area = Polygon | MultiPolygon

export interface PolygonDraw {
  /** The area drawn: one polygon, several as a MultiPolygon, or null. Parts still being drawn do not count. */
  area: Area | null
  /** True while the corners of a part are being placed (a click on the first corner or Enter closes it). */
  drawing: boolean
  /** Starts drawing one more part. */
  drawPart(): void
  /** Removes everything drawn and starts a new part. */
  redraw(): void
  /** True when terra-draw refused a part of the initial area (saving it would drop that part). */
  refused: boolean
}

/** The rings of each part of an area. */
export const partsOf = (area: Area | null): Position[][][] =>
  !area ? [] : area.type === 'Polygon' ? [area.coordinates] : area.coordinates

const areaOf = (parts: Position[][][]): Area | null =>
  parts.length === 0
    ? null
    : parts.length === 1
      ? { type: 'Polygon', coordinates: parts[0]! }
      : { type: 'MultiPolygon', coordinates: parts }

/**
 * Puts terra-draw on `map` while `active`: the `initial` area is loaded for editing (drag a corner, drag a midpoint to
 * add one), or, without one, drawing a new polygon starts at once.
 */
export function usePolygonDraw(map: MapLibreMap | null, active: boolean, initial: Area | null): PolygonDraw {
  const [area, setArea] = useState<Area | null>(initial)
  const [drawing, setDrawing] = useState(false)
  const [refused, setRefused] = useState(false)
  const td = useRef<TerraDraw | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `initial` is read once, when editing starts
  useEffect(() => {
    if (!map || !active) return
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: COLOUR, fillOpacity: 0.15, outlineColor: COLOUR, outlineWidth: 2 },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true } },
            },
          },
          styles: {
            selectedPolygonColor: COLOUR,
            selectedPolygonOutlineColor: COLOUR,
            selectedPolygonFillOpacity: 0.15,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: COLOUR,
            selectionPointWidth: 5,
            midPointColor: COLOUR,
          },
        }),
      ],
    })
    draw.start()
    const update = () =>
      setArea(
        areaOf(
          draw
            .getSnapshot()
            .filter((f) => f.geometry.type === 'Polygon')
            .map((f) => (f.geometry as Polygon).coordinates),
        ),
      )
    const parts = partsOf(initial)
    if (parts.length > 0) {
      const added = draw.addFeatures(
        parts.map((coordinates) => ({
          type: 'Feature',
          properties: { mode: 'polygon' },
          geometry: { type: 'Polygon', coordinates },
        })),
      )
      draw.setMode('select')
      // the first part comes selected: its corners can be dragged at once
      setRefused(added.some((r) => !r.valid))
      const first = added.find((r) => r.valid)
      if (first?.id !== undefined) draw.selectFeature(first.id)
    } else {
      draw.setMode('polygon')
      setDrawing(true)
    }
    draw.on('finish', (id) => {
      setDrawing(false)
      update()
      draw.setMode('select')
      draw.selectFeature(id)
    })
    // Corners dragged change the area; the part being drawn counts only once it is closed.
    draw.on('change', () => {
      if (draw.getMode() === 'select') update()
    })
    td.current = draw
    update()
    return () => {
      td.current = null
      draw.stop()
      setDrawing(false)
    }
  }, [map, active])

  const drawPart = useCallback(() => {
    td.current?.setMode('polygon')
    setDrawing(true)
  }, [])
  const redraw = useCallback(() => {
    td.current?.clear()
    td.current?.setMode('polygon')
    setRefused(false)
    setArea(null)
    setDrawing(true)
  }, [])
  return { area, drawing, drawPart, redraw, refused }
}
