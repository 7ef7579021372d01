import { describe, expect, it } from 'vitest'
import { formatLength, legLengthsM, measureOverlay, roundLength } from '../../client/map/measure'

// Issue 11: the home map's distance tool and the printed map's scale bar, without a map.
describe('measuring on the home map', () => {
  it('measures each leg of a path: a minute of latitude is a nautical mile (1,852 m) to within 0.5 %', () => {
    const legs = legLengthsM([
      [106.7, 10.7],
      [106.7, 10.7 + 1 / 60],
      [106.7, 10.7 + 2 / 60],
    ])
    expect(legs).toHaveLength(2)
    for (const m of legs) expect(Math.abs(m - 1852) / 1852).toBeLessThan(0.005)
    expect(legLengthsM([[106.7, 10.7]])).toEqual([])
  })

  it('writes metres below a kilometre and kilometres to 10 m, in each language', () => {
    expect(formatLength(812.4, 'vi')).toBe('812 m')
    expect(formatLength(999.4, 'vi')).toBe('999 m')
    expect(formatLength(999.6, 'vi')).toBe('1,00 km')
    expect(formatLength(1623, 'vi')).toBe('1,62 km')
    expect(formatLength(12_345, 'en')).toBe('12.35 km')
    expect(formatLength(1_234_567, 'vi')).toBe('1.234,57 km')
  })

  it('draws the points, the path once there are two, and a label per leg', () => {
    const roles = (n: number) =>
      (
        measureOverlay(
          Array.from({ length: n }, (_, i) => [106.7 + i / 100, 10.7] as [number, number]),
          'vi',
        ).source as unknown as { data: { features: { properties: { role: string } }[] } }
      ).data.features.map((f) => f.properties.role)
    expect(roles(1)).toEqual(['point'])
    expect(roles(3).sort()).toEqual(['leg', 'leg', 'path', 'point', 'point', 'point'])
  })
})

describe('the printed scale bar', () => {
  it('takes the longest 1, 2 or 5 × 10ⁿ metres that fits', () => {
    expect(roundLength(740)).toBe(500)
    expect(roundLength(1999)).toBe(1000)
    expect(roundLength(2000)).toBe(2000)
    expect(roundLength(4.2)).toBe(2)
    expect(roundLength(86_000)).toBe(50_000)
  })
})
