import type { Queryable } from '../db/index'
import { metresToDegrees } from '../geo/degrees'
import { notFound, msg } from '../http/problems'
import {
  evaluateRules,
  searchRadiusM,
  type Candidate,
  type Facts,
  type Neighbour,
  type RuleResult,
  type RuleValues,
} from './rules'
import { NEAREST, NEAREST_BY_OPERATOR, PLACE, RULE_VALUES, WITHIN, ZONES } from './sql/facts.sql'
import { RULE_CHECK_INPUT, SAVE_RULE_RESULTS } from './sql/stations.sql'

export interface LonLat {
  lon: number
  lat: number
}

/** The province's rule values; a province without rules cannot take applications. */
export async function loadRuleValues(q: Queryable, provinceCode: string): Promise<RuleValues> {
  const row = await q.maybeOne<RuleValues & Record<string, unknown>>(RULE_VALUES, [provinceCode])
  if (!row) throw notFound(msg('rules.not_set', { province: provinceCode }))
  return row
}

/** Gathers what the rules need to know about a point. `excludeId` leaves the station itself out. */
export async function gatherFacts(
  q: Queryable,
  provinceCode: string,
  at: LonLat,
  excludeId: number | null,
  rules?: RuleValues,
): Promise<Facts> {
  const values = rules ?? (await loadRuleValues(q, provinceCode))
  const radius = searchRadiusM(values)
  const base = [at.lon, at.lat, provinceCode]
  const place = await q.one<{
    inProvince: boolean
    districtCode: string | null
    districtName: string | null
    areaKind: 'urban' | 'rural'
  }>(PLACE, base)
  const zones = await q.many<Facts['zones'][number] & Record<string, unknown>>(ZONES, base)
  const neighbours = await q.many<Neighbour & Record<string, unknown>>(WITHIN, [
    ...base,
    metresToDegrees(radius, at.lat),
    excludeId,
    radius,
  ])
  const nearest = await q.many<Neighbour & Record<string, unknown>>(NEAREST, [...base, excludeId])
  const nearestByOperator = await q.many<Neighbour & Record<string, unknown>>(NEAREST_BY_OPERATOR, [...base, excludeId])
  return {
    inProvince: place.inProvince,
    district: place.districtCode ? { code: place.districtCode, name: place.districtName ?? '' } : null,
    areaKind: place.areaKind,
    zones,
    neighbours,
    nearest,
    nearestByOperator,
    rules: values,
  }
}

/** Runs the rules for a candidate mast at a point. */
export async function checkSite(
  q: Queryable,
  provinceCode: string,
  at: LonLat,
  candidate: Candidate,
  excludeId: number | null,
): Promise<{ facts: Facts; results: RuleResult[] }> {
  const facts = await gatherFacts(q, provinceCode, at, excludeId)
  return { facts, results: evaluateRules(facts, candidate) }
}

/**
 * Re-runs the rule check of one stored station and saves the results with it (no version bump: the
 * results follow from the data). This is the function the bench times as `stations.rule_check_p95_ms`.
 */
export async function runRuleCheck(q: Queryable, stationId: number): Promise<RuleResult[]> {
  const s = await q.maybeOne<{ provinceCode: string; lon: number; lat: number } & Candidate & Record<string, unknown>>(
    RULE_CHECK_INPUT,
    [stationId],
  )
  if (!s) throw notFound('station.not_found')
  const { results } = await checkSite(q, s.provinceCode, s, s, stationId)
  await q.exec(SAVE_RULE_RESULTS, [stationId, JSON.stringify(results)])
  return results
}

/**
 * EXPLAIN of the two spacing queries (radius and nearest-five) at a point, as text lines, so the bench can fail
 * when the GiST index on stations.geom is not used.
 */
export async function explainSpacing(
  q: Queryable,
  provinceCode: string,
  at: LonLat,
): Promise<{ within: string; nearest: string; usesIndex: boolean }> {
  const rules = await loadRuleValues(q, provinceCode)
  const radius = searchRadiusM(rules)
  const plan = async (sql: string, params: unknown[]) =>
    (await q.many<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n')
  const within = await plan(WITHIN, [at.lon, at.lat, provinceCode, metresToDegrees(radius, at.lat), null, radius])
  const nearest = await plan(NEAREST, [at.lon, at.lat, provinceCode, null])
  const usesIndex = [within, nearest].every((p) => /stations_geom_idx/.test(p))
  return { within, nearest, usesIndex }
}
