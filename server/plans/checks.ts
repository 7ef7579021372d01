// The automatic appraisal of a plan version (issue 12): every planned site through the station rules
// (server/stations/rules.ts, the one home of each rule) on facts gathered for all sites at once, and the plans'
// own checks against the other carriers' current plans and the existing routes: co-location (two carriers'
// bulky masts within the sharing distance) and shared trench (routes on one street, or one along the other).
// The findings of a run replace the version's previous ones; staff read them grouped by rule and district.
import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { loadRuleValues } from '../stations/check'
import {
  BULKY,
  cm,
  en,
  evaluateRules,
  searchRadiusM,
  vi,
  type Facts,
  type MastClass,
  type RuleName,
  type RuleResult,
  type RuleValues,
} from '../stations/rules'
import { getVersion, type Scope } from './service'
import * as sql from './checks.sql'

/** The station rules a planned site is checked against (the A1 limits need a building the plan does not give). */
export const SITE_RULES = [
  'in_province',
  'zone_class',
  'zone_height',
  'spacing',
  'must_share',
  'duplicate',
] as const satisfies readonly RuleName[]
/** The plans' own checks. */
export const PLAN_RULES = ['co_location', 'shared_trench', 'existing_trench'] as const
export const FINDING_RULES = [...SITE_RULES, ...PLAN_RULES] as const
export type FindingRule = (typeof FINDING_RULES)[number]
export type FindingOutcome = 'fail' | 'warn' | 'opportunity'

/** One finding on one feature. */
export interface Finding {
  featureIndex: number
  featureKind: 'site' | 'route'
  featureKey: string | null
  rule: FindingRule
  outcome: FindingOutcome
  districtCode: string | null
  other: Record<string, unknown> | null
  detail: Record<string, unknown>
  messageVi: string
  messageEn: string
}

export interface PlanRuleValues {
  planMatchM: number
  trenchDistanceM: number
  trenchMinLengthM: number
}

interface SiteFacts {
  index: number
  key: string | null
  mastClass: MastClass
  heightM: number
  inProvince: boolean
  districtCode: string | null
  districtName: string | null
  areaKind: 'urban' | 'rural'
  zones: Facts['zones']
  neighbours: Facts['neighbours']
}

/** What a station rule's verdict was found against: the station its values name. */
function stationOf(r: RuleResult): Record<string, unknown> | null {
  const v = r.values as Record<string, Record<string, unknown> | null | undefined>
  const s = v.duplicateOf ?? v.candidate ?? v.closest
  if (s) return { kind: 'station', ...s }
  if (r.rule === 'zone_class' || r.rule === 'zone_height') return { kind: 'zone', name: v.blockingZone ?? v.zone }
  return null
}

/** The station rules on every planned site: the failing and warning verdicts as findings. */
export function siteFindings(sites: SiteFacts[], carrierId: number, rules: RuleValues): Finding[] {
  const out: Finding[] = []
  for (const s of sites) {
    const facts: Facts = {
      inProvince: s.inProvince,
      district: s.districtCode ? { code: s.districtCode, name: s.districtName ?? '' } : null,
      areaKind: s.areaKind,
      zones: s.zones,
      neighbours: s.neighbours,
      nearest: [],
      nearestByOperator: [],
      rules,
    }
    const results = evaluateRules(facts, {
      carrierId,
      mastClass: s.mastClass,
      mastHeightM: s.heightM,
      buildingHeightM: null,
    })
    for (const r of results) {
      if (!(SITE_RULES as readonly RuleName[]).includes(r.rule) || r.outcome === 'pass') continue
      // an existing mast within the sharing distance is, for a plan, the chance to share it
      const outcome: FindingOutcome = r.rule === 'must_share' ? 'opportunity' : r.outcome
      const { nearest: _n, nearestByOperator: _o, ...detail } = r.values as Record<string, unknown>
      out.push({
        featureIndex: s.index,
        featureKind: 'site',
        featureKey: s.key,
        rule: r.rule as FindingRule,
        outcome,
        districtCode: s.districtCode,
        other: stationOf(r),
        detail,
        messageVi: r.message_vi,
        messageEn: r.message_en,
      })
    }
  }
  return out
}

interface SitePair {
  index: number
  mastClass: MastClass
  otherId: number
  otherKey: string | null
  otherClass: MastClass
  operator: string
  state: string
  planId: number
  title: string
  number: number
  distanceM: number
}

/** The sharing distance where a site stands (the station rules' urban or rural value). */
const shareLimit = (rules: RuleValues, area: 'urban' | 'rural') =>
  area === 'urban' ? rules.shareDistanceUrbanM : rules.shareDistanceRuralM

/**
 * Co-location: a bulky mast of this plan and a bulky mast of another carrier's current plan closer than the
 * sharing distance (closer than the limit counts, exactly at it does not, as the sharing rule of the stations).
 */
export function coLocationFindings(pairs: SitePair[], sites: Map<number, SiteFacts>, rules: RuleValues): Finding[] {
  const out: Finding[] = []
  for (const p of pairs) {
    const site = sites.get(p.index)
    if (!site || !BULKY.has(p.mastClass) || !BULKY.has(p.otherClass)) continue
    const limitM = shareLimit(rules, site.areaKind)
    if (cm(p.distanceM) >= limitM) continue
    const code = p.otherKey ?? `#${p.otherId}`
    out.push({
      featureIndex: p.index,
      featureKind: 'site',
      featureKey: site.key,
      rule: 'co_location',
      outcome: 'opportunity',
      districtCode: site.districtCode,
      other: {
        kind: 'planned_site',
        id: p.otherId,
        key: p.otherKey,
        operator: p.operator,
        planId: p.planId,
        title: p.title,
        version: p.number,
        state: p.state,
        distanceM: cm(p.distanceM),
      },
      detail: { limitM, areaKind: site.areaKind },
      messageVi:
        `Có thể dùng chung: trạm ${code} trong quy hoạch của ${p.operator} cách ${vi(p.distanceM)} m ` +
        `(dưới ${vi(limitM)} m).`,
      messageEn:
        `Co-location: site ${code} in ${p.operator}'s plan is ${en(p.distanceM)} m away ` + `(under ${en(limitM)} m).`,
    })
  }
  return out
}

interface RoutePair {
  index: number
  key: string | null
  districtCode: string | null
  otherId: number
  otherKey: string | null
  operator?: string
  state: string
  planId?: number
  title?: string
  number?: number
  sameStreet: boolean
  street: string | null
  alongM: number
}

/**
 * Shared trench: a route of this plan and another route (another carrier's current plan, or an existing cable
 * route) within the trench distance that name the same street, or where one runs along the other for at least
 * the minimum length.
 */
export function trenchFindings(pairs: RoutePair[], existing: boolean, values: PlanRuleValues): Finding[] {
  const out: Finding[] = []
  for (const p of pairs) {
    const along = cm(p.alongM) >= values.trenchMinLengthM
    if (!p.sameStreet && !along) continue
    const code = p.otherKey ?? `#${p.otherId}`
    const whyVi = p.sameStreet ? `cùng tuyến đường ${p.street}` : `đi song song ${vi(p.alongM)} m`
    const whyEn = p.sameStreet ? `on the same street, ${p.street}` : `running along it for ${en(p.alongM)} m`
    const d = `(≤ ${vi(values.trenchDistanceM)} m)`
    const dEn = `(≤ ${en(values.trenchDistanceM)} m)`
    out.push({
      featureIndex: p.index,
      featureKind: 'route',
      featureKey: p.key,
      rule: existing ? 'existing_trench' : 'shared_trench',
      outcome: 'opportunity',
      districtCode: p.districtCode,
      other: existing
        ? { kind: 'cable_route', id: p.otherId, name: p.otherKey, state: p.state }
        : {
            kind: 'planned_route',
            id: p.otherId,
            key: p.otherKey,
            operator: p.operator,
            planId: p.planId,
            title: p.title,
            version: p.number,
            state: p.state,
          },
      detail: {
        sameStreet: p.sameStreet,
        alongM: cm(p.alongM),
        distanceM: values.trenchDistanceM,
        minLengthM: values.trenchMinLengthM,
      },
      messageVi: existing
        ? `Có thể dùng chung hào, cống với tuyến cáp hiện có "${code}": ${whyVi} ${d}.`
        : `Có thể dùng chung hào, cống với tuyến ${code} trong quy hoạch của ${p.operator}: ${whyVi} ${d}.`,
      messageEn: existing
        ? `Shared trench with the existing cable route "${code}": ${whyEn} ${dEn}.`
        : `Shared trench with route ${code} in ${p.operator}'s plan: ${whyEn} ${dEn}.`,
    })
  }
  return out
}

/** The province's plan rule values. */
export async function planRuleValues(q: Queryable, provinceCode: string): Promise<PlanRuleValues> {
  return q.one<PlanRuleValues & Record<string, unknown>>(sql.PLAN_RULE_VALUES, [provinceCode])
}

/** Runs every check on every feature of a version and stores the findings (replacing the last run's). */
export async function runChecks(tx: Queryable, scope: Scope, planId: number, number: number) {
  const v = await getVersion(tx, scope, planId, number)
  const rules = await loadRuleValues(tx, scope.provinceCode)
  const values = await planRuleValues(tx, scope.provinceCode)
  const sites = await tx.many<SiteFacts & Record<string, unknown>>(sql.SITE_FACTS, [
    v.id,
    scope.provinceCode,
    searchRadiusM(rules),
  ])
  const byIndex = new Map(sites.map((s) => [s.index, s]))
  const shareRadius = Math.max(rules.shareDistanceUrbanM, rules.shareDistanceRuralM)
  const base = [v.id, scope.provinceCode, v.carrierId]
  const sitePairs = await tx.many<SitePair & Record<string, unknown>>(sql.PLAN_SITE_PAIRS, [...base, shareRadius])
  const routePairs = await tx.many<RoutePair & Record<string, unknown>>(sql.PLAN_ROUTE_PAIRS, [
    ...base,
    values.trenchDistanceM,
  ])
  const existingPairs = await tx.many<RoutePair & Record<string, unknown>>(sql.EXISTING_ROUTE_PAIRS, [
    ...base,
    values.trenchDistanceM,
  ])
  const findings = [
    ...siteFindings(sites, v.carrierId, rules),
    ...coLocationFindings(sitePairs, byIndex, rules),
    ...trenchFindings(routePairs, false, values),
    ...trenchFindings(existingPairs, true, values),
  ]
  await tx.exec(sql.DELETE_FINDINGS, [v.id])
  if (findings.length > 0) {
    const col = <T>(f: (x: Finding) => T) => findings.map(f)
    await tx.exec(sql.INSERT_FINDINGS, [
      v.id,
      col((f) => f.featureIndex),
      col((f) => f.featureKind),
      col((f) => f.featureKey),
      col((f) => f.rule),
      col((f) => f.outcome),
      col((f) => f.districtCode),
      col((f) => (f.other === null ? null : JSON.stringify(f.other))),
      col((f) => JSON.stringify(f.detail)),
      col((f) => f.messageVi),
      col((f) => f.messageEn),
    ])
  }
  await tx.one(sql.MARK_CHECKED, [v.id])
  await audit(
    tx,
    scope.user,
    { action: 'plan_version.check', entity: 'plan_version', entityId: v.id, after: { findings: findings.length } },
    scope.requestId,
  )
  return listFindings(tx, scope, planId, number)
}

type StoredFinding = Finding & { districtName: string | null }

/** Counts of findings by one key, biggest first. */
function countBy(findings: StoredFinding[], key: (f: StoredFinding) => string) {
  const counts = new Map<string, number>()
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1)
  return [...counts].map(([k, n]) => ({ key: k, count: n }))
}

/** A version's stored findings (staff only: they name the other carriers' unapproved plans) and their groups. */
export async function listFindings(q: Queryable, scope: Scope, planId: number, number: number) {
  const v = await getVersion(q, scope, planId, number)
  const checkedAt = (await q.one<{ checkedAt: string | null }>(sql.CHECKED_AT, [v.id])).checkedAt
  const findings = await q.many<StoredFinding & Record<string, unknown>>(sql.LIST_FINDINGS, [v.id])
  const byRule = FINDING_RULES.map((rule) => {
    const of = findings.filter((f) => f.rule === rule)
    return {
      rule,
      count: of.length,
      fail: of.filter((f) => f.outcome === 'fail').length,
      warn: of.filter((f) => f.outcome === 'warn').length,
      opportunity: of.filter((f) => f.outcome === 'opportunity').length,
    }
  }).filter((g) => g.count > 0)
  const names = new Map(findings.map((f) => [f.districtCode ?? '', f.districtName]))
  const byDistrict = countBy(findings, (f) => f.districtCode ?? '').map((g) => ({
    districtCode: g.key || null,
    districtName: names.get(g.key) ?? null,
    count: g.count,
  }))
  return { checkedAt, total: findings.length, byRule, byDistrict, findings }
}
