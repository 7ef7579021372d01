import { describe, expect, it } from 'vitest'
import { nearestPole, polesOnLine, previewLengthM } from '../../client/cables/measure'

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
