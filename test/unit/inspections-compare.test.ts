import { describe, expect, it } from 'vitest'
import { badAnswers, compare, missingAnswers, type Comparison } from '../../server/inspections/compare'
import type { ChecklistItem } from '../../server/inspections/schemas'

// The automatic comparison of measured values with the approved record (issue 13), on plain values.
const CHECKLIST: ChecklistItem[] = [
  { key: 'grounding', labelVi: 'Tiếp địa', labelEn: 'Grounding', kind: 'boolean', required: true },
  { key: 'fence', labelVi: 'Hàng rào', labelEn: 'Fence', kind: 'boolean' },
  { key: 'structure', labelVi: 'Kết cấu', labelEn: 'Structure', kind: 'choice', choices: ['good', 'rusty'] },
  { key: 'sag_cm', labelVi: 'Độ võng', labelEn: 'Sag', kind: 'number', unit: 'cm' },
]
const RULES = { heightToleranceM: 0.3, positionToleranceM: 10, maxSagCm: 50, followUpDays: 30, recheckDays: 7 }

const base = (over: Partial<Comparison>): Comparison => ({
  assetKind: 'station',
  approved: { mastClass: 'A2b', heightM: 12, operators: ['viettel'] },
  measured: {},
  answers: { grounding: true },
  checklist: CHECKLIST,
  rules: RULES,
  positionOffsetM: null,
  ...over,
})
const rules = (c: Comparison) => compare(c).map((v) => v.rule)

describe('the comparison with the approved record', () => {
  it('compares the height with approved + tolerance as decimals: 12,3 m is within 12 + 0,3, 12,305 m is not', () => {
    expect(rules(base({ measured: { heightM: 12.3 } }))).toEqual([])
    expect(rules(base({ measured: { heightM: 12.305 } }))).toEqual(['height_over'])
    // 0.1 + 0.2 > 0.3 in binary floating point; the rule must not see it
    expect(
      rules(
        base({ approved: { heightM: 0.1 }, rules: { ...RULES, heightToleranceM: 0.2 }, measured: { heightM: 0.3 } }),
      ),
    ).toEqual([])
  })

  it('finds a class mismatch, a position over the tolerance (10 m within, 10,01 m not), sag over the limit', () => {
    expect(rules(base({ measured: { mastClass: 'A2a' } }))).toEqual(['class_mismatch'])
    expect(rules(base({ positionOffsetM: 10 }))).toEqual([])
    expect(rules(base({ positionOffsetM: 10.01 }))).toEqual(['position_off'])
    expect(rules(base({ assetKind: 'cable_route', approved: {}, measured: { sagCm: 51 } }))).toEqual(['sag_over'])
    expect(rules(base({ rules: { ...RULES, maxSagCm: null }, measured: { sagCm: 500 } }))).toEqual([])
  })

  it('finds a missing label on cables, an operator plate not seen, and each required item answered no', () => {
    expect(rules(base({ assetKind: 'pole', approved: {}, measured: { labelPresent: false } }))).toEqual([
      'label_missing',
    ])
    expect(compare(base({ measured: { platesSeen: ['VNPT'] } }))).toEqual([
      { rule: 'plate_missing', params: { missing: ['viettel'] } },
    ])
    expect(rules(base({ measured: { platesSeen: ['Viettel'] } }))).toEqual([])
    expect(compare(base({ answers: { grounding: false, fence: false } }))).toEqual([
      { rule: 'checklist_item', params: { key: 'grounding', labelVi: 'Tiếp địa', labelEn: 'Grounding' } },
    ])
  })

  it('names required items left unanswered and answers that do not fit their item', () => {
    expect(missingAnswers(CHECKLIST, {}).map((e) => e.path)).toEqual(['body.answers.grounding'])
    expect(missingAnswers(CHECKLIST, { grounding: null }).map((e) => e.path)).toEqual(['body.answers.grounding'])
    const bad = badAnswers(CHECKLIST, { grounding: 'yes', structure: 'broken', sag_cm: 'x', other: true })
    expect(bad.map((e) => e.path).sort()).toEqual([
      'body.answers.grounding',
      'body.answers.other',
      'body.answers.sag_cm',
      'body.answers.structure',
    ])
    expect(badAnswers(CHECKLIST, { grounding: true, structure: 'rusty', sag_cm: 12 })).toEqual([])
  })
})
