/** The cables pages' map overlays: routes and poles from the vector tiles, the selected route on top. */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl'
import type { MapOverlay } from '../map/overlays'
import type { CableRouteDetail, RouteFilters } from './api'
import { KIND_COLOURS } from './model'

export const CABLE_LAYER = {
  routesDone: 'cable-routes-done',
  routesBuilding: 'cable-routes-building',
  routesPlanned: 'cable-routes-planned',
  poleCells: 'cable-pole-cells',
  poleCellCount: 'cable-pole-cell-count',
  poles: 'cable-poles',
  selected: 'cable-route-selected',
} as const

export const ROUTE_SOURCE = 'cable-routes'
export const POLE_SOURCE = 'cable-poles'
const FONT = ['Be Vietnam Pro Medium']

// MapLibre's worker fetches tiles, so the address must be absolute. A new revision is a new address:
// MapLibre keeps tiles it has loaded, and after an edit they must be fetched again.
const tileUrl = (layer: string, revision = 0) =>
  `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt${revision ? `?r=${revision}` : ''}`

const kindColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'underground',
  KIND_COLOURS.underground,
  'tidying',
  KIND_COLOURS.tidying,
  'relocation',
  KIND_COLOURS.relocation,
  'unlicensed',
  KIND_COLOURS.unlicensed,
  '#667085',
]
const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 9, 1, 13, 2.2, 17, 4.5]

/**
 * Every route the user may see, from the `routes` tiles (a carrier's tiles hold only its own routes;
 * below zoom 12 the server sends one line per kind and status). Colour is the kind; done work is a
 * solid line, work under construction dashed, planned work dotted.
 */
export function routesOverlay(filters: RouteFilters, revision: number): MapOverlay {
  const where: ExpressionSpecification[] = []
  if (filters.kind) where.push(['==', ['get', 'kind'], filters.kind])
  if (filters.status) where.push(['==', ['get', 'status'], filters.status])
  // Only staff tiles name the carriers; a carrier's own tiles need no carrier filter.
  if (filters.carrier)
    where.push(['in', `,${filters.carrier},`, ['concat', ',', ['coalesce', ['get', 'carriers'], ''], ',']])
  const band = (statuses: string[]): FilterSpecification => [
    'all',
    ['in', ['get', 'status'], ['literal', statuses]],
    ...where,
  ]
  const line = (id: string, statuses: string[], dash?: number[]): LayerSpecification => ({
    id,
    type: 'line',
    source: ROUTE_SOURCE,
    'source-layer': 'routes',
    filter: band(statuses),
    layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': kindColour,
      'line-width': width,
      ...(dash ? { 'line-dasharray': dash } : {}),
      'line-opacity': 0.9,
    },
  })
  return {
    id: ROUTE_SOURCE,
    source: { type: 'vector', tiles: [tileUrl('routes', revision)], minzoom: 0, maxzoom: 14 },
    layers: [
      line(CABLE_LAYER.routesPlanned, ['planned'], [1, 1.5]),
      line(CABLE_LAYER.routesBuilding, ['under_construction'], [3, 1.5]),
      line(CABLE_LAYER.routesDone, ['completed', 'accepted']),
    ],
  }
}

/**
 * The poles from the `poles` tiles: below zoom 13 one circle per grid cell sized by its `count`
 * (150,000 poles would otherwise be 150,000 circles at city scale), then one small circle per pole.
 */
export function polesOverlay(): MapOverlay {
  const cell: FilterSpecification = ['has', 'count']
  return {
    id: POLE_SOURCE,
    source: { type: 'vector', tiles: [tileUrl('poles')], minzoom: 0, maxzoom: 14 },
    layers: [
      {
        id: CABLE_LAYER.poleCells,
        type: 'circle',
        source: POLE_SOURCE,
        'source-layer': 'poles',
        filter: cell,
        paint: {
          'circle-color': '#475467',
          'circle-opacity': 0.3,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.5,
          // a cell covers more ground (and more poles) at a lower zoom: keep the circles small there so they do not
          // merge
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            ['interpolate', ['linear'], ['get', 'count'], 1, 1, 3000, 5],
            12,
            ['interpolate', ['linear'], ['get', 'count'], 1, 1.5, 50, 4, 500, 9],
          ],
        },
      },
      {
        id: CABLE_LAYER.poleCellCount,
        type: 'symbol',
        source: POLE_SOURCE,
        'source-layer': 'poles',
        minzoom: 11,
        filter: ['all', cell, ['>=', ['get', 'count'], 100]],
        layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': FONT, 'text-size': 10 },
        paint: { 'text-color': '#1d2939', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
      },
      {
        id: CABLE_LAYER.poles,
        type: 'circle',
        source: POLE_SOURCE,
        'source-layer': 'poles',
        filter: ['!', cell],
        paint: {
          'circle-color': '#344054',
          'circle-stroke-color': '#ffffff',
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1.6, 16, 3.5, 18, 5],
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 0.3, 16, 1],
        },
      },
    ],
  }
}

/** The route open in the panel, drawn wide under a halo so it stands out of the network. */
export function selectedOverlay(route: CableRouteDetail | null): MapOverlay {
  const features = route
    ? [{ type: 'Feature' as const, id: route.id, properties: { kind: route.kind }, geometry: route.geometry }]
    : []
  return {
    id: 'cable-route-selected',
    source: { type: 'geojson', data: { type: 'FeatureCollection', features } },
    layers: [
      {
        id: `${CABLE_LAYER.selected}-halo`,
        type: 'line',
        source: 'cable-route-selected',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 9, 'line-opacity': 0.9 },
      },
      {
        id: CABLE_LAYER.selected,
        type: 'line',
        source: 'cable-route-selected',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': kindColour, 'line-width': 5 },
      },
    ],
  }
}
