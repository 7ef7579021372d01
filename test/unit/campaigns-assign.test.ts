import { describe, expect, it } from 'vitest'
import { assignByDistrict } from '../../server/campaigns/assign'

const assets = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([code, n]) =>
    Array.from({ length: n }, () => ({ districtCode: code === 'none' ? null : code })),
  )

describe("a campaign's inspectors, district by district", () => {
  it('gives each district whole to one inspector, the largest first to the least loaded', () => {
    const list = assets({ '760': 50, '761': 30, '762': 25, '763': 20, none: 3 })
    const who = assignByDistrict(list, [7, 8, 9])
    expect(Object.fromEntries(who)).toEqual({ '760': 7, '761': 8, '762': 9, '763': 9, null: 8 })
    const load = new Map<number, number>()
    for (const a of list) load.set(who.get(a.districtCode)!, (load.get(who.get(a.districtCode)!) ?? 0) + 1)
    expect(Object.fromEntries(load)).toEqual({ 7: 50, 8: 33, 9: 45 })
  })

  it('hands every district to the one inspector there is, and breaks ties by the order given', () => {
    expect([...assignByDistrict(assets({ a1: 2, b1: 2 }), [4]).values()]).toEqual([4, 4])
    expect(Object.fromEntries(assignByDistrict(assets({ '770': 5, '771': 5 }), [2, 1]))).toEqual({ '770': 2, '771': 1 })
  })
})
