import { useMemo } from 'react'
import type { FeatureCollection } from 'geojson'
import type { Bounds } from '../map/geometry'
import type { MapOverlay } from '../map/overlays'
import { StationMap } from '../stations/StationMap'
import { useProvince } from '../stations/useProvince'

/** The colour of each change kind on the diff map (the legend and the table rows use the same). */
export const CHANGE_COLOURS = {
  added: '#12b76a',
  removed: '#d92d20',
  moved: '#f79009',
  changed: '#2e90fa',
} as const
/** The colour of a version's features by kind. */
const KIND_COLOURS = { site: '#1d4ed8', route: '#7a2e8e', area: '#0e9384' } as const

const byProperty = (property: string, table: Record<string, string>, fallback: string) =>
  ['match', ['get', property], ...Object.entries(table).flat(), fallback] as unknown as string

function boundsOfAny(fc: FeatureCollection): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number]
      w = Math.min(w, x)
      s = Math.min(s, y)
      e = Math.max(e, x)
      n = Math.max(n, y)
    } else if (Array.isArray(c)) for (const p of c) visit(p)
  }
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates)
  if (!Number.isFinite(w)) return null
  const pad = 0.002
  return [w - pad, s - pad, e + pad, n + pad]
}

/**
 * A plan's features on the province map: a version's (coloured by kind) or a diff's (coloured by change, the
 * property `change` of each feature). Fits itself to the features.
 */
export function PlanMap({
  data,
  colourBy,
  label,
}: {
  data: FeatureCollection
  colourBy: 'kind' | 'change'
  label: string
}) {
  const { basemap, districts } = useProvince()
  const bounds = useMemo(() => boundsOfAny(data), [data])
  const fit = useMemo(() => (bounds ? { bounds, seq: 1 } : null), [bounds])
  const colour =
    colourBy === 'change'
      ? byProperty('change', CHANGE_COLOURS, '#667085')
      : byProperty('kind', KIND_COLOURS, '#667085')
  const overlays = useMemo<MapOverlay[]>(
    () => [
      {
        id: 'plan-features',
        source: { type: 'geojson', data },
        layers: [
          {
            id: 'plan-areas',
            type: 'fill',
            source: 'plan-features',
            filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
            paint: { 'fill-color': colour, 'fill-opacity': 0.25, 'fill-outline-color': colour },
          },
          {
            id: 'plan-routes',
            type: 'line',
            source: 'plan-features',
            filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
            paint: { 'line-color': colour, 'line-width': 3 },
          },
          {
            id: 'plan-sites',
            type: 'circle',
            source: 'plan-features',
            filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
            paint: {
              'circle-color': colour,
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3, 14, 6, 17, 9],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 1.2,
            },
          },
        ],
      },
    ],
    [data, colour],
  )
  return (
    <div className="pl-map" data-testid="plan-map" data-colour-by={colourBy} data-features={data.features.length}>
      <StationMap
        basemap={basemap}
        districts={districts.data ?? null}
        fit={fit}
        overlays={overlays}
        label={label}
        onClick={() => undefined}
      />
    </div>
  )
}
