import { describe, expect, it } from 'vitest'
import { nearestPole, polesOnLine, previewLengthM } from '../../client/cables/measure'
import { completedKmByGroup, periodFrom, yearEnds } from '../../client/cables/summary'

// A plain equirectangular projection at 1 px per metre near the equator is enough to test distances on screen.
const project = (lon: number, lat: number) => ({ x: lon * 111_320, y: -lat * 110_574 })

describe('preview length while drawing', () => {
  it('measures one degree of longitude at the equator as about 111 km', () => {
    const m = previewLengthM({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0],
      ],
    })
    expect(m).toBeGreaterThan(111_000)
    expect(m).toBeLessThan(111_400)
  })

  it('adds the parts of a multi-line and ignores a part with one vertex so far', () => {
    const one = previewLengthM({
      type: 'LineString',
      coordinates: [
        [106.7, 10.77],
        [106.71, 10.77],
      ],
    })
    const both = previewLengthM({
      type: 'MultiLineString',
      coordinates: [
        [
          [106.7, 10.77],
          [106.71, 10.77],
        ],
        [
          [106.7, 10.78],
          [106.71, 10.78],
        ],
        [[106.7, 10.79]],
      ],
    })
    expect(both).toBeCloseTo(2 * one, 0)
  })

  it('answers 0 before anything is drawn', () => {
    expect(previewLengthM(null)).toBe(0)
    expect(previewLengthM({ type: 'LineString', coordinates: [[106.7, 10.77]] })).toBe(0)
  })
})

describe('snapping to poles', () => {
  const poles = [
    { id: 1, lon: 0.0001, lat: 0 },
    { id: 2, lon: 0.0002, lat: 0 },
  ]

  it('picks the nearest pole within the pixel radius', () => {
    const cursor = project(0.00019, 0)
    expect(nearestPole(cursor, poles, project, 12)?.id).toBe(2)
  })

  it('picks nothing when every pole is further than the radius', () => {
    const cursor = project(0.001, 0.001)
    expect(nearestPole(cursor, poles, project, 12)).toBeNull()
  })

  it('lists the poles a line was snapped onto, once each', () => {
    expect(
      polesOnLine(
        [
          [0.0001, 0],
          [0.00015, 0],
          [0.0002, 0],
          [0.0001, 0],
        ],
        poles,
      ),
    ).toEqual([1, 2])
  })
})

describe('summary charts', () => {
  const row = (group: string | null, kind: 'underground' | 'tidying', completedM: number) => ({
    group,
    groupName: null,
    kind,
    completedM,
    completedRoutes: 1,
    buildingRoutes: 0,
    buildingM: 0,
    completedPoles: 0,
  })

  it('stacks completed kilometres by kind per group, biggest group first, and drops groups with none', () => {
    const bars = completedKmByGroup([
      row('760', 'underground', 1500),
      row('769', 'tidying', 4000),
      row('760', 'tidying', 500),
      row('770', 'tidying', 0),
    ])
    expect(bars).toEqual([
      { group: '769', values: [0, 4, 0, 0] },
      { group: '760', values: [1.5, 0.5, 0, 0] },
    ])
  })

  it('reads each year to its last day, and the current year to today', () => {
    expect(yearEnds('2016-05-02', 2014)).toEqual([
      { label: '2014', until: '2014-12-31' },
      { label: '2015', until: '2015-12-31' },
      { label: '2016', until: '2016-05-02' },
    ])
  })

  it('turns the picker into a period the API takes', () => {
    expect(periodFrom('quarter', 2018, 2, '2026-11-28')).toEqual({ period: 'quarter', year: 2018, quarter: 2 })
    expect(periodFrom('cumulative', 2018, 2, '2026-11-28')).toEqual({ period: 'cumulative', until: '2026-11-28' })
  })
})
