import { describe, expect, it } from 'vitest'
import { heightExcess } from '../../server/conversions/workflow'
import { addExact, compareExact, multiplyExact, subtractExact } from '../../server/decimal'
import { evaluateRules, type Candidate, type Facts } from '../../server/stations/rules'

const RULES = {
  a1MaxRatio: 0.2,
  a1MaxHeightM: 3,
  a1MaxReachM: 0.5,
  shareDistanceUrbanM: 100,
  shareDistanceRuralM: 400,
  duplicateDistanceM: 30,
  defaultAreaKind: 'urban' as const,
  spacing: [],
}
const facts = (over: Partial<Facts> = {}): Facts => ({
  inProvince: true,
  district: null,
  areaKind: 'urban',
  zones: [],
  neighbours: [],
  nearest: [],
  nearestByOperator: [],
  rules: RULES,
  ...over,
})
const outcome = (f: Facts, c: Candidate, rule: string) => evaluateRules(f, c).find((r) => r.rule === rule)!.outcome

describe('exact decimal arithmetic', () => {
  it('reads numbers as the decimals typed, so sums and products carry no binary error', () => {
    expect(addExact(0.1, 0.2)).toBe(0.3)
    expect(subtractExact(12.3, 12)).toBe(0.3)
    expect(multiplyExact(0.2, 15)).toBe(3)
    expect(compareExact(12.305, 12.3)).toBe(1)
    expect(compareExact(-0.05, 0)).toBe(-1)
    expect(compareExact(1e21, 1e21 + 1)).toBe(0)
  })
})

describe('height tolerances are compared on exact values', () => {
  it('fails 12,305 m against 12 m with a 0,3 m tolerance (not rounded to 12,31 or 12,3 first)', () => {
    expect(heightExcess(12.305, 12, 0.3)).toBe(0.305)
  })

  it('passes exactly at the tolerance and fails a millimetre over it', () => {
    expect(heightExcess(12.3, 12, 0.3)).toBe(0)
    expect(heightExcess(12.301, 12, 0.3)).toBe(0.301)
    expect(heightExcess(18.0004, 18, 0)).toBe(0.0004)
  })

  it('fails an A1 mast 3,004 m tall against the 3 m limit, and 3,0 m passes', () => {
    const a1 = (mastHeightM: number): Candidate => ({ carrierId: 1, mastClass: 'A1', mastHeightM, buildingHeightM: 30 })
    expect(outcome(facts(), a1(3.004), 'a1_limits')).toBe('fail')
    expect(outcome(facts(), a1(3), 'a1_limits')).toBe('pass')
  })

  it('applies the 20 % limit exactly: 3 m on a 15 m building passes, 3,001 m fails', () => {
    const on15 = (mastHeightM: number): Candidate => ({
      carrierId: 1,
      mastClass: 'A1',
      mastHeightM,
      buildingHeightM: 15,
    })
    expect(outcome(facts(), on15(3), 'a1_limits')).toBe('pass')
    expect(outcome(facts(), on15(3.001), 'a1_limits')).toBe('fail')
  })

  it('fails a total height 4 mm over a zone limit', () => {
    const zones = [{ id: 1, name: 'Z', kind: 'height', allowedClasses: ['A1', 'A2a', 'A2b'], maxHeightM: 32 }]
    const c: Candidate = { carrierId: 1, mastClass: 'A2a', mastHeightM: 12.004, buildingHeightM: 20 }
    expect(outcome(facts({ zones }), c, 'zone_height')).toBe('fail')
    expect(outcome(facts({ zones }), { ...c, mastHeightM: 12 }, 'zone_height')).toBe('pass')
  })
})
