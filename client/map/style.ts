import type { FeatureCollection } from 'geojson'
import type { FontFacesSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import viFont from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-500-normal.woff2?url'
import latinFont from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-500-normal.woff2?url'
import latinExtFont from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-500-normal.woff2?url'

/** Ids of the layers this app draws over any base style. */
export const LAYER = {
  districtFill: 'districts-fill',
  districtLine: 'districts-line',
  districtLabel: 'districts-label',
  picked: 'picked-point',
} as const
export type OverlayLayerId = (typeof LAYER)[keyof typeof LAYER]

export const SOURCE = { districts: 'districts', districtLabels: 'district-labels', picked: 'picked' } as const

const LABEL_FONT = 'Be Vietnam Pro Medium'

/**
 * Labels are drawn from WOFF2 files bundled with the app (the `font-faces` style property of
 * MapLibre 6), not from a glyphs server: it works offline and shapes Vietnamese letters with their
 * stacked marks (ậ, ữ, ở) through the browser's own text engine. Ranges as in @fontsource.
 */
const FONT_FACES: FontFacesSpecification = {
  [LABEL_FONT]: [
    { url: absolute(viFont), 'unicode-range': ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'] },
    { url: absolute(latinExtFont), 'unicode-range': ['U+0100-02BA', 'U+1E00-1E9F', 'U+1EF2-1EFF'] },
    { url: absolute(latinFont), 'unicode-range': ['U+0000-00FF', 'U+2000-206F'] },
  ],
}

function absolute(url: string): string {
  return new URL(url, location.href).href
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

// A restrained six-tone palette; neighbours may share a tone, the outline separates them.
const FILL_TONES = ['#dbe7f3', '#e3ecdf', '#efe6d6', '#e6e0ef', '#d9ecea', '#f1e1e1']

const OVERLAY_LAYERS: LayerSpecification[] = [
  {
    id: LAYER.districtFill,
    type: 'fill',
    source: SOURCE.districts,
    paint: {
      'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#9cc0e4', ['match', ['%', ['to-number', ['get', 'code'], 0], 6], 0, FILL_TONES[0]!, 1, FILL_TONES[1]!, 2, FILL_TONES[2]!, 3, FILL_TONES[3]!, 4, FILL_TONES[4]!, FILL_TONES[5]!]],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.85, 0.7],
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
    paint: { 'circle-radius': 6, 'circle-color': '#0f3b66', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
  {
    id: LAYER.districtLabel,
    type: 'symbol',
    source: SOURCE.districtLabels,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
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

/** The base style when no basemap is configured: a plain background, nothing fetched. */
export function offlineStyle(): StyleSpecification {
  return { version: 8, name: 'offline', sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f5f7' } }] }
}

/** A base style (offline or the configured basemap) with this app's sources, layers and label fonts on top. */
export function withOverlay(base: StyleSpecification): StyleSpecification {
  return {
    ...base,
    'font-faces': { ...(base['font-faces'] ?? {}), ...FONT_FACES },
    sources: {
      ...base.sources,
      [SOURCE.districts]: { type: 'geojson', data: EMPTY },
      [SOURCE.districtLabels]: { type: 'geojson', data: EMPTY },
      [SOURCE.picked]: { type: 'geojson', data: EMPTY },
    },
    layers: [...base.layers, ...OVERLAY_LAYERS],
  }
}

/** True for a layer that this app added (the rest belong to the base style). */
export const isOverlayLayer = (id: string): boolean => OVERLAY_LAYERS.some((l) => l.id === id)
