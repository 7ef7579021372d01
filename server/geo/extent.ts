// The country's extent: the one box every geometry that enters must lie in before any finer check.

/** A lon/lat box in degrees. */
export interface Extent {
  minLon: number
  minLat: number
  maxLon: number
  maxLat: number
}

/**
 * Vietnam's extent with the offshore archipelagos: the mainland spans 102.1–109.5°E, 8.4–23.4°N;
 * Hoàng Sa reaches 112.9°E and Trường Sa 117.8°E and down to about 6.5°N. A small margin is kept.
 */
export const VIETNAM_EXTENT: Extent = { minLon: 101.5, minLat: 5.5, maxLon: 118.5, maxLat: 24 }

/** True when [lon, lat] lies in the extent (edges included). */
export function inExtent(extent: Extent, lon: number, lat: number): boolean {
  return lon >= extent.minLon && lon <= extent.maxLon && lat >= extent.minLat && lat <= extent.maxLat
}

/** "lon 101.5–118.5, lat 5.5–24", for messages. */
export function describeExtent(extent: Extent): string {
  return `lon ${extent.minLon}–${extent.maxLon}, lat ${extent.minLat}–${extent.maxLat}`
}
