// What the field map draws over the base map: the vector tiles around (stations, routes, poles, marked so
// that the service worker keeps them), the assignments coloured by where their record is, and the GPS fix.
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification } from 'maplibre-gl'
import type { MapOverlay } from '../map/overlays'
import { FONT } from '../map/style'
import type { LonLat } from './geo'
import type { Assignment } from './model'
import { FIELD_TILE_LAYERS, fieldTileUrl, TILE_ZOOMS } from './offline'

export const FIELD_LAYER = { targets: 'field-targets', targetLabels: 'field-target-labels', me: 'field-me' } as const

/** Where an assignment's record is: not yet made, on the device (waiting / failing / in conflict), or sent. */
export type TargetStage = 'todo' | 'device' | 'conflict' | 'sent'

const STAGE_COLOUR: Record<TargetStage, string> = {
  todo: '#15406b',
  device: '#c4670a',
  conflict: '#b42318',
  sent: '#0b6b45',
}

export function contextOverlays(): MapOverlay[] {
  const source = (layer: keyof typeof FIELD_TILE_LAYERS) => ({
    type: 'vector' as const,
    tiles: [fieldTileUrl(layer)],
    minzoom: TILE_ZOOMS.minZoom,
    maxzoom: FIELD_TILE_LAYERS[layer],
  })
  return [
    {
      id: 'field-routes',
      source: source('routes'),
      layers: [
        {
          id: 'field-routes-line',
          type: 'line',
          source: 'field-routes',
          'source-layer': 'routes',
          paint: { 'line-color': '#7a5af5', 'line-width': 2, 'line-opacity': 0.7 },
        },
      ],
    },
    {
      id: 'field-poles',
      source: source('poles'),
      layers: [
        {
          id: 'field-poles-dot',
          type: 'circle',
          source: 'field-poles',
          'source-layer': 'poles',
          minzoom: 14,
          filter: ['!', ['has', 'count']],
          paint: { 'circle-color': '#6b7280', 'circle-radius': 2.5 },
        },
      ],
    },
    {
      id: 'field-stations',
      source: source('stations'),
      layers: [
        {
          id: 'field-stations-dot',
          type: 'circle',
          source: 'field-stations',
          'source-layer': 'stations',
          filter: ['!', ['has', 'count']],
          paint: {
            'circle-color': '#ffffff',
            'circle-stroke-color': '#15406b',
            'circle-stroke-width': 1.5,
            'circle-radius': 4,
          },
        },
      ],
    },
  ]
}

export function targetsOverlay(items: readonly Assignment[], stageOf: (a: Assignment) => TargetStage): MapOverlay {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: items.map((a) => ({
      type: 'Feature',
      id: a.id,
      properties: { id: a.id, label: a.asset.label, stage: stageOf(a) },
      geometry: { type: 'Point', coordinates: [a.asset.lon, a.asset.lat] },
    })),
  }
  const colour: ExpressionSpecification = [
    'match',
    ['get', 'stage'],
    'device',
    STAGE_COLOUR.device,
    'conflict',
    STAGE_COLOUR.conflict,
    'sent',
    STAGE_COLOUR.sent,
    STAGE_COLOUR.todo,
  ]
  return {
    id: 'field-targets',
    source: { type: 'geojson', data },
    layers: [
      {
        id: FIELD_LAYER.targets,
        type: 'circle',
        source: 'field-targets',
        paint: {
          'circle-color': colour,
          'circle-radius': 10,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2.5,
        },
      },
      {
        id: FIELD_LAYER.targetLabels,
        type: 'symbol',
        source: 'field-targets',
        minzoom: 13,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [FONT.medium],
          'text-size': 13,
          'text-offset': [0, 1.3],
          'text-anchor': 'top',
        },
        paint: { 'text-color': '#18222f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  }
}

export function meOverlay(at: LonLat | null): MapOverlay {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : [],
  }
  return {
    id: 'field-me',
    source: { type: 'geojson', data },
    layers: [
      {
        id: FIELD_LAYER.me,
        type: 'circle',
        source: 'field-me',
        paint: {
          'circle-color': '#2e7bd1',
          'circle-radius': 7,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      },
    ],
  }
}
