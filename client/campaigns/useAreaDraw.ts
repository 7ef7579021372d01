/** Drawing one polygon (the campaign's area) on the shared MapLibre map with terra-draw. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Polygon } from 'geojson'
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'

const COLOUR = '#c11574'

export interface AreaDraw {
  /** The polygon drawn, once closed. */
  area: Polygon | null
  /** True while corners are being placed. */
  drawing: boolean
  /** Starts drawing a new polygon (the old one is removed). */
  draw(): void
  clear(): void
}

/** Puts terra-draw on `map`: one polygon, drawn by clicking its corners, editable by dragging them. */
export function useAreaDraw(map: MapLibreMap | null): AreaDraw {
  const [area, setArea] = useState<Polygon | null>(null)
  const [drawing, setDrawing] = useState(false)
  const td = useRef<TerraDraw | null>(null)

  useEffect(() => {
    if (!map) return
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: COLOUR, fillOpacity: 0.12, outlineColor: COLOUR, outlineWidth: 2 },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true } },
            },
          },
          styles: { selectedPolygonColor: COLOUR, selectedPolygonOutlineColor: COLOUR, selectionPointColor: '#ffffff' },
        }),
      ],
    })
    draw.start()
    const update = () => {
      const polygon = draw.getSnapshot().find((f) => f.geometry.type === 'Polygon')
      setArea(polygon ? (polygon.geometry as Polygon) : null)
    }
    draw.on('finish', (id) => {
      setDrawing(false)
      update()
      draw.setMode('select')
      draw.selectFeature(id)
    })
    // Corners dragged afterwards change the area; the polygon being drawn counts only once it is closed.
    draw.on('change', () => {
      if (draw.getMode() === 'select') update()
    })
    td.current = draw
    return () => {
      td.current = null
      draw.stop()
      setDrawing(false)
    }
  }, [map])

  const draw = useCallback(() => {
    td.current?.clear()
    td.current?.setMode('polygon')
    setArea(null)
    setDrawing(true)
  }, [])
  const clear = useCallback(() => {
    td.current?.clear()
    td.current?.setMode('static')
    setArea(null)
    setDrawing(false)
  }, [])
  return { area, drawing, draw, clear }
}
