// The street basemap: a PMTiles archive served by this server and drawn with the Protomaps style in
// Vietnamese, or an online style URL; plus the choice between streets, imagery and nothing.
import { addProtocol, type LayerSpecification, type StyleSpecification } from 'maplibre-gl'
import { LIGHT, layers, type Flavor } from '@protomaps/basemaps'
import { Protocol } from 'pmtiles'
import type { BasemapSettings } from '../api/types'
import { FONT, offlineStyle } from './style'

addProtocol('pmtiles', new Protocol().tile)

export type BasemapMode = 'street' | 'imagery' | 'none'

const STREET_SOURCE = 'protomaps'
const OSM_CREDIT = '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a>'

// Labels in the app's own bundled fonts; no POI icons, as there is no sprite to fetch them from.
const FLAVOR: Flavor = { ...LIGHT, regular: FONT.regular, bold: FONT.medium, italic: FONT.italic, pois: undefined }

/** The style's layers without sprite icons: an icon-only layer goes, a labelled one keeps its text. */
function withoutIcons(list: LayerSpecification[]): LayerSpecification[] {
  return list.flatMap((layer): LayerSpecification[] => {
    if (layer.type !== 'symbol' || layer.layout?.['icon-image'] === undefined) return [layer]
    if (layer.layout['text-field'] === undefined) return []
    const { 'icon-image': _icon, ...layout } = layer.layout
    return [{ ...layer, layout }]
  })
}

/** The Protomaps light style, labelled in Vietnamese, over the archive at `url` (same origin). */
export function protomapsStyle(url: string): StyleSpecification {
  const archive = new URL(url, location.href).href
  return {
    version: 8,
    name: 'protomaps-vi',
    sources: { [STREET_SOURCE]: { type: 'vector', url: `pmtiles://${archive}`, attribution: OSM_CREDIT } },
    layers: withoutIcons(layers(STREET_SOURCE, FLAVOR, { lang: 'vi' }) as LayerSpecification[]),
  }
}

/** The base style to build the map on: the configured street basemap, or an empty one. */
export function baseStyle(settings: BasemapSettings | null): StyleSpecification | string {
  const street = settings?.street
  if (street?.kind === 'pmtiles') return protomapsStyle(street.url)
  if (street?.kind === 'style') return street.url
  return offlineStyle()
}

/** The choices the switch offers, in its order: only what is configured, and always "none". */
export function basemapModes(settings: BasemapSettings | null): BasemapMode[] {
  return [...(settings?.street ? ['street' as const] : []), ...(settings?.imagery ? ['imagery' as const] : []), 'none']
}

const STORAGE_KEY = 'telgis.basemap'

/** The mode last chosen on this device when it is still offered, else the first offered. */
export function initialMode(modes: BasemapMode[]): BasemapMode {
  const stored = localStorage.getItem(STORAGE_KEY)
  return modes.find((m) => m === stored) ?? modes[0]!
}

/** Remembers the chosen mode for the next map on this device. */
export function rememberMode(mode: BasemapMode): void {
  localStorage.setItem(STORAGE_KEY, mode)
}
