import { describe, expect, it } from 'vitest'
import {
  evaluateRules,
  overall,
  spacingRuleFor,
  type Candidate,
  type Facts,
  type Neighbour,
  type RuleValues,
} from '../../server/stations/rules'
import { NATIONAL_RULE_VALUES } from '../../server/planning/settings'

// The national values (domain.md) every province starts with: Quảng Nam spacing, Hải Dương sharing, TTLT 15/2016 A1.
const RULES: RuleValues = NATIONAL_RULE_VALUES

const mast = (distanceM: number, over: Partial<Neighbour> = {}): Neighbour => ({
  id: 1,
  siteCode: 'VIE-760-00001',
  carrierId: 3,
  operator: 'viettel',
  mastClass: 'A2a',
  mastHeightM: 12,
  state: 'in_service',
  temporary: false,
  distanceM,
  ...over,
})

function facts(over: Partial<Facts> = {}): Facts {
  return {
    inProvince: true,
    district: { code: '760', name: 'Quận 1' },
    areaKind: 'urban',
    zones: [],
    neighbours: [],
    nearest: [],
    nearestByOperator: [],
    rules: RULES,
    ...over,
  }
}

const A2A: Candidate = { carrierId: 1, mastClass: 'A2a', mastHeightM: 12, buildingHeightM: 20 }
const outcome = (f: Facts, c: Candidate, rule: string) => evaluateRules(f, c).find((r) => r.rule === rule)!.outcome

describe('spacing between bulky masts', () => {
  it.each([
    ['A2a ≤ 15 m urban', { ...A2A, mastHeightM: 15 }, 'urban', 150],
    ['A2a ≤ 15 m rural', { ...A2A, mastHeightM: 15 }, 'rural', 200],
    ['A2a > 15 m urban', { ...A2A, mastHeightM: 15.01 }, 'urban', 200],
    ['A2a > 15 m rural', { ...A2A, mastHeightM: 18 }, 'rural', 350],
    ['A2b urban', { carrierId: 1, mastClass: 'A2b', mastHeightM: 40, buildingHeightM: null }, 'urban', 300],
  ] as const)('%s: passes exactly at %s m limit, fails 1 cm closer', (_name, candidate, area, limit) => {
    const at = facts({ areaKind: area, neighbours: [mast(limit)] })
    const closer = facts({ areaKind: area, neighbours: [mast(limit - 0.01)] })
    expect(outcome(at, candidate as Candidate, 'spacing')).toBe('pass')
    expect(outcome(closer, candidate as Candidate, 'spacing')).toBe('fail')
    expect(evaluateRules(closer, candidate as Candidate).find((r) => r.rule === 'spacing')!.values.limitM).toBe(limit)
  })

  it('warns when the province sets no spacing for the case (A2b rural)', () => {
    expect(
      outcome(
        facts({ areaKind: 'rural', neighbours: [mast(10)] }),
        { carrierId: 1, mastClass: 'A2b', mastHeightM: 40, buildingHeightM: null },
        'spacing',
      ),
    ).toBe('warn')
  })

  it('ignores non-bulky, temporary, pending and decommissioned neighbours', () => {
    const neighbours = [mast(5, { mastClass: 'A1' }), mast(6, { temporary: true }), mast(7, { state: 'submitted' })]
    expect(outcome(facts({ neighbours }), A2A, 'spacing')).toBe('pass')
  })

  it('does not apply to A1 masts', () => {
    expect(
      outcome(
        facts({ neighbours: [mast(1)] }),
        { carrierId: 1, mastClass: 'A1', mastHeightM: 2, buildingHeightM: 20 },
        'spacing',
      ),
    ).toBe('pass')
  })

  it('takes the height band (min, max]', () => {
    expect(spacingRuleFor(RULES, 'A2a', 15, 'urban')!.minDistanceM).toBe(150)
    expect(spacingRuleFor(RULES, 'A2a', 15.5, 'urban')!.minDistanceM).toBe(200)
  })
})

describe('must share', () => {
  it.each([
    ['urban', 100],
    ['rural', 400],
  ] as const)('%s: another operator at %s m passes, 1 cm closer must share with it named', (area, limit) => {
    const c = area === 'rural' ? { ...A2A, mastHeightM: 12 } : A2A
    expect(outcome(facts({ areaKind: area, neighbours: [mast(limit)] }), c, 'must_share')).toBe('pass')
    const r = evaluateRules(facts({ areaKind: area, neighbours: [mast(limit - 0.01)] }), c).find(
      (x) => x.rule === 'must_share',
    )!
    expect(r.outcome).toBe('fail')
    expect((r.values.candidate as { siteCode: string }).siteCode).toBe('VIE-760-00001')
    expect(r.message_vi).toContain('VIE-760-00001')
    expect(r.message_en).toContain('Must share mast VIE-760-00001')
  })

  it('does not ask an operator to share its own mast (that is a duplicate)', () => {
    expect(outcome(facts({ neighbours: [mast(50, { carrierId: 1 })] }), A2A, 'must_share')).toBe('pass')
  })
})

describe('duplicate of the same operator', () => {
  it('passes at exactly the duplicate distance and fails 1 cm closer', () => {
    expect(outcome(facts({ neighbours: [mast(30, { carrierId: 1 })] }), A2A, 'duplicate')).toBe('pass')
    expect(outcome(facts({ neighbours: [mast(29.99, { carrierId: 1 })] }), A2A, 'duplicate')).toBe('fail')
  })

  it("ignores other operators' masts", () => {
    expect(outcome(facts({ neighbours: [mast(1, { carrierId: 2 })] }), A2A, 'duplicate')).toBe('pass')
  })
})

describe('A1 limits (≤ 20 % of the building and ≤ 3 m)', () => {
  it.each([
    ['exactly 20 % of a 10 m building', 2, 10, 'pass'],
    ['1 cm over 20 % of a 10 m building', 2.01, 10, 'fail'],
    ['exactly 3 m on a 30 m building', 3, 30, 'pass'],
    ['1 cm over 3 m on a 30 m building', 3.01, 30, 'fail'],
    ['exactly 3 m = 20 % of 15 m', 3, 15, 'pass'],
  ] as const)('%s: %s m mast → %s', (_name, mastM, buildingM, expected) => {
    expect(
      outcome(facts(), { carrierId: 1, mastClass: 'A1', mastHeightM: mastM, buildingHeightM: buildingM }, 'a1_limits'),
    ).toBe(expected)
  })

  it('does not limit camouflaged masts', () => {
    expect(
      outcome(facts(), { carrierId: 1, mastClass: 'A1c', mastHeightM: 12, buildingHeightM: null }, 'a1_limits'),
    ).toBe('pass')
  })
})

describe('planning zones', () => {
  const zone = { id: 1, name: 'Quảng trường', kind: 'a1_only', allowedClasses: ['A1'], maxHeightM: 32 }
  it('rejects a class the zone does not allow and accepts camouflaged A1 there', () => {
    expect(outcome(facts({ zones: [zone] }), A2A, 'zone_class')).toBe('fail')
    expect(
      outcome(
        facts({ zones: [zone] }),
        { carrierId: 1, mastClass: 'A1c', mastHeightM: 8, buildingHeightM: null },
        'zone_class',
      ),
    ).toBe('pass')
  })

  it('passes a total height exactly at the zone limit and fails 1 cm over', () => {
    expect(outcome(facts({ zones: [zone] }), { ...A2A, mastHeightM: 12, buildingHeightM: 20 }, 'zone_height')).toBe(
      'pass',
    )
    expect(outcome(facts({ zones: [zone] }), { ...A2A, mastHeightM: 12.01, buildingHeightM: 20 }, 'zone_height')).toBe(
      'fail',
    )
  })

  it('fails a site outside the province', () => {
    expect(outcome(facts({ inProvince: false }), A2A, 'in_province')).toBe('fail')
  })
})

describe('results', () => {
  it('gives every rule a Vietnamese and an English message, in Vietnamese number format', () => {
    const results = evaluateRules(facts({ neighbours: [mast(1234.5)] }), A2A)
    for (const r of results) {
      expect(r.message_vi.length).toBeGreaterThan(5)
      expect(r.message_en.length).toBeGreaterThan(5)
    }
    const failing = evaluateRules(facts({ areaKind: 'rural', neighbours: [mast(149.5)] }), { ...A2A, mastHeightM: 18 })
    expect(failing.find((r) => r.rule === 'spacing')!.message_vi).toContain('149,5 m')
    expect(overall(failing)).toBe('fail')
  })
})
