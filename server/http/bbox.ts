import { invalid } from './problems'

/** Largest side of a bounding box in degrees: a view over a province or the country, never the whole globe. */
export const MAX_BBOX_DEGREES = 20

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number]

/**
 * Reads `minLon,minLat,maxLon,maxLat` in WGS84 degrees: four finite numbers, longitudes within ±180 and latitudes
 * within ±90, min below max, each side at most MAX_BBOX_DEGREES. Anything else is a 422 naming `path`.
 */
export function parseBbox(text: string, path = 'query.bbox'): Bbox {
  const parts = text.split(',')
  const n = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)))
  const [minLon, minLat, maxLon, maxLat] = n as Bbox
  const problem =
    n.length !== 4 || n.some((v) => !Number.isFinite(v))
      ? 'Use bbox=minLon,minLat,maxLon,maxLat: four numbers.'
      : [minLon, maxLon].some((v) => Math.abs(v) > 180) || [minLat, maxLat].some((v) => Math.abs(v) > 90)
        ? 'Longitudes are within -180…180 and latitudes within -90…90 degrees.'
        : !(minLon < maxLon && minLat < maxLat)
          ? 'The minimum is below the maximum on both axes.'
          : maxLon - minLon > MAX_BBOX_DEGREES || maxLat - minLat > MAX_BBOX_DEGREES
            ? `Each side of the bbox is at most ${MAX_BBOX_DEGREES} degrees.`
            : null
  if (problem) throw invalid('bbox.invalid', [{ path, message: problem }])
  return [minLon, minLat, maxLon, maxLat]
}
