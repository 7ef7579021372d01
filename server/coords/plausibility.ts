// Pure rules for telling a coordinate pair's kind and order. No conversion happens here: the SQL
// places both readings of a projected pair, and these rules judge the result.
import { VIETNAM_EXTENT } from '../geo/extent'

export const SYSTEMS = ['wgs84', 'vn2000-geo', 'vn2000-tm3'] as const
export type CoordSystem = (typeof SYSTEMS)[number]

/** SRID of WGS84 and of geographic VN-2000 with the pinned transformation (migration 002). */
export const WGS84_SRID = 4326
export const VN2000_GEO_SRID = 974756

/**
 * A projected pair read the wrong way round lands at or below 7.2°N (a mainland easting taken for a
 * northing), so telling a pair's order needs a southern limit above that: 7.5°, which still takes in most
 * Trường Sa features. The rest of the box is the country's extent.
 */
const ORDER_SAFE_MIN_LAT = 7.5

/** Vietnam's extent (server/geo/extent.ts) as the coordinate checks use it, with the southern limit above. */
export const VIETNAM = {
  lon: { min: VIETNAM_EXTENT.minLon, max: VIETNAM_EXTENT.maxLon },
  lat: { min: Math.max(VIETNAM_EXTENT.minLat, ORDER_SAFE_MIN_LAT), max: VIETNAM_EXTENT.maxLat },
} as const

/**
 * The box a TM-3 [easting, northing] must be in before PROJ is asked to place it: generous enough for
 * offshore islands in their province's zone (Trường Sa lies ~850 km east of Khánh Hòa's meridian).
 */
export const TM3_BOX = { first: { min: 0, max: 1_500_000 }, second: { min: 0, max: 3_000_000 } } as const

export type LonLat = readonly [number, number]
export type Reading = 'given' | 'swapped' | 'both' | 'neither'

/** True when a WGS84 or VN-2000 [lon, lat] lies in Vietnam's extent. */
export function inVietnam(p: LonLat | null): boolean {
  if (!p) return false
  const [lon, lat] = p
  return lon >= VIETNAM.lon.min && lon <= VIETNAM.lon.max && lat >= VIETNAM.lat.min && lat <= VIETNAM.lat.max
}

/** Which readings of a pair land in Vietnam, given where each one lands (null: could not be placed). */
export function readingOf(asGiven: LonLat | null, swapped: LonLat | null): Reading {
  const g = inVietnam(asGiven)
  const s = inVietnam(swapped)
  return g && s ? 'both' : g ? 'given' : s ? 'swapped' : 'neither'
}

/** SRID of a system; a TM-3 one needs the zone's SRID. */
export function sridOf(system: CoordSystem, zoneSrid: number | undefined): number {
  if (system === 'wgs84') return WGS84_SRID
  if (system === 'vn2000-geo') return VN2000_GEO_SRID
  if (zoneSrid === undefined) throw new Error('A TM-3 system needs a zone')
  return zoneSrid
}

export const isGeographic = (system: CoordSystem) => system !== 'vn2000-tm3'

/** The box both readings of a pair in `system` must be in before SQL places them. */
export function boxOf(system: CoordSystem): [number, number, number, number] {
  return isGeographic(system)
    ? [VIETNAM.lon.min, VIETNAM.lon.max, VIETNAM.lat.min, VIETNAM.lat.max]
    : [TM3_BOX.first.min, TM3_BOX.first.max, TM3_BOX.second.min, TM3_BOX.second.max]
}

/** How a bare pair of numbers looks: degrees, metres, or neither. */
export function kindOfPair(a: number, b: number): 'geographic' | 'projected' | 'unknown' {
  if (Math.abs(a) <= 180 && Math.abs(b) <= 180) return 'geographic'
  if (a >= 1000 && b >= 1000) return 'projected'
  return 'unknown'
}

/** Half the width of a 3° TM zone: a province's own points lie within this of its zone's central meridian. */
export const ZONE_HALF_WIDTH_DEG = 1.5

/**
 * Whether a point placed through a province's zone looks like it belongs to another zone: outside the province
 * (when its boundary is known: `inProvince` true/false), else outside the zone's 3° band. Plane numbers surveyed
 * in a neighbour's zone convert without any error, tens of kilometres away, so this can only warn.
 */
export function fromAnotherZone(lon: number, centralMeridian: number, inProvince: boolean | null): boolean {
  if (inProvince !== null) return !inProvince
  return Math.abs(lon - centralMeridian) > ZONE_HALF_WIDTH_DEG
}

/** 105.75 → "105°45′". */
export function formatMeridian(degrees: number): string {
  const whole = Math.floor(degrees)
  const minutes = Math.round((degrees - whole) * 60)
  return `${whole}°${String(minutes).padStart(2, '0')}′`
}

/** Rounds to 3 decimals for metres and 9 for degrees (0.1 mm on the ground either way). */
export function roundFor(system: CoordSystem, value: number): number {
  const factor = isGeographic(system) ? 1e9 : 1e3
  return Math.round(value * factor) / factor
}

const pair = (a: number, b: number) => `[${a}, ${b}]`

/** The English message for a point that failed, saying what was probably meant. */
export function pointProblem(
  system: CoordSystem,
  reading: 'swapped' | 'neither',
  a: number,
  b: number,
  zoneLabel?: string,
): string {
  if (isGeographic(system)) {
    if (reading === 'swapped') {
      return (
        `${pair(a, b)} looks like [lat, lon]: as [lon, lat] it is outside Vietnam. ` +
        `Did you mean ${pair(b, a)}? Points are [longitude, latitude].`
      )
    }
    return (
      `${pair(a, b)} as [lon, lat] is outside Vietnam (longitude ${VIETNAM.lon.min}–${VIETNAM.lon.max}°, ` +
      `latitude ${VIETNAM.lat.min}–${VIETNAM.lat.max}°).`
    )
  }
  if (reading === 'swapped') {
    return (
      `${pair(a, b)} looks like [northing, easting] (X, Y in the Vietnamese survey order): ` +
      'as [easting, northing] it lands outside Vietnam. ' +
      `Did you mean ${pair(b, a)}? Points are [easting (Y), northing (X)].`
    )
  }
  return (
    `${pair(a, b)} as [easting, northing] in ${zoneLabel ?? 'this zone'} does not land in Vietnam. ` +
    'In Vietnam eastings are about ' +
    `300 000–800 000 m and northings 950 000–2 600 000 m; check the numbers and the province.`
  )
}
