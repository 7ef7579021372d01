import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  bearingDeg,
  byDistance,
  compassPoint,
  distanceM,
  formatBearing,
  formatDistance,
  type LonLat,
} from '../../client/field/geo'

// The oracle: PROJ's geod on the WGS84 ellipsoid. The field mode's sphere (mean radius 6,371 km) is off by at most
// 0.56 % (north–south near the equator, where the meridian's radius of curvature is 6,335 km): 3 m in 500 m.
const SPHERE_ERROR = 0.0057
function geod(from: LonLat, to: LonLat): { azimuth: number; metres: number } {
  const out = execFileSync('geod', ['+ellps=WGS84', '-I', '-f', '%.8f'], {
    input: `${from[1]} ${from[0]} ${to[1]} ${to[0]}\n`,
  }).toString()
  const [az, , m] = out.trim().split(/\s+/).map(Number) as [number, number, number]
  return { azimuth: (az + 360) % 360, metres: m }
}

const PAIRS: [LonLat, LonLat][] = [
  [
    [106.7, 10.77],
    [106.66, 10.8],
  ],
  [
    [106.7, 10.77],
    [106.7003, 10.7702],
  ],
  [
    [105.85, 21.03],
    [106.7, 10.77],
  ],
  [
    [106.6, 10.9],
    [106.6, 10.85],
  ],
  [
    [108.2, 16.05],
    [108.25, 16.05],
  ],
]

describe('distance and direction to a target', () => {
  it.each(PAIRS)('agrees with PROJ geod from %j to %j', (from, to) => {
    const want = geod(from, to)
    expect(Math.abs(distanceM(from, to) - want.metres) / want.metres).toBeLessThan(SPHERE_ERROR)
    const diff = Math.abs(((bearingDeg(from, to) - want.azimuth + 540) % 360) - 180)
    expect(diff).toBeLessThan(0.5)
  })

  it('is zero to itself and symmetric', () => {
    expect(distanceM([106.7, 10.77], [106.7, 10.77])).toBe(0)
    expect(distanceM(PAIRS[0]![0], PAIRS[0]![1])).toBeCloseTo(distanceM(PAIRS[0]![1], PAIRS[0]![0]), 6)
  })

  it('names the compass point in Vietnamese and English', () => {
    expect([0, 44, 46, 90, 180, 225, 270, 337.4, 337.6, 359].map((b) => compassPoint(b, 'vi'))).toEqual([
      'B',
      'ĐB',
      'ĐB',
      'Đ',
      'N',
      'TN',
      'T',
      'TB',
      'B',
      'B',
    ])
    expect(compassPoint(135, 'en')).toBe('SE')
    expect(formatBearing(359.6, 'vi')).toBe('B 0°')
  })

  it('writes distances the Vietnamese way', () => {
    expect(formatDistance(8.4, 'vi')).toBe('8 m')
    expect(formatDistance(999.4, 'vi')).toBe('999 m')
    expect(formatDistance(1234, 'vi')).toBe('1,2 km')
    expect(formatDistance(1234, 'en')).toBe('1.2 km')
    expect(formatDistance(12_345, 'vi')).toBe('12 km')
    expect(formatDistance(123_456, 'vi')).toBe('123 km')
    expect(formatDistance(1_234_567, 'vi')).toBe('1.235 km')
  })

  it('lists targets nearest first, ties and no position keep the given order', () => {
    const items = [
      { id: 'far', at: [106.8, 10.8] as LonLat },
      { id: 'near', at: [106.701, 10.771] as LonLat },
      { id: 'mid', at: [106.72, 10.78] as LonLat },
    ]
    expect(byDistance(items, [106.7, 10.77]).map((i) => i.id)).toEqual(['near', 'mid', 'far'])
    expect(byDistance(items, null).map((i) => i.id)).toEqual(['far', 'near', 'mid'])
  })
})
