// KML and KMZ through maintained libraries: @xmldom/xmldom for XML (numeric entities, CDATA), @tmcw/togeojson
// for Placemarks to GeoJSON features, fflate for the KMZ zip.
import { DOMParser } from '@xmldom/xmldom'
import { kml } from '@tmcw/togeojson'
import { unzipSync } from 'fflate'
import { xmlStructureProblem } from './xml-guard'

/** A feature as togeojson answers it: the placemark's geometry (or null) and its name and ExtendedData. */
export interface KmlFeature {
  geometry: unknown
  properties: Record<string, unknown>
}

export type KmlResult = { ok: true; features: KmlFeature[] } | { ok: false; problem: string }

/** A KMZ must not expand beyond this (a zip bomb would otherwise fill the memory). */
export const MAX_KMZ_EXPANDED_BYTES = 64 * 1024 * 1024

/** Reads KML text into GeoJSON features, one per Placemark. */
export function readKmlText(text: string): KmlResult {
  const structure = xmlStructureProblem(text)
  if (structure) return { ok: false, problem: `The file is not well-formed XML: ${structure}.` }
  const errors: string[] = []
  let doc: Document
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message)
      },
    }).parseFromString(text, 'text/xml') as unknown as Document
  } catch (err) {
    return { ok: false, problem: `The file is not well-formed XML: ${(err as Error).message}` }
  }
  if (errors.length > 0) return { ok: false, problem: `The file is not well-formed XML: ${errors[0]}` }
  if (doc.documentElement?.localName !== 'kml')
    return { ok: false, problem: 'The file is not KML: there is no <kml> element.' }
  const features = kml(doc).features.map((f) => ({ geometry: f.geometry, properties: { ...(f.properties ?? {}) } }))
  if (features.length === 0) return { ok: false, problem: 'The KML file has no Placemark.' }
  return { ok: true, features }
}

/** Reads a KMZ (zip) archive: its doc.kml, or else its first .kml file. */
export function readKmz(bytes: Uint8Array): KmlResult {
  let expanded = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.toLowerCase().endsWith('.kml')) return false
        expanded += file.originalSize
        if (expanded > MAX_KMZ_EXPANDED_BYTES) throw new Error('the archive expands to more than 64 MB')
        return true
      },
    })
  } catch (err) {
    return { ok: false, problem: `The KMZ archive cannot be read: ${(err as Error).message}` }
  }
  const names = Object.keys(files)
  const name = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names.sort()[0]
  if (!name) return { ok: false, problem: 'The KMZ archive holds no .kml file.' }
  return readKmlText(new TextDecoder('utf-8').decode(files[name]))
}
