import { describe, expect, it } from 'vitest'
import { bboxAround, tileOf, tilesCovering, tilesToKeep } from '../../client/field/tiles'
import { tileCentre } from '../helpers/street-archive'

describe('the tiles kept for offline use', () => {
  it('finds the tile of a point (its centre, from the test archive helper, maps back to it)', () => {
    for (const [z, x, y] of [
      [15, 26096, 15396],
      [12, 3262, 1924],
      [16, 52193, 30793],
      [0, 0, 0],
    ] as const)
      expect(tileOf(tileCentre(z, x, y), z)).toEqual({ z, x, y })
  })

  it('covers a box with every tile it touches', () => {
    const box = bboxAround([[106.7, 10.77]], 500)!
    const tiles = tilesCovering(box, 16)
    const xs = new Set(tiles.map((t) => t.x))
    const ys = new Set(tiles.map((t) => t.y))
    expect(tiles.length).toBe(xs.size * ys.size)
    // 1 km across at zoom 16 (a tile ≈ 600 m wide at 10.8°N): two or three tiles each way
    expect(xs.size).toBeGreaterThanOrEqual(2)
    expect(xs.size).toBeLessThanOrEqual(3)
    for (const corner of [
      [box[0], box[1]],
      [box[2], box[3]],
    ] as const) {
      const t = tileOf([corner[0], corner[1]], 16)
      expect(tiles).toContainEqual(t)
    }
  })

  it('keeps at most the bound, the whole area at low zooms and the targets themselves at every zoom that fits', () => {
    const targets: [number, number][] = [
      [106.62, 10.75],
      [106.75, 10.86],
      [106.7, 10.8],
    ]
    const kept = tilesToKeep(targets, { minZoom: 12, maxZoom: 16, max: 100 })
    expect(kept.length).toBeLessThanOrEqual(100)
    expect(new Set(kept.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(kept.length)
    const area = bboxAround(targets, 300)!
    for (const t of tilesCovering(area, 12)) expect(kept).toContainEqual(t)
    for (const target of targets) for (const z of [12, 13, 14, 15]) expect(kept).toContainEqual(tileOf(target, z))
    expect(tilesToKeep([], { minZoom: 12, maxZoom: 16, max: 100 })).toEqual([])
    expect(tilesToKeep(targets, { minZoom: 12, maxZoom: 16, max: 3 }).length).toBeLessThanOrEqual(3)
  })
})
