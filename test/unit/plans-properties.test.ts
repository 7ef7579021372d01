import { describe, expect, it } from 'vitest'
import { rewind } from '../../server/geo/winding'
import type { PlanFeature } from '../../server/plans/formats'
import { planRow } from '../../server/plans/properties'

const PERIOD = { from: 2026, to: 2030 }
const feature = (properties: Record<string, unknown>): PlanFeature => ({
  index: 0,
  label: 'feature 0',
  geometry: null,
  properties,
  problems: [],
  warnings: [],
})
const POINT = { type: 'Point' as const, coordinates: [106.7, 10.8] as [number, number] }

describe('a plan feature read from its properties', () => {
  it('reads Vietnamese column names, a decimal comma and "ngầm"', () => {
    const problems: string[] = []
    const row = planRow(
      feature({ 'Mã trạm': 'HCM001', 'Loại cột': 'a2b', 'Chiều cao': '42,5', Năm: '2028', 'Dùng chung': 'có', x: 1 }),
      POINT,
      {},
      PERIOD,
      problems,
    )
    expect(problems).toEqual([])
    expect(row).toMatchObject({
      type: 'site',
      key: 'HCM001',
      mastClass: 'A2b',
      heightM: 42.5,
      year: 2028,
      sharing: 'offer',
      attributes: { x: 1 },
    })
    const route = planRow(
      feature({ ma_tuyen: 'T1', hinh_thuc: 'Ngầm', nam: 2029 }),
      {
        type: 'LineString',
        coordinates: [
          [106.7, 10.8],
          [106.71, 10.8],
        ],
      },
      {},
      PERIOD,
      problems,
    )
    expect(route).toMatchObject({ type: 'route', key: 'T1', kind: 'underground', year: 2029, declaredLengthM: null })
  })

  it("takes the upload's defaults only for what a feature does not say", () => {
    const problems: string[] = []
    const row = planRow(
      feature({ code: 'S', height: 12 }),
      POINT,
      { mastClass: 'A1', heightM: 3, year: 2027 },
      PERIOD,
      problems,
    )
    expect(problems).toEqual([])
    expect(row).toMatchObject({ mastClass: 'A1', heightM: 12, year: 2027, sharing: 'none' })
  })

  it('says what is missing and what has the wrong type', () => {
    const problems: string[] = []
    planRow(feature({ code: 'S', height: -3, mastClass: 'tower' }), POINT, {}, PERIOD, problems)
    expect(problems).toEqual([
      'the year is missing (property "year" / "nam", or a default year for the upload)',
      'the mast class "tower" is not one of A1, A1c, A2a, A2b',
      'the height -3 m is not between 0 and 300 m',
    ])
  })
})

describe('polygon winding (RFC 7946 §3.1.6)', () => {
  const cw: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 1],
    [1, 0],
    [0, 0],
  ]
  const ccw: [number, number][] = [...cw].reverse()

  it('leaves a counter-clockwise exterior with a clockwise hole alone', () => {
    const hole: [number, number][] = [
      [0.2, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
      [0.8, 0.2],
      [0.2, 0.2],
    ]
    expect(rewind({ type: 'Polygon', coordinates: [ccw, hole] }).rewound).toBe(false)
  })

  it('reverses a clockwise exterior and a counter-clockwise hole', () => {
    const hole: [number, number][] = [
      [0.2, 0.2],
      [0.8, 0.2],
      [0.8, 0.8],
      [0.2, 0.8],
      [0.2, 0.2],
    ]
    const out = rewind({ type: 'MultiPolygon', coordinates: [[cw, hole]] })
    expect(out.rewound).toBe(true)
    expect(out.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ccw, [...hole].reverse()]] })
  })
})
