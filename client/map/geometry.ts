import area from '@turf/area'
import polylabel from 'polylabel'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson'

export type Bounds = [west: number, south: number, east: number, north: number]

/** The bounding box of a collection of polygons, or null when it is empty. */
export function boundsOf(fc: FeatureCollection<Polygon | MultiPolygon>): Bounds | null {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  const visit = (p: Position) => {
    const [x, y] = p as [number, number]
    if (x < west) west = x
    if (x > east) east = x
    if (y < south) south = y
    if (y > north) north = y
  }
  for (const f of fc.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit)
  }
  return Number.isFinite(west) ? [west, south, east, north] : null
}

/**
 * One label point per feature, inside its largest polygon (the pole of inaccessibility), so that a
 * name is written once and never outside a concave district.
 */
export function labelPoints<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = []
  for (const f of fc.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    let best: Position[][] | undefined
    let bestArea = -1
    for (const polygon of polygons) {
      const a = area({ type: 'Polygon', coordinates: polygon })
      if (a > bestArea) {
        bestArea = a
        best = polygon
      }
    }
    if (!best) continue
    const [x, y] = polylabel(best as [number, number][][], 0.0005)
    features.push({
      type: 'Feature',
      id: f.id,
      properties: f.properties,
      geometry: { type: 'Point', coordinates: [x, y] },
    })
  }
  return { type: 'FeatureCollection', features }
}
