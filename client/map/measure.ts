/**
 * The home map's distance tool, as pure functions: the length of each leg between the points placed, their text,
 * and the overlay that draws them. Distances come from the one great-circle formula of the client (field/geo.ts).
 */
import type { Feature, FeatureCollection } from 'geojson'
import { distanceM, type LonLat } from '../field/geo'
import { formatCount, formatNumber, type Lang } from '../i18n/format'
import type { MapOverlay } from './overlays'

export const MEASURE_LAYER = {
  line: 'home-measure-line',
  points: 'home-measure-points',
  labels: 'home-measure-labels',
} as const

const COLOUR = '#101828'

/** The length in metres of each leg of a path through `points` (one fewer than the points). */
export function legLengthsM(points: readonly LonLat[]): number[] {
  return points.slice(1).map((p, i) => distanceM(points[i]!, p))
}

/** A measured length: whole metres below 1 km, else km to 10 m (vi "812 m", "1,62 km", "12,35 km"). */
export function formatLength(metres: number, lang: Lang): string {
  if (metres < 999.5) return `${formatCount(Math.round(metres), lang)} m`
  return `${formatNumber(metres / 1000, lang, 2, 2)} km`
}

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `metres`: the length of a scale bar. */
export function roundLength(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(metres))
  const step = [5, 2, 1].find((s) => s * power <= metres) ?? 1
  return step * power
}

/** The path, its points and each leg's length at the leg's middle, drawn above the other layers. */
export function measureOverlay(points: readonly LonLat[], lang: Lang): MapOverlay {
  const legs = legLengthsM(points)
  const features: Feature[] = points.map((p, i) => ({
    type: 'Feature',
    properties: { role: 'point', index: i },
    geometry: { type: 'Point', coordinates: p },
  }))
  if (points.length >= 2)
    features.push({
      type: 'Feature',
      properties: { role: 'path' },
      geometry: { type: 'LineString', coordinates: points.map((p) => [...p]) },
    })
  legs.forEach((m, i) => {
    const [a, b] = [points[i]!, points[i + 1]!]
    features.push({
      type: 'Feature',
      properties: { role: 'leg', label: formatLength(m, lang) },
      geometry: { type: 'Point', coordinates: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] },
    })
  })
  const data: FeatureCollection = { type: 'FeatureCollection', features }
  return {
    id: 'home-measure',
    source: { type: 'geojson', data },
    layers: [
      {
        id: MEASURE_LAYER.line,
        type: 'line',
        source: 'home-measure',
        filter: ['==', ['get', 'role'], 'path'],
        paint: { 'line-color': COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
      },
      {
        id: MEASURE_LAYER.points,
        type: 'circle',
        source: 'home-measure',
        filter: ['==', ['get', 'role'], 'point'],
        paint: {
          'circle-radius': 5,
          'circle-color': '#ffffff',
          'circle-stroke-color': COLOUR,
          'circle-stroke-width': 2,
        },
      },
      {
        id: MEASURE_LAYER.labels,
        type: 'symbol',
        source: 'home-measure',
        filter: ['==', ['get', 'role'], 'leg'],
        layout: {
          'text-field': ['get', 'label'],
          // the style's FONT.medium (style.ts reads the page's address, so it is not imported by pure code)
          'text-font': ['Be Vietnam Pro Medium'],
          'text-size': 12,
          'text-offset': [0, -1],
          'text-allow-overlap': true,
        },
        paint: { 'text-color': COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
    ],
  }
}
