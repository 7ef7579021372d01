import { z } from 'zod'
import type { Queryable } from '../db/index'
import { type Actor, audit } from '../audit/audit'
import { loadRuleValues } from '../stations/check'
import { planRuleValues } from '../plans/checks'
import {
  DELETE_DISTRICT_AREA_KINDS,
  DELETE_SPACING_RULES,
  DISTRICT_AREA_KINDS,
  INSERT_DEFAULT_RULE_VALUES,
  INSERT_DISTRICT_AREA_KINDS,
  INSERT_SPACING_RULES,
  UPSERT_RULE_VALUES,
} from './sql'

const metres = z.number().min(0).max(10_000)

const ruleValuesFields = z.object({
  a1MaxRatio: z.number().gt(0).max(1),
  a1MaxHeightM: z.number().gt(0).max(20),
  a1MaxReachM: z.number().min(0).max(10),
  shareDistanceUrbanM: metres,
  shareDistanceRuralM: metres,
  duplicateDistanceM: metres,
  defaultAreaKind: z.enum(['urban', 'rural']),
  // the plans' checks (migration 142 holds the same bounds): a station within planMatchM of an approved planned
  // site is "in plan"; two routes within trenchDistanceM along trenchMinLengthM can share one trench
  planMatchM: z.number().gt(0).max(1000),
  trenchDistanceM: z.number().gt(0).max(200),
  trenchMinLengthM: z.number().gt(0).max(10_000),
  spacing: z
    .array(
      z.object({
        mastClass: z.enum(['A2a', 'A2b']),
        areaKind: z.enum(['urban', 'rural']),
        minHeightM: z.number().min(0).max(500).default(0),
        maxHeightM: z.number().gt(0).max(500).nullable().default(null),
        minDistanceM: metres.gt(0),
      }),
    )
    .max(50),
  districtAreaKinds: z
    .array(z.object({ districtCode: z.string().regex(/^[0-9]{2,5}$/), areaKind: z.enum(['urban', 'rural']) }))
    .max(500),
})

/** The rule values an officer edits, with the urban/rural class of each district. */
export const ruleValuesBody = ruleValuesFields.superRefine((b, ctx) => {
  b.spacing.forEach((s, i) => {
    if (s.maxHeightM !== null && s.maxHeightM <= s.minHeightM)
      ctx.addIssue({
        code: 'custom',
        path: ['spacing', i, 'maxHeightM'],
        message: 'maxHeightM must be above minHeightM.',
      })
    const overlaps = b.spacing.some(
      (o, j) =>
        j < i &&
        o.mastClass === s.mastClass &&
        o.areaKind === s.areaKind &&
        s.minHeightM < (o.maxHeightM ?? Infinity) &&
        o.minHeightM < (s.maxHeightM ?? Infinity),
    )
    if (overlaps)
      ctx.addIssue({
        code: 'custom',
        path: ['spacing', i],
        message: 'settings.band_overlap',
      })
  })
})
export type RuleValuesBody = z.infer<typeof ruleValuesBody>

/** What GET /api/station-rules answers: the values as stored (defaults filled in) and the province. */
export const ruleValuesAnswer = ruleValuesFields.extend({ provinceCode: z.string() })

/** The province's rule values and district classes, as the officer edits them. */
export async function readSettings(
  q: Queryable,
  provinceCode: string,
): Promise<RuleValuesBody & { provinceCode: string }> {
  const values = await loadRuleValues(q, provinceCode)
  const plans = await planRuleValues(q, provinceCode)
  const districtAreaKinds = await q.many<{ districtCode: string; areaKind: 'urban' | 'rural' }>(DISTRICT_AREA_KINDS, [
    provinceCode,
  ])
  return { provinceCode, ...values, ...plans, districtAreaKinds }
}

const ruleParams = (provinceCode: string, v: Omit<RuleValuesBody, 'districtAreaKinds'>) => [
  provinceCode,
  v.a1MaxRatio,
  v.a1MaxHeightM,
  v.shareDistanceUrbanM,
  v.shareDistanceRuralM,
  v.duplicateDistanceM,
  v.defaultAreaKind,
  v.a1MaxReachM,
  v.planMatchM,
  v.trenchDistanceM,
  v.trenchMinLengthM,
]

const spacingParams = (provinceCode: string, spacing: RuleValuesBody['spacing']) => [
  provinceCode,
  spacing.map((s) => s.mastClass),
  spacing.map((s) => s.areaKind),
  spacing.map((s) => s.minHeightM),
  spacing.map((s) => s.maxHeightM),
  spacing.map((s) => s.minDistanceM),
]

/** Replaces the province's rule values and district classes in the caller's transaction. */
export async function writeSettings(tx: Queryable, provinceCode: string, b: RuleValuesBody): Promise<void> {
  await tx.exec(UPSERT_RULE_VALUES, ruleParams(provinceCode, b))
  await tx.exec(DELETE_SPACING_RULES, [provinceCode])
  await tx.exec(INSERT_SPACING_RULES, spacingParams(provinceCode, b.spacing))
  await tx.exec(DELETE_DISTRICT_AREA_KINDS, [provinceCode])
  await tx.exec(INSERT_DISTRICT_AREA_KINDS, [
    provinceCode,
    b.districtAreaKinds.map((d) => d.districtCode),
    b.districtAreaKinds.map((d) => d.areaKind),
  ])
}

/** An officer replaces the rule values: stored with one audit row holding the values before and after. */
export async function replaceSettings(
  tx: Queryable,
  user: Actor,
  provinceCode: string,
  b: RuleValuesBody,
  requestId: string | undefined,
): Promise<RuleValuesBody & { provinceCode: string }> {
  const before = await readSettings(tx, provinceCode).catch(() => null)
  await writeSettings(tx, provinceCode, b)
  const after = await readSettings(tx, provinceCode)
  await audit(
    tx,
    user,
    { action: 'station_rules.update', entity: 'station_rules', entityId: provinceCode, before, after },
    requestId,
  )
  return after
}

/**
 * The national rule values (domain.md: TTLT 15/2016 A1 limits, Quảng Nam's spacing, Hải Dương's must-share
 * distances), what a province starts with until an officer reviews them.
 */
export const NATIONAL_RULE_VALUES: Omit<RuleValuesBody, 'districtAreaKinds'> = {
  a1MaxRatio: 0.2,
  a1MaxHeightM: 3,
  a1MaxReachM: 0.5,
  shareDistanceUrbanM: 100,
  shareDistanceRuralM: 400,
  duplicateDistanceM: 30,
  defaultAreaKind: 'urban',
  planMatchM: 30,
  trenchDistanceM: 15,
  trenchMinLengthM: 100,
  spacing: [
    { mastClass: 'A2a', areaKind: 'urban', minHeightM: 0, maxHeightM: 15, minDistanceM: 150 },
    { mastClass: 'A2a', areaKind: 'rural', minHeightM: 0, maxHeightM: 15, minDistanceM: 200 },
    { mastClass: 'A2a', areaKind: 'urban', minHeightM: 15, maxHeightM: null, minDistanceM: 200 },
    { mastClass: 'A2a', areaKind: 'rural', minHeightM: 15, maxHeightM: null, minDistanceM: 350 },
    { mastClass: 'A2b', areaKind: 'urban', minHeightM: 0, maxHeightM: null, minDistanceM: 300 },
  ],
}

/** Gives a province without rule values the national ones (not marked reviewed); answers whether it did. */
export async function ensureDefaultRules(tx: Queryable, provinceCode: string): Promise<boolean> {
  const added = await tx.exec(INSERT_DEFAULT_RULE_VALUES, ruleParams(provinceCode, NATIONAL_RULE_VALUES))
  if (added === 0) return false
  await tx.exec(INSERT_SPACING_RULES, spacingParams(provinceCode, NATIONAL_RULE_VALUES.spacing))
  return true
}
