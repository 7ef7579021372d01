import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, FontFacesSpecification } from 'maplibre-gl'
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'
import vi400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url'
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url'
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?url'
import vi400i from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-italic.woff2?url'
import latin400i from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-italic.woff2?url'
import latinExt400i from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-italic.woff2?url'
import vi500 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-500-normal.woff2?url'
import latin500 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-500-normal.woff2?url'
import latinExt500 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-500-normal.woff2?url'

/** Ids of the layers this app draws over any base style. */
export const LAYER = {
  districtFill: 'districts-fill',
  districtLine: 'districts-line',
  districtLabel: 'districts-label',
  picked: 'picked-point',
} as const
export type OverlayLayerId = (typeof LAYER)[keyof typeof LAYER]

/** Layers under the base style's own: a plain background, and the imagery above the street layers. */
export const BASE_LAYER = { background: 'app-background', imagery: 'basemap-imagery' } as const

export const SOURCE = {
  districts: 'districts',
  districtLabels: 'district-labels',
  picked: 'picked',
  imagery: 'basemap-imagery',
} as const

/** The font names the app's labels and the street basemap's labels ask for in `text-font`. */
export const FONT = {
  regular: 'Be Vietnam Pro Regular',
  medium: 'Be Vietnam Pro Medium',
  italic: 'Be Vietnam Pro Italic',
} as const

/**
 * Labels are drawn from WOFF2 files bundled with the app (the `font-faces` style property of
 * MapLibre 6), not from a glyphs server: it works offline and shapes Vietnamese letters with their
 * stacked marks (ậ, ữ, ở) through the browser's own text engine. Ranges as in @fontsource; a file is
 * fetched (from this server) only when a label needs it.
 */
function faces(vietnamese: string, latinExt: string, latin: string) {
  return [
    {
      url: absolute(vietnamese),
      'unicode-range': [
        'U+0102-0103',
        'U+0110-0111',
        'U+0128-0129',
        'U+0168-0169',
        'U+01A0-01A1',
        'U+01AF-01B0',
        'U+0300-0301',
        'U+0303-0304',
        'U+0308-0309',
        'U+0323',
        'U+0329',
        'U+1EA0-1EF9',
        'U+20AB',
      ],
    },
    { url: absolute(latinExt), 'unicode-range': ['U+0100-02BA', 'U+1E00-1E9F', 'U+1EF2-1EFF'] },
    { url: absolute(latin), 'unicode-range': ['U+0000-00FF', 'U+2000-206F'] },
  ]
}

const FONT_FACES: FontFacesSpecification = {
  [FONT.regular]: faces(vi400, latinExt400, latin400),
  [FONT.medium]: faces(vi500, latinExt500, latin500),
  [FONT.italic]: faces(vi400i, latinExt400i, latin400i),
}

function absolute(url: string): string {
  return new URL(url, location.href).href
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** District fill opacity: lighter over a street basemap or imagery, so streets and names show through. */
export function districtFillOpacity(overBasemap: boolean): ExpressionSpecification {
  const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]
  return ['case', selected, overBasemap ? 0.45 : 0.85, overBasemap ? 0.25 : 0.7]
}

// A restrained six-tone palette; neighbours may share a tone, the outline separates them.
const FILL_TONES = ['#dbe7f3', '#e3ecdf', '#efe6d6', '#e6e0ef', '#d9ecea', '#f1e1e1']

const OVERLAY_LAYERS: LayerSpecification[] = [
  {
    id: LAYER.districtFill,
    type: 'fill',
    source: SOURCE.districts,
    paint: {
      'fill-color': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        '#9cc0e4',
        [
          'match',
          ['%', ['to-number', ['get', 'code'], 0], 6],
          0,
          FILL_TONES[0]!,
          1,
          FILL_TONES[1]!,
          2,
          FILL_TONES[2]!,
          3,
          FILL_TONES[3]!,
          4,
          FILL_TONES[4]!,
          FILL_TONES[5]!,
        ],
      ],
      'fill-opacity': districtFillOpacity(false),
    },
  },
  {
    id: LAYER.districtLine,
    type: 'line',
    source: SOURCE.districts,
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#0f3b66', '#5a7391'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2],
    },
  },
  {
    id: LAYER.picked,
    type: 'circle',
    source: SOURCE.picked,
    paint: {
      'circle-radius': 6,
      'circle-color': '#0f3b66',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: LAYER.districtLabel,
    type: 'symbol',
    source: SOURCE.districtLabels,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT.medium],
      'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 12, 14, 15, 17],
      'text-max-width': 8,
      'text-padding': 2,
      // Letting a name move off its point a little fits more names at the province-wide zoom.
      'text-variable-anchor': ['center', 'top', 'bottom'],
      'text-radial-offset': 0.6,
    },
    paint: { 'text-color': '#1d2b3a', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 },
  },
]

/** The base style when no street basemap is configured: nothing of its own, nothing fetched. */
export function offlineStyle(): StyleSpecification {
  return { version: 8, name: 'offline', sources: {}, layers: [] }
}

/** An XYZ imagery template and its credit, drawn above the street layers when chosen. */
export interface ImagerySource {
  tiles: string
  attribution: string | null
}

const BACKGROUND: LayerSpecification = {
  id: BASE_LAYER.background,
  type: 'background',
  paint: { 'background-color': '#f3f5f7' },
}

/**
 * A base style (offline or a street basemap) with this app's background under it, the imagery (hidden
 * until chosen) over it, and this app's sources, layers and label fonts on top.
 */
export function withOverlay(base: StyleSpecification, imagery: ImagerySource | null): StyleSpecification {
  const imagerySources: StyleSpecification['sources'] = imagery
    ? {
        [SOURCE.imagery]: {
          type: 'raster',
          tiles: [imagery.tiles],
          tileSize: 256,
          // most imagery services stop at 19; deeper views enlarge those tiles
          maxzoom: 19,
          ...(imagery.attribution ? { attribution: imagery.attribution } : {}),
        },
      }
    : {}
  const imageryLayers: LayerSpecification[] = imagery
    ? [{ id: BASE_LAYER.imagery, type: 'raster', source: SOURCE.imagery, layout: { visibility: 'none' } }]
    : []
  return {
    ...base,
    'font-faces': { ...(base['font-faces'] ?? {}), ...FONT_FACES },
    sources: {
      ...base.sources,
      ...imagerySources,
      [SOURCE.districts]: { type: 'geojson', data: EMPTY },
      [SOURCE.districtLabels]: { type: 'geojson', data: EMPTY },
      [SOURCE.picked]: { type: 'geojson', data: EMPTY },
    },
    layers: [BACKGROUND, ...base.layers, ...imageryLayers, ...OVERLAY_LAYERS],
  }
}

/** True for a layer that this app added (the rest belong to the base style). */
export const isOverlayLayer = (id: string): boolean => OVERLAY_LAYERS.some((l) => l.id === id)
