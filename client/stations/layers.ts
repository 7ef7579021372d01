/** The stations pages' map overlays: the big stations layer from vector tiles, list highlights, rings and zones. */
import type { Feature, FeatureCollection, Point } from 'geojson'
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl'
import type { MapOverlay } from '../map/overlays'
import { circle, colourExpression, type ColourBy } from './model'
import type { Station, StationContext } from './types'

export const STATION_LAYER = {
  point: 'stations-point',
  cluster: 'stations-cluster',
  nearest: 'stations-nearest',
  list: 'stations-list',
  selected: 'stations-selected',
  contextMast: 'context-mast',
} as const

export const RING_COLOURS: Record<string, string> = { spacing: '#d92d20', must_share: '#dc6803', duplicate: '#7a5af8' }
const FONT = ['Be Vietnam Pro Medium']

export interface TileFilters {
  operator?: string
  mastClass?: string
  state?: string
}

/** The `stations` vector tiles (from this origin: MapLibre's worker needs an absolute URL). */
export const stationsTileSource = (): VectorSourceSpecification => ({
  type: 'vector',
  tiles: [`${location.origin}/tiles/stations/{z}/{x}/{y}.mvt`],
  minzoom: 0,
  maxzoom: 14,
})

/** The station features (not the grid cells' counts) of one operator and mast class when they are chosen. */
export function stationDetailFilter(filters: Pick<TileFilters, 'operator' | 'mastClass'>): ExpressionSpecification[] {
  const detail: ExpressionSpecification[] = [['!', ['has', 'count']]]
  if (filters.operator) detail.push(['==', ['get', 'carrier'], filters.operator])
  if (filters.mastClass) detail.push(['==', ['get', 'mast_class'], filters.mastClass])
  return detail
}

/** The colour of a station feature by operator, mast class or state (the legend's palette). */
export function stationColour(colourBy: ColourBy): ExpressionSpecification {
  const property = colourBy === 'operator' ? 'carrier' : colourBy === 'mastClass' ? 'mast_class' : 'state'
  return colourExpression(colourBy, property) as ExpressionSpecification
}

/** Below zoom 10 the tiles send a count per grid cell: a dark dot sized by the count. */
export function stationCellsLayer(id: string): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: 'stations',
    'source-layer': 'stations',
    filter: ['has', 'count'],
    paint: {
      'circle-color': '#15406b',
      'circle-opacity': 0.55,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 3, 20, 7, 200, 14],
    },
  }
}

/** The stations one by one, coloured, growing with the zoom. */
export function stationPointsLayer(
  id: string,
  filter: FilterSpecification,
  colour: ExpressionSpecification,
): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: 'stations',
    'source-layer': 'stations',
    filter,
    paint: {
      'circle-color': colour,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 5, 17, 8],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 1.2],
    },
  }
}

/**
 * Every station the user may see, from the `stations` vector tiles (staff: all but drafts; a carrier: its own
 * and those in service; the public: in service). Below zoom 10 the server sends counts per grid cell.
 * Properties: carrier, mast_class and, for staff and own stations, site_code and state.
 */
export function stationsTileOverlay(
  colourBy: ColourBy,
  filters: TileFilters,
  nearestIds: readonly number[] = [],
): MapOverlay {
  const detail = stationDetailFilter(filters)
  if (filters.state) detail.push(['==', ['get', 'state'], filters.state])
  const layers: LayerSpecification[] = [
    stationCellsLayer(STATION_LAYER.cluster),
    stationPointsLayer(STATION_LAYER.point, ['all', ...detail], stationColour(colourBy)),
  ]
  if (nearestIds.length > 0) {
    layers.push({
      id: STATION_LAYER.nearest,
      type: 'circle',
      source: 'stations',
      'source-layer': 'stations',
      filter: ['in', ['id'], ['literal', [...nearestIds]]],
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#18222f',
        'circle-stroke-width': 2,
      },
    })
  }
  return { id: 'stations', source: stationsTileSource(), layers }
}

const point = (
  s: Pick<Station, 'id' | 'siteCode' | 'position'>,
  extra: Record<string, unknown> = {},
): Feature<Point> => ({
  type: 'Feature',
  id: s.id,
  properties: { id: s.id, siteCode: s.siteCode, ...extra },
  geometry: s.position,
})

/** The current page of the list as outlined points, and the selected station as a larger mark. */
export function listOverlay(stations: readonly Station[], selectedId: number | null): MapOverlay {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: stations.map((s) => point(s, { selected: s.id === selectedId })),
  }
  return {
    id: 'station-list',
    source: { type: 'geojson', data },
    layers: [
      {
        id: STATION_LAYER.list,
        type: 'circle',
        source: 'station-list',
        paint: {
          'circle-radius': 7,
          'circle-color': 'rgba(255,255,255,0.15)',
          'circle-stroke-color': '#15406b',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: STATION_LAYER.selected,
        type: 'circle',
        source: 'station-list',
        filter: ['==', ['get', 'selected'], true],
        paint: {
          'circle-radius': 11,
          'circle-color': 'rgba(21,64,107,0.18)',
          'circle-stroke-color': '#15406b',
          'circle-stroke-width': 3,
        },
      },
    ],
  }
}

/** Rings of the spacing, sharing and duplicate limits around a point, labelled with their radius. */
export function ringsOverlay(
  center: [number, number],
  rings: readonly { rule: string; radiusM: number }[],
  label: (rule: string, radiusM: number) => string,
): MapOverlay {
  const features = rings.map((r) =>
    circle(center, r.radiusM, {
      rule: r.rule,
      label: label(r.rule, r.radiusM),
      colour: RING_COLOURS[r.rule] ?? '#475467',
    }),
  )
  return {
    id: 'rings',
    source: { type: 'geojson', data: { type: 'FeatureCollection', features } },
    layers: [
      {
        id: 'rings-line',
        type: 'line',
        source: 'rings',
        paint: { 'line-color': ['get', 'colour'], 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      {
        id: 'rings-label',
        type: 'symbol',
        source: 'rings',
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'label'],
          'text-font': FONT,
          'text-size': 11.5,
          'text-offset': [0, -0.7],
        },
        paint: { 'text-color': ['get', 'colour'], 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  }
}

/** The officer's context around an application: the planning zones near it and the existing masts within 500 m. */
export function contextOverlays(ctx: StationContext): MapOverlay[] {
  const zones: FeatureCollection = {
    type: 'FeatureCollection',
    features: ctx.zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      properties: { name: z.name, classes: z.allowedClasses.join(', ') },
      geometry: z.geometry,
    })),
  }
  const masts: FeatureCollection = {
    type: 'FeatureCollection',
    features: ctx.masts.map((m) => ({
      type: 'Feature',
      id: m.id,
      properties: {
        id: m.id,
        siteCode: m.siteCode,
        operator: m.operator,
        label: `${m.siteCode} · ${Math.round(m.distanceM)} m`,
      },
      geometry: m.position,
    })),
  }
  return [
    {
      id: 'context-zones',
      source: { type: 'geojson', data: zones },
      layers: [
        {
          id: 'context-zone-fill',
          type: 'fill',
          source: 'context-zones',
          paint: { 'fill-color': '#f79009', 'fill-opacity': 0.12 },
        },
        {
          id: 'context-zone-line',
          type: 'line',
          source: 'context-zones',
          paint: { 'line-color': '#b54708', 'line-width': 1.5 },
        },
        {
          id: 'context-zone-label',
          type: 'symbol',
          source: 'context-zones',
          layout: {
            'text-field': ['concat', ['get', 'name'], ' (', ['get', 'classes'], ')'],
            'text-font': FONT,
            'text-size': 11.5,
            'text-max-width': 12,
          },
          paint: { 'text-color': '#93370d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      ],
    },
    {
      id: 'context-masts',
      source: { type: 'geojson', data: masts },
      layers: [
        {
          id: STATION_LAYER.contextMast,
          type: 'circle',
          source: 'context-masts',
          paint: {
            'circle-radius': 6,
            'circle-color': '#18222f',
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        },
        {
          id: 'context-mast-label',
          type: 'symbol',
          source: 'context-masts',
          minzoom: 14,
          layout: {
            'text-field': ['get', 'label'],
            'text-font': FONT,
            'text-size': 11,
            'text-offset': [0, 1.1],
            'text-anchor': 'top',
          },
          paint: { 'text-color': '#18222f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      ],
    },
  ]
}
