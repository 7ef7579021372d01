// Zipped Shapefiles through shpjs (.shp, .dbf with its .cpg code page, .prj reprojected to WGS84 by proj4).
import { unzipSync } from 'fflate'
import { parseZip } from 'shpjs'

/** A zipped Shapefile must not expand beyond this (a zip bomb would otherwise fill the memory). */
export const MAX_SHP_EXPANDED_BYTES = 256 * 1024 * 1024

export interface ShpFeature {
  geometry: unknown
  properties: Record<string, unknown>
}

export type ShpResult = { ok: true; features: ShpFeature[] } | { ok: false; problem: string }

/** Reads a zip holding one Shapefile layer (several layers are refused: a plan version is one list). */
export async function readShapefileZip(bytes: Uint8Array): Promise<ShpResult> {
  let expanded = 0
  let layers = 0
  try {
    unzipSync(bytes, {
      filter: (file) => {
        expanded += file.originalSize
        if (file.name.toLowerCase().endsWith('.shp') && !file.name.includes('__MACOSX')) layers++
        return false
      },
    })
  } catch (err) {
    return { ok: false, problem: `The Shapefile archive cannot be read: ${(err as Error).message}` }
  }
  if (expanded > MAX_SHP_EXPANDED_BYTES) return { ok: false, problem: 'The archive expands to more than 256 MB.' }
  if (layers === 0) return { ok: false, problem: 'The zip archive holds no .shp file.' }
  if (layers > 1) return { ok: false, problem: `The zip archive holds ${layers} Shapefile layers; send one.` }
  let read: { features: { geometry: unknown; properties: Record<string, unknown> | null }[] }
  try {
    read = (await parseZip(bytes)) as typeof read
  } catch (err) {
    return { ok: false, problem: `The Shapefile cannot be read: ${(err as Error).message}` }
  }
  return {
    ok: true,
    features: read.features.map((f) => ({ geometry: f.geometry ?? null, properties: { ...(f.properties ?? {}) } })),
  }
}
