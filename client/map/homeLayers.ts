/**
 * The home map's layers: what the layer tree chose (kept in localStorage), and the MapLibre overlays it draws —
 * stations and applications from the `stations` tiles, routes and poles from their tiles, planning zones and
 * conversion items as GeoJSON. Which rows a user gets is decided by the server (tiles and APIs are role-scoped).
 */
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl'
import { CABLE_LAYER, polesOverlay, routesOverlay } from '../cables/layers'
import type { Kind, Status as RouteStatus } from '../cables/model'
import { STATUS_COLOURS } from '../conversions/links'
import {
  stationCellsLayer,
  stationColour,
  stationDetailFilter,
  stationPointsLayer,
  stationsTileSource,
} from '../stations/layers'
import type { ColourBy } from '../stations/model'
import type { MapOverlay } from './overlays'

/** Station states of an application still being decided: drawn by the applications layer, not the stations one. */
export const APPLICATION_STATES = ['draft', 'submitted', 'field_checked', 'returned'] as const

export const HOME_LAYER = {
  stationCells: 'home-station-cells',
  stations: 'home-stations',
  applications: 'home-applications',
  zonesFill: 'home-zones-fill',
  zonesLine: 'home-zones-line',
  zonesLabel: 'home-zones-label',
  items: 'home-items',
} as const

export const ZONE_COLOURS: Record<string, string> = {
  a1_only: '#f79009',
  heritage: '#9e77ed',
  government: '#d92d20',
  main_street: '#2e90fa',
  residential: '#12b76a',
  rural: '#669f2a',
  other: '#667085',
}

export type GroupId = 'stations' | 'applications' | 'routes' | 'poles' | 'zones' | 'items' | 'districts'

export interface HomeLayers {
  on: Record<GroupId, boolean>
  districtLabels: boolean
  colourBy: ColourBy
  state: string
  carrier: string
  mastClass: string
  routeKind: '' | Kind
  routeStatus: '' | RouteStatus
  programme: number | null
}

export const DEFAULT_LAYERS: HomeLayers = {
  on: { stations: true, applications: true, routes: true, poles: true, zones: true, items: false, districts: true },
  districtLabels: true,
  colourBy: 'operator',
  state: '',
  carrier: '',
  mastClass: '',
  routeKind: '',
  routeStatus: '',
  programme: null,
}

/** The layer groups a role may see: the public only stations and districts (routes, poles, zones need a sign-in). */
export function groupsFor(role: string | null): GroupId[] {
  if (role === null) return ['stations', 'districts']
  return ['stations', 'applications', 'routes', 'poles', 'zones', 'items', 'districts']
}

const STORAGE = 'home-map-layers'

/** The layer choices kept from the last visit (on top of the defaults, so a new layer starts in its default). */
export function loadLayers(): HomeLayers {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE) ?? 'null') as Partial<HomeLayers> | null
    if (!saved || typeof saved !== 'object') return DEFAULT_LAYERS
    return { ...DEFAULT_LAYERS, ...saved, on: { ...DEFAULT_LAYERS.on, ...(saved.on ?? {}) } }
  } catch {
    return DEFAULT_LAYERS
  }
}

export function saveLayers(layers: HomeLayers): void {
  try {
    localStorage.setItem(STORAGE, JSON.stringify(layers))
  } catch {
    // storage may be blocked (private mode): the choice then lasts for this page only
  }
}

const visibility = (on: boolean) => ({ visibility: on ? ('visible' as const) : ('none' as const) })
const withVisibility = (layer: LayerSpecification, on: boolean): LayerSpecification =>
  ({ ...layer, layout: { ...(layer.layout ?? {}), ...visibility(on) } }) as LayerSpecification

/** Stations, the groups of them at province scale, and applications in progress: one source, three layers. */
export function stationsOverlay(l: HomeLayers, groups: readonly GroupId[]): MapOverlay {
  const inProgress: ExpressionSpecification = [
    'in',
    ['coalesce', ['get', 'state'], ''],
    ['literal', [...APPLICATION_STATES]],
  ]
  const filters = stationDetailFilter({ operator: l.carrier, mastClass: l.mastClass })
  const colour = stationColour(l.colourBy)
  const stationsOn = l.on.stations && groups.includes('stations')
  const appsOn = l.on.applications && groups.includes('applications')
  const stationFilter: FilterSpecification = [
    'all',
    ...filters,
    ['!', inProgress],
    ...(l.state ? [['==', ['get', 'state'], l.state] as ExpressionSpecification] : []),
  ]
  const layers: LayerSpecification[] = [
    withVisibility(stationCellsLayer(HOME_LAYER.stationCells), stationsOn || appsOn),
    withVisibility(stationPointsLayer(HOME_LAYER.stations, stationFilter, colour), stationsOn),
  ]
  if (groups.includes('applications'))
    layers.push({
      id: HOME_LAYER.applications,
      type: 'circle',
      source: 'stations',
      'source-layer': 'stations',
      filter: ['all', ...filters, inProgress],
      layout: visibility(appsOn),
      paint: {
        'circle-color': colour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3.5, 14, 6, 17, 9],
        'circle-stroke-color': '#dc6803',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 14, 2.5],
      },
    })
  return { id: 'stations', source: stationsTileSource(), layers }
}

/** Routes (by kind and progress) from the cables pages' overlay, shown or hidden as a group. */
export function homeRoutesOverlay(l: HomeLayers): MapOverlay {
  const o = routesOverlay({ kind: l.routeKind || undefined, status: l.routeStatus || undefined }, 0)
  return { ...o, layers: o.layers.map((layer) => withVisibility(layer, l.on.routes)) }
}

/** Poles one by one, from street zoom: the city's 150,000 poles are no help at province scale. */
export function homePolesOverlay(l: HomeLayers): MapOverlay {
  const o = polesOverlay()
  return {
    ...o,
    layers: o.layers
      .filter((layer) => layer.id === CABLE_LAYER.poles)
      .map((layer) => withVisibility({ ...layer, minzoom: 13 } as LayerSpecification, l.on.poles)),
  }
}

/** A colour per value of a feature property (grey for a value the table does not name). */
function colourBy(property: string, colours: Record<string, string>): ExpressionSpecification {
  return [
    'match',
    ['get', property],
    ...Object.entries(colours).flat(),
    '#667085',
  ] as unknown as ExpressionSpecification
}

export function zonesOverlay(l: HomeLayers, data: FeatureCollection): MapOverlay {
  const colour = colourBy('kind', ZONE_COLOURS)
  return {
    id: 'home-zones',
    source: { type: 'geojson', data },
    layers: [
      {
        id: HOME_LAYER.zonesFill,
        type: 'fill',
        source: 'home-zones',
        layout: visibility(l.on.zones),
        paint: { 'fill-color': colour, 'fill-opacity': 0.14 },
      },
      {
        id: HOME_LAYER.zonesLine,
        type: 'line',
        source: 'home-zones',
        layout: visibility(l.on.zones),
        paint: { 'line-color': colour, 'line-width': 1.5, 'line-dasharray': [2, 1] },
      },
      {
        id: HOME_LAYER.zonesLabel,
        type: 'symbol',
        source: 'home-zones',
        minzoom: 12,
        layout: {
          ...visibility(l.on.zones),
          'text-field': ['get', 'name'],
          'text-font': ['Be Vietnam Pro Medium'],
          'text-size': 11.5,
          'text-max-width': 10,
        },
        paint: { 'text-color': '#344054', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  }
}

export function itemsOverlay(l: HomeLayers, data: FeatureCollection): MapOverlay {
  const colour = colourBy('status', STATUS_COLOURS)
  return {
    id: 'home-items',
    source: { type: 'geojson', data },
    layers: [
      {
        id: HOME_LAYER.items,
        type: 'circle',
        source: 'home-items',
        layout: visibility(l.on.items),
        paint: {
          'circle-color': colour,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3, 13, 6, 16, 9],
          'circle-stroke-color': '#18222f',
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 14, 1.5],
        },
      },
    ],
  }
}

/** The layers a click reports, in the order a card prefers them. */
export const INTERACTIVE = [
  HOME_LAYER.items,
  HOME_LAYER.applications,
  HOME_LAYER.stations,
  HOME_LAYER.stationCells,
  CABLE_LAYER.poles,
  CABLE_LAYER.routesDone,
  CABLE_LAYER.routesBuilding,
  CABLE_LAYER.routesPlanned,
  HOME_LAYER.zonesFill,
] as const
