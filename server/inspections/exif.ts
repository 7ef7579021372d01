// The time and place a photo was taken, from its EXIF (read with exifr, a maintained parser; never by hand).
import exifr from 'exifr'
import { gateGeometry } from '../geo/gate'

export interface PhotoExif {
  /** DateTimeOriginal as an ISO instant (its OffsetTimeOriginal, else Vietnam's time zone), or null. */
  takenAt: string | null
  lon: number | null
  lat: number | null
}

const NONE: PhotoExif = { takenAt: null, lon: null, lat: null }

/** Degrees from EXIF's [degrees, minutes, seconds] (or a plain number) and its reference letter. */
function degrees(value: unknown, ref: unknown, negative: string): number | null {
  const parts = Array.isArray(value) ? value.map(Number) : typeof value === 'number' ? [value] : []
  if (parts.length === 0 || parts.some((p) => !Number.isFinite(p))) return null
  const [d = 0, m = 0, s = 0] = parts
  const abs = d + m / 60 + s / 3600
  return String(ref ?? '').toUpperCase() === negative ? -abs : abs
}

/** Vietnam's offset: the country has kept +07:00, without daylight saving, since 1975. */
const VIETNAM_OFFSET = '+07:00'
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/
const OFFSET = /^[+-]\d{2}:\d{2}$/

/** EXIF's local "YYYY:MM:DD HH:MM:SS" with its offset (Vietnam's when the camera wrote none) as an ISO instant. */
function instant(value: unknown, offset: unknown): string | null {
  const m = EXIF_TIME.exec(String(value ?? ''))
  if (!m) return null
  const zone = typeof offset === 'string' && OFFSET.test(offset.trim()) ? offset.trim() : VIETNAM_OFFSET
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`)
  const year = date.getUTCFullYear()
  return Number.isNaN(date.getTime()) || year < 1990 || year > 2100 ? null : date.toISOString()
}

/**
 * Reads DateTimeOriginal and the GPS position of a JPEG, PNG or WebP photo. A photo without EXIF, with a broken
 * EXIF block, or with a position outside Vietnam (a phone without a fix writes 0,0) gives nulls: the photo is still
 * kept.
 */
export async function readExif(bytes: Buffer): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined
  try {
    tags = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      reviveValues: false,
      translateValues: false,
      translateKeys: true,
      mergeOutput: true,
    })
  } catch {
    return NONE
  }
  if (!tags) return NONE
  const takenAt = instant(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal)
  const lat = degrees(tags.GPSLatitude, tags.GPSLatitudeRef, 'S')
  const lon = degrees(tags.GPSLongitude, tags.GPSLongitudeRef, 'W')
  if (lat === null || lon === null) return { ...NONE, takenAt }
  const gated = gateGeometry({ type: 'Point', coordinates: [lon, lat] }, { types: ['Point'] })
  if (!gated.ok) return { ...NONE, takenAt }
  const [x, y] = gated.geometry.coordinates as [number, number]
  return { takenAt, lon: x, lat: y }
}
