/** The poles the map has loaded from the `poles` tiles near the view, for snapping while drawing. */
import { useEffect, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { PolePoint } from './measure'
import { POLE_SOURCE } from './layers'

/**
 * Poles in the loaded tiles (one per pole from zoom 13, where the tiles stop counting them by cell),
 * read again each time the map goes idle from `minZoom` on. The tiles are what the user sees, and
 * they need no request of their own; positions are those of the tile grid (under a metre at zoom 14).
 */
export function useTilePoles(map: MapLibreMap | null, minZoom: number): PolePoint[] {
  const [poles, setPoles] = useState<PolePoint[]>([])
  useEffect(() => {
    if (!map) return
    const read = () => {
      if (map.getZoom() < minZoom || !map.getSource(POLE_SOURCE)) return setPoles((p) => (p.length === 0 ? p : []))
      const seen = new Set<number>()
      const found: PolePoint[] = []
      for (const f of map.querySourceFeatures(POLE_SOURCE, { sourceLayer: 'poles', filter: ['!', ['has', 'count']] })) {
        const id = Number(f.id)
        if (seen.has(id) || f.geometry.type !== 'Point') continue
        seen.add(id)
        const [lon, lat] = f.geometry.coordinates as [number, number]
        found.push({ id, lon, lat })
      }
      setPoles(found)
    }
    read()
    map.on('idle', read)
    return () => {
      map.off('idle', read)
    }
  }, [map, minZoom])
  return poles
}
