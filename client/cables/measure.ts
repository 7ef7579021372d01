/** Measuring and snapping while a route is drawn; pure functions, so they are tested without a map. */
import turfLength from '@turf/length'
import type { Position } from 'geojson'
import type { RouteGeometry } from './api'

/**
 * The length of a line being drawn, in metres, for the live preview only. Turf measures on a sphere
 * (haversine), which can differ from PostGIS's ellipsoidal `ST_Length(geography)` by a few tenths of a
 * percent; the stored length the server answers after saving is the one that counts.
 */
export function previewLengthM(geometry: RouteGeometry | null): number {
  if (!geometry) return 0
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates
  const drawn = lines.filter((l) => l.length >= 2)
  if (drawn.length === 0) return 0
  return (
    turfLength(
      { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: drawn } },
      { units: 'kilometers' },
    ) * 1000
  )
}

export interface PolePoint {
  id: number
  lon: number
  lat: number
}

type Project = (lon: number, lat: number) => { x: number; y: number }

/** The pole drawn nearest a point of the screen, if one is within `maxPx` pixels of it. */
export function nearestPole(
  cursor: { x: number; y: number },
  poles: readonly PolePoint[],
  project: Project,
  maxPx: number,
): PolePoint | null {
  let best: PolePoint | null = null
  let bestD2 = maxPx * maxPx
  for (const pole of poles) {
    const p = project(pole.lon, pole.lat)
    const d2 = (p.x - cursor.x) ** 2 + (p.y - cursor.y) ** 2
    if (d2 <= bestD2) {
      best = pole
      bestD2 = d2
    }
  }
  return best
}

/** The poles a line passes through: those a vertex was snapped onto (same position to 1e-9°). */
export function polesOnLine(coordinates: readonly Position[], poles: readonly PolePoint[]): number[] {
  const at = new Map(poles.map((p) => [`${p.lon.toFixed(9)},${p.lat.toFixed(9)}`, p.id]))
  const ids = coordinates.flatMap((c) => {
    const id = at.get(`${c[0]!.toFixed(9)},${c[1]!.toFixed(9)}`)
    return id === undefined ? [] : [id]
  })
  return [...new Set(ids)]
}
