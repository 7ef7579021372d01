// Metres to degrees for index boxes. A degree of longitude (about 111.32 km × cos lat) is shorter than a degree of
// latitude away from the poles, so a distance divided by it is never too few degrees; the margin covers the
// ellipsoid. The exact ellipsoidal distance (geography) decides after the box has found the candidates.

/** Metres in one degree of longitude at the equator. */
const METRES_PER_DEGREE = 111_320
/** Latitudes beyond this are treated as this one, so the box stays finite near the poles. */
const MAX_LAT = 85
const MARGIN = 1.01

/** Degrees that cover at least `metres` in every direction around latitude `lat`. */
export function metresToDegrees(metres: number, lat: number): number {
  return (metres / (METRES_PER_DEGREE * Math.cos((Math.min(Math.abs(lat), MAX_LAT) * Math.PI) / 180))) * MARGIN
}

/** The same rule as a SQL expression over two SQL expressions (a parameter or a column, never user text). */
export function metresToDegreesSql(metres: string, lat: string): string {
  return `(${metres} / (${METRES_PER_DEGREE} * cos(radians(least(abs(${lat}), ${MAX_LAT})))) * ${MARGIN})`
}
