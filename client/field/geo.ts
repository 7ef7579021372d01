// Distance and direction from the inspector to a target, on the sphere (enough for a walk across a city), and
// their Vietnamese / English text through the one number formatter.
import { formatCount, formatNumber, type Lang } from '../../shared/format'

export type LonLat = [lon: number, lat: number]

const EARTH_RADIUS_M = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function distanceM(from: LonLat, to: LonLat): number {
  const dLat = rad(to[1] - from[1])
  const dLon = rad(to[0] - from[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(from[1])) * Math.cos(rad(to[1])) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Initial bearing from `from` to `to` in degrees clockwise from north, in [0, 360). */
export function bearingDeg(from: LonLat, to: LonLat): number {
  const [φ1, φ2] = [rad(from[1]), rad(to[1])]
  const Δλ = rad(to[0] - from[0])
  const y = Math.sin(Δλ) * Math.cos(φ2)
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ)
  const deg = (Math.atan2(y, x) * 180) / Math.PI
  return (deg + 360) % 360
}

const POINTS: Record<Lang, string[]> = {
  vi: ['B', 'ĐB', 'Đ', 'ĐN', 'N', 'TN', 'T', 'TB'],
  en: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'],
}

/** The nearest of the eight compass points: vi B, ĐB, Đ … (Bắc, Đông Bắc, Đông …); en N, NE, E … */
export function compassPoint(bearing: number, lang: Lang): string {
  const i = Math.round((((bearing % 360) + 360) % 360) / 45) % 8
  return POINTS[lang][i]!
}

/** A walking distance: whole metres below 1 km, else km with one decimal (vi "850 m", "1,2 km"). */
export function formatDistance(metres: number, lang: Lang): string {
  if (metres < 1000) return `${formatCount(Math.round(metres), lang)} m`
  return `${formatNumber(metres / 1000, lang, metres < 10_000 ? 1 : 0)} km`
}

/** Direction as text: vi "ĐB 45°". */
export function formatBearing(bearing: number, lang: Lang): string {
  return `${compassPoint(bearing, lang)} ${formatCount(Math.round(bearing) % 360, lang)}°`
}

/** Targets ordered nearest first from `here`; without a position, the given order is kept. */
export function byDistance<T extends { at: LonLat }>(items: readonly T[], here: LonLat | null): T[] {
  if (!here) return [...items]
  return items
    .map((item, i) => ({ item, i, d: distanceM(here, item.at) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.item)
}
