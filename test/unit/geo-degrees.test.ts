import { describe, expect, it } from 'vitest'
import { metresToDegrees, metresToDegreesSql } from '../../server/geo/degrees'

// Length of a degree of longitude on the WGS84 ellipsoid (the usual series), independent of the helper.
const lonDegreeM = (lat: number) => {
  const phi = (lat * Math.PI) / 180
  return 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi)
}

describe('metres to degrees for index boxes', () => {
  it.each([0, 8.5, 10.78, 16, 21.03, 23.4])('covers at least the distance in longitude at %d°N', (lat) => {
    for (const metres of [1, 50, 500, 5000])
      expect(metresToDegrees(metres, lat) * lonDegreeM(lat)).toBeGreaterThanOrEqual(metres)
  })

  it('stays within a few percent of the distance (no box ten times too big)', () => {
    expect(metresToDegrees(500, 10.78) * lonDegreeM(10.78)).toBeLessThan(500 * 1.02)
  })

  it('gives the same rule to SQL as an expression over its arguments', () => {
    expect(metresToDegreesSql('$3', 'r.lat')).toBe('($3 / (111320 * cos(radians(least(abs(r.lat), 85)))) * 1.01)')
  })
})
