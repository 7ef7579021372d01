// The automatic comparison of what the inspector measured with the approved record. Pure: the caller reads the
// record, the province's rule values (tolerances are data, table inspection_rules) and the position's distance
// (computed in PostGIS on the ellipsoid) and passes them in.
import { addExact, compareExact } from '../decimal'
import { type FieldError, fieldError } from '../http/problems'
import type { AssetKind, ChecklistItem, Measured } from './schemas'

/** The province's inspection rule values. */
export interface InspectionRules {
  heightToleranceM: number
  positionToleranceM: number
  maxSagCm: number | null
  followUpDays: number
  recheckDays: number
}

/** One broken rule, by a stable code, with what the message needs. */
export interface Violation {
  rule:
    | 'height_over'
    | 'class_mismatch'
    | 'position_off'
    | 'sag_over'
    | 'label_missing'
    | 'plate_missing'
    | 'checklist_item'
  params: Record<string, unknown>
}

/** The approved record an asset carries (stations: mast class and height; all: the operators named on it). */
export interface Approved {
  mastClass?: string
  heightM?: number
  operators?: string[]
}

export interface Comparison {
  assetKind: AssetKind
  approved: Approved
  measured: Measured
  answers: Record<string, unknown>
  checklist: ChecklistItem[]
  rules: InspectionRules
  /** Metres from the measured position to the recorded geometry (null: no position measured). */
  positionOffsetM: number | null
}

/** Required checklist items left unanswered, as field errors (the record is refused, 422). */
export function missingAnswers(checklist: ChecklistItem[], answers: Record<string, unknown>): FieldError[] {
  return checklist
    .filter((item) => item.required && (answers[item.key] === undefined || answers[item.key] === null))
    .map((item) =>
      fieldError(`body.answers.${item.key}`, 'inspection.answer_missing', { vi: item.labelVi, en: item.labelEn }),
    )
}

/** Answers that do not fit their item (kind, choices) or name no item, as field errors. */
export function badAnswers(checklist: ChecklistItem[], answers: Record<string, unknown>): FieldError[] {
  const byKey = new Map(checklist.map((i) => [i.key, i]))
  const errors: FieldError[] = []
  for (const [key, value] of Object.entries(answers)) {
    const item = byKey.get(key)
    const path = `body.answers.${key}`
    if (!item) errors.push(fieldError(path, 'inspection.answer_unknown', { key }))
    else if (value === null) continue
    else if (item.kind === 'boolean' && typeof value !== 'boolean')
      errors.push(fieldError(path, 'inspection.answer_kind', { kind: item.kind }))
    else if (item.kind === 'number' && (typeof value !== 'number' || !Number.isFinite(value)))
      errors.push(fieldError(path, 'inspection.answer_kind', { kind: item.kind }))
    else if (item.kind === 'text' && typeof value !== 'string')
      errors.push(fieldError(path, 'inspection.answer_kind', { kind: item.kind }))
    else if (item.kind === 'choice' && !item.choices?.includes(String(value)))
      errors.push(fieldError(path, 'inspection.answer_choice', { choices: item.choices ?? [] }))
  }
  return errors
}

/**
 * The violations found: height over the approved height plus the tolerance (exact decimals: 41,0 m over 40 m + 1 m
 * is not a violation, 41,01 m is), a mast class other than the approved one, a position farther than the
 * tolerance from the record, sag over the province's limit, a missing label, an operator named on the asset whose
 * plate was not seen, and each required yes/no checklist item answered no.
 */
export function compare(c: Comparison): Violation[] {
  const out: Violation[] = []
  const { measured, approved, rules } = c
  if (measured.heightM !== undefined && approved.heightM !== undefined) {
    const limit = addExact(approved.heightM, rules.heightToleranceM)
    if (compareExact(measured.heightM, limit) > 0)
      out.push({
        rule: 'height_over',
        params: { measuredM: measured.heightM, approvedM: approved.heightM, toleranceM: rules.heightToleranceM },
      })
  }
  if (measured.mastClass !== undefined && approved.mastClass !== undefined && measured.mastClass !== approved.mastClass)
    out.push({ rule: 'class_mismatch', params: { seen: measured.mastClass, approved: approved.mastClass } })
  if (c.positionOffsetM !== null && compareExact(c.positionOffsetM, rules.positionToleranceM) > 0)
    out.push({ rule: 'position_off', params: { offsetM: c.positionOffsetM, toleranceM: rules.positionToleranceM } })
  if (measured.sagCm !== undefined && rules.maxSagCm !== null && compareExact(measured.sagCm, rules.maxSagCm) > 0)
    out.push({ rule: 'sag_over', params: { sagCm: measured.sagCm, maxCm: rules.maxSagCm } })
  if (measured.labelPresent === false && c.assetKind !== 'station') out.push({ rule: 'label_missing', params: {} })
  if (measured.platesSeen !== undefined && approved.operators !== undefined) {
    const seen = new Set(measured.platesSeen.map((p) => p.toLowerCase()))
    const missing = approved.operators.filter((o) => !seen.has(o.toLowerCase()))
    if (missing.length > 0) out.push({ rule: 'plate_missing', params: { missing } })
  }
  for (const item of c.checklist) {
    if (item.kind === 'boolean' && item.required && c.answers[item.key] === false)
      out.push({ rule: 'checklist_item', params: { key: item.key, labelVi: item.labelVi, labelEn: item.labelEn } })
  }
  return out
}
