import { describe, expect, it } from 'vitest'
import { encodeTile, type TileFeature } from '../../server/tiles/encode'
import { decodeLayer, tileDifferences } from '../helpers/tiles'

const line = (id: number, coordinates: number[][]): TileFeature => ({
  id,
  properties: { kind: 'tidying', length_m: 12.5 },
  geometry: { type: 'LineString', coordinates },
})
const features = [
  line(1, [
    [10, 10],
    [200, 10],
    [200, 300],
  ]),
  line(2, [
    [-64, 4000],
    [4160, 4000],
  ]),
  { id: 3, properties: { count: 7 }, geometry: { type: 'Point', coordinates: [2048, 2048] } },
  {
    id: 4,
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 100],
          [100, 100],
          [100, 0],
          [0, 0],
        ],
      ],
    },
  },
]

describe('comparing two tiles feature by feature', () => {
  it('finds nothing between a tile and itself', () => {
    const tile = encodeTile('routes', 4096, features)
    expect(decodeLayer(tile, 'routes')).toHaveLength(4)
    expect(tileDifferences(tile, encodeTile('routes', 4096, [...features].reverse()), 'routes')).toEqual([])
  })

  it('fails when one coordinate of one feature differs by one tile unit', () => {
    const moved = features.map((f) =>
      f.id === 1
        ? line(1, [
            [10, 10],
            [201, 10],
            [200, 300],
          ])
        : f,
    )
    expect(tileDifferences(encodeTile('routes', 4096, features), encodeTile('routes', 4096, moved), 'routes')).toEqual([
      'feature 1, part 0, point 1: [200, 10] ≠ [201, 10]',
    ])
  })

  it('fails on a point moved by one unit, a changed property, a missing feature and an extra vertex', () => {
    const changed: TileFeature[] = [
      line(1, [
        [10, 10],
        [200, 10],
        [200, 300],
      ]),
      line(2, [
        [-64, 4000],
        [2000, 4000],
        [4160, 4000],
      ]),
      { id: 3, properties: { count: 7 }, geometry: { type: 'Point', coordinates: [2048, 2049] } },
      { id: 5, properties: {}, geometry: { type: 'Point', coordinates: [1, 1] } },
    ]
    const base = encodeTile('routes', 4096, features)
    expect(tileDifferences(base, encodeTile('routes', 4096, changed), 'routes')).toEqual([
      'feature 2, part 0: 2 points ≠ 3',
      'feature 3, part 0, point 0: [2048, 2048] ≠ [2048, 2049]',
      'feature 4: only in the first tile',
      'feature 5: only in the second tile',
    ])
    const relabelled = features.map((f) => (f.id === 3 ? { ...f, properties: { count: 8 } } : f))
    expect(tileDifferences(base, encodeTile('routes', 4096, relabelled), 'routes')).toEqual([
      'feature 3: properties {"count":7} ≠ {"count":8}',
    ])
  })
})
