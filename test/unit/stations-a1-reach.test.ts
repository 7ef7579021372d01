import { describe, expect, it } from 'vitest'
import { evaluateRules, type Candidate, type Facts, type RuleResult } from '../../server/stations/rules'
import { createBody, shapeErrors } from '../../server/stations/schemas'
import { EMPTY_FORM, toInput } from '../../client/stations/form'

// The A1 reach limit (TTLT 15/2016, domain.md): an A1 structure reaches at most 0,5 m beyond the building edge.
const facts = (a1MaxReachM = 0.5): Facts => ({
  inProvince: true,
  district: null,
  areaKind: 'urban',
  zones: [],
  neighbours: [],
  nearest: [],
  nearestByOperator: [],
  rules: {
    a1MaxRatio: 0.2,
    a1MaxHeightM: 3,
    a1MaxReachM,
    shareDistanceUrbanM: 100,
    shareDistanceRuralM: 400,
    duplicateDistanceM: 30,
    defaultAreaKind: 'urban',
    spacing: [],
  },
})
const a1 = (reachBeyondEdgeM: number | null): Candidate => ({
  carrierId: 1,
  mastClass: 'A1',
  mastHeightM: 3,
  buildingHeightM: 20,
  reachBeyondEdgeM,
})
const reach = (f: Facts, c: Candidate): RuleResult => evaluateRules(f, c).find((r) => r.rule === 'a1_reach')!

describe('A1 reach beyond the building edge', () => {
  it('passes exactly at the limit and fails a millimetre over it', () => {
    expect(reach(facts(), a1(0.5)).outcome).toBe('pass')
    expect(reach(facts(), a1(0.5)).outcome).toBe('pass')
    expect(reach(facts(), a1(0)).outcome).toBe('pass')
    const over = reach(facts(), a1(0.501))
    expect(over.outcome).toBe('fail')
    expect(over.values).toEqual({ reachM: 0.501, limitM: 0.5 })
  })

  it('says why in Vietnamese and English, with the numbers written each way to the millimetre', () => {
    const over = reach(facts(), a1(0.501))
    expect(over.message_vi).toBe('Kết cấu vươn 0,501 m ra ngoài mép công trình, vượt giới hạn A1 0,5 m.')
    expect(over.message_en).toBe('The structure reaches 0.501 m beyond the building edge, over the A1 limit of 0.5 m.')
    expect(reach(facts(1.25), a1(0.8)).message_vi).toBe(
      'Kết cấu vươn 0,8 m ra ngoài mép công trình, không vượt 1,25 m.',
    )
  })

  it('uses the province rule value, not a constant', () => {
    expect(reach(facts(1), a1(0.8)).outcome).toBe('pass')
    expect(reach(facts(0.3), a1(0.4)).outcome).toBe('fail')
  })

  it('cannot judge an A1 mast whose reach is not given, and says so', () => {
    const missing = reach(facts(), a1(null))
    expect(missing.outcome).toBe('warn')
    expect(missing.message_en).toContain('not given')
  })

  it('does not apply to camouflaged or bulky masts', () => {
    for (const mastClass of ['A1c', 'A2a', 'A2b'] as const) {
      const r = reach(facts(), { carrierId: 1, mastClass, mastHeightM: 12, buildingHeightM: null, reachBeyondEdgeM: 5 })
      expect(r.outcome, mastClass).toBe('pass')
      expect(r.message_en, mastClass).toMatch(/does not apply/)
    }
  })

  it('comes in the rule list right after the A1 height limits', () => {
    expect(evaluateRules(facts(), a1(0.2)).map((r) => r.rule)).toEqual([
      'in_province',
      'zone_class',
      'zone_height',
      'a1_limits',
      'a1_reach',
      'spacing',
      'must_share',
      'duplicate',
    ])
  })
})

describe('the reach field of an application', () => {
  const body = {
    siteCode: 'A1-01',
    position: { lon: 106.7, lat: 10.78 },
    mastClass: 'A1',
    mastHeightM: 3,
    buildingHeightM: 20,
  }

  it('is required for an A1 mast, naming the field', () => {
    expect(shapeErrors({ mastClass: 'A1', buildingHeightM: 20 })).toEqual([
      {
        path: 'body.reachBeyondEdgeM',
        code: 'station.reach_needed',
        params: {},
        message: expect.stringContaining('beyond the building edge'),
      },
    ])
    expect(shapeErrors({ mastClass: 'A1', buildingHeightM: 20, reachBeyondEdgeM: null }).map((e) => e.path)).toEqual([
      'body.reachBeyondEdgeM',
    ])
    expect(shapeErrors({ mastClass: 'A1', buildingHeightM: 20, reachBeyondEdgeM: 0 })).toEqual([])
  })

  it('is optional for camouflaged and A2a masts and refused for a mast on the ground', () => {
    expect(shapeErrors({ mastClass: 'A1c', camouflageKind: 'palm_tree' })).toEqual([])
    expect(shapeErrors({ mastClass: 'A2a', buildingHeightM: 20 })).toEqual([])
    expect(shapeErrors({ mastClass: 'A2b', reachBeyondEdgeM: 0.2 }).map((e) => e.path)).toEqual([
      'body.reachBeyondEdgeM',
    ])
  })

  it('is a number of metres, 0 or more', () => {
    expect(createBody.safeParse({ ...body, reachBeyondEdgeM: 0.5 }).success).toBe(true)
    expect(createBody.safeParse({ ...body, reachBeyondEdgeM: -0.01 }).success).toBe(false)
    expect(createBody.safeParse({ ...body, reachBeyondEdgeM: '0,5' }).success).toBe(false)
  })
})

describe('the reach field of the application form', () => {
  const at: [number, number] = [106.7, 10.78]
  const a1Form = { ...EMPTY_FORM, siteCode: 'A1-1', mastClass: 'A1' as const, mastHeightM: '3', buildingHeightM: '20' }

  it('reads the Vietnamese decimal comma and requires the reach for A1', () => {
    expect(toInput({ ...a1Form, reachBeyondEdgeM: '0,45' }, at).input?.reachBeyondEdgeM).toBe(0.45)
    expect(toInput(a1Form, at).errors.reachBeyondEdgeM).toBe('required')
    expect(toInput({ ...a1Form, reachBeyondEdgeM: 'nửa mét' }, at).errors.reachBeyondEdgeM).toBe('number')
  })

  it('leaves the reach optional on A2a and sends none for a mast on the ground', () => {
    expect(toInput({ ...a1Form, mastClass: 'A2a' }, at).errors).toEqual({})
    const ground = toInput({ ...a1Form, mastClass: 'A2b', buildingHeightM: '', reachBeyondEdgeM: '0,3' }, at)
    expect(ground.input?.reachBeyondEdgeM).toBeNull()
  })
})
