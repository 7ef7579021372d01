/**
 * The site rules, as pure functions over facts gathered from the database (facts.ts).
 * Every limit comes from the province's rule data; "closer than the limit" fails, exactly at the limit passes.
 */

import { formatNumber } from '../../shared/format'
import { addExact, compareExact, multiplyExact } from '../decimal'

export type MastClass = 'A1' | 'A1c' | 'A2a' | 'A2b'
export type AreaKind = 'urban' | 'rural'
export type Outcome = 'pass' | 'warn' | 'fail'
export type RuleName =
  | 'in_province'
  | 'zone_class'
  | 'zone_height'
  | 'a1_limits'
  | 'a1_reach'
  | 'spacing'
  | 'must_share'
  | 'duplicate'

/** One rule's verdict, stored with the application. */
export interface RuleResult {
  rule: RuleName
  outcome: Outcome
  values: Record<string, unknown>
  message_vi: string
  message_en: string
}

export interface SpacingRule {
  mastClass: 'A2a' | 'A2b'
  areaKind: AreaKind
  minHeightM: number
  maxHeightM: number | null
  minDistanceM: number
}

/** A province's rule values (table station_rules + spacing_rules). */
export interface RuleValues {
  a1MaxRatio: number
  a1MaxHeightM: number
  /** How far an A1 structure may reach beyond the building edge (domain.md: 0,5 m). */
  a1MaxReachM: number
  shareDistanceUrbanM: number
  shareDistanceRuralM: number
  duplicateDistanceM: number
  defaultAreaKind: AreaKind
  spacing: SpacingRule[]
}

/** The mast being checked. */
export interface Candidate {
  carrierId: number
  mastClass: MastClass
  mastHeightM: number
  buildingHeightM: number | null
  /** How far the structure reaches beyond the building edge; null when not given (stations recorded earlier). */
  reachBeyondEdgeM?: number | null
}

export interface Neighbour {
  id: number
  siteCode: string
  carrierId: number
  operator: string
  mastClass: MastClass
  mastHeightM: number
  state: string
  temporary: boolean
  /** Shown to the public (in service, not a temporary station past its end); read by the permit checker. */
  public?: boolean
  distanceM: number
}

export interface Zone {
  id: number
  name: string
  kind: string
  allowedClasses: string[]
  maxHeightM: number | null
}

/** What the database knows about the place. `neighbours` are all stations within the largest rule distance. */
export interface Facts {
  inProvince: boolean
  district: { code: string; name: string } | null
  areaKind: AreaKind
  zones: Zone[]
  neighbours: Neighbour[]
  nearest: Neighbour[]
  nearestByOperator: Neighbour[]
  rules: RuleValues
}

const EXISTING = new Set(['approved', 'built', 'in_service'])
/** The bulky mast classes: the spacing and sharing rules (and the plans' co-location check) apply to these. */
export const BULKY = new Set<MastClass>(['A2a', 'A2b'])
// Distances are measured on the ellipsoid and compared at centimetre precision, so that a mast placed exactly at a
// limit passes. Heights are typed decimals and are compared exactly (3,004 m is over a 3 m limit).
export const cm = (n: number) => Math.round(n * 100) / 100

/** Formats a number the Vietnamese way (3.446,8), to the centimetre. */
export const vi = (n: number) => formatNumber(cm(n), 'vi', 2)
export const en = (n: number) => formatNumber(cm(n), 'en', 2)

const zoneClass = (c: MastClass) => (c === 'A1c' ? 'A1' : c)

/** The largest distance any rule looks at, so one index query can fetch every neighbour that matters. */
export function searchRadiusM(rules: RuleValues): number {
  return Math.max(
    rules.shareDistanceUrbanM,
    rules.shareDistanceRuralM,
    rules.duplicateDistanceM,
    ...rules.spacing.map((s) => s.minDistanceM),
    1,
  )
}

/** The spacing rule that applies to a mast, or undefined when the province sets none. */
export function spacingRuleFor(
  rules: RuleValues,
  mastClass: MastClass,
  heightM: number,
  area: AreaKind,
): SpacingRule | undefined {
  return rules.spacing.find(
    (s) =>
      s.mastClass === mastClass &&
      s.areaKind === area &&
      heightM > s.minHeightM &&
      (s.maxHeightM === null || heightM <= s.maxHeightM),
  )
}

function result(
  rule: RuleName,
  outcome: Outcome,
  values: Record<string, unknown>,
  message_vi: string,
  message_en: string,
): RuleResult {
  return { rule, outcome, values, message_vi, message_en }
}

const brief = (n: Neighbour) => ({
  id: n.id,
  siteCode: n.siteCode,
  operator: n.operator,
  mastClass: n.mastClass,
  distanceM: cm(n.distanceM),
})

function inProvince(f: Facts): RuleResult {
  const values = { district: f.district, areaKind: f.areaKind }
  return f.inProvince
    ? result(
        'in_province',
        'pass',
        values,
        `Vị trí nằm trong tỉnh${f.district ? `, ${f.district.name}` : ''}.`,
        `The site is inside the province${f.district ? `, ${f.district.name}` : ''}.`,
      )
    : result('in_province', 'fail', values, 'Vị trí nằm ngoài địa giới tỉnh.', 'The site is outside the province.')
}

function zoneAllowsClass(f: Facts, c: Candidate): RuleResult {
  const blocking = f.zones.filter((z) => !z.allowedClasses.includes(zoneClass(c.mastClass)))
  const values = {
    mastClass: c.mastClass,
    zones: f.zones.map((z) => ({ id: z.id, name: z.name, allowedClasses: z.allowedClasses })),
  }
  if (f.zones.length === 0)
    return result(
      'zone_class',
      'pass',
      values,
      'Vị trí không thuộc vùng quy hoạch hạn chế nào.',
      'No planning zone restricts this site.',
    )
  const z = blocking[0]
  if (!z)
    return result(
      'zone_class',
      'pass',
      values,
      `Vùng quy hoạch cho phép cột loại ${c.mastClass}.`,
      `The planning zone allows class ${c.mastClass}.`,
    )
  return result(
    'zone_class',
    'fail',
    { ...values, blockingZone: z.name },
    `Vùng "${z.name}" chỉ cho phép cột loại ${z.allowedClasses.join(', ')}, không cho phép ${c.mastClass}.`,
    `Zone "${z.name}" allows only ${z.allowedClasses.join(', ')}, not ${c.mastClass}.`,
  )
}

function zoneHeight(f: Facts, c: Candidate): RuleResult {
  const totalM = addExact(c.buildingHeightM ?? 0, c.mastHeightM)
  const limited = f.zones.filter((z) => z.maxHeightM !== null).sort((a, b) => a.maxHeightM! - b.maxHeightM!)
  const z = limited[0]
  if (!z)
    return result(
      'zone_height',
      'pass',
      { totalHeightM: totalM, limitM: null },
      'Không có giới hạn chiều cao tại vị trí này.',
      'No height limit applies here.',
    )
  const values = { totalHeightM: totalM, limitM: z.maxHeightM, zone: z.name }
  return compareExact(totalM, z.maxHeightM!) <= 0
    ? result(
        'zone_height',
        'pass',
        values,
        `Chiều cao ${vi(totalM)} m không vượt giới hạn ${vi(z.maxHeightM!)} m của vùng "${z.name}".`,
        `Height ${en(totalM)} m is within the ${en(z.maxHeightM!)} m limit of zone "${z.name}".`,
      )
    : result(
        'zone_height',
        'fail',
        values,
        `Chiều cao ${vi(totalM)} m vượt giới hạn ${vi(z.maxHeightM!)} m của vùng "${z.name}".`,
        `Height ${en(totalM)} m exceeds the ${en(z.maxHeightM!)} m limit of zone "${z.name}".`,
      )
}

function a1Limits(f: Facts, c: Candidate): RuleResult {
  if (c.mastClass === 'A1c')
    return result(
      'a1_limits',
      'pass',
      {},
      'Cột ngụy trang (A1): không áp dụng giới hạn 20 % và 3 m.',
      'Camouflaged mast (A1): the 20 % and 3 m limits do not apply.',
    )
  if (c.mastClass !== 'A1')
    return result('a1_limits', 'pass', {}, 'Không phải cột A1: không áp dụng.', 'Not an A1 mast: does not apply.')
  const building = c.buildingHeightM ?? 0
  const ratioLimitM = multiplyExact(f.rules.a1MaxRatio, building)
  const limitM = compareExact(ratioLimitM, f.rules.a1MaxHeightM) < 0 ? ratioLimitM : f.rules.a1MaxHeightM
  const values = {
    mastHeightM: c.mastHeightM,
    buildingHeightM: building,
    ratioLimitM,
    absoluteLimitM: f.rules.a1MaxHeightM,
    ratio: f.rules.a1MaxRatio,
  }
  const pct = Math.round(f.rules.a1MaxRatio * 100)
  return compareExact(c.mastHeightM, limitM) <= 0
    ? result(
        'a1_limits',
        'pass',
        values,
        `Cột ${vi(c.mastHeightM)} m trong giới hạn A1 ` +
          `(≤ ${pct} % chiều cao công trình và ≤ ${vi(f.rules.a1MaxHeightM)} m).`,
        `The ${en(c.mastHeightM)} m mast is within the A1 limits ` +
          `(≤ ${pct} % of the building and ≤ ${en(f.rules.a1MaxHeightM)} m).`,
      )
    : result(
        'a1_limits',
        'fail',
        values,
        `Cột ${vi(c.mastHeightM)} m vượt giới hạn A1 ${vi(limitM)} m ` +
          `(${pct} % của ${vi(building)} m, tối đa ${vi(f.rules.a1MaxHeightM)} m).`,
        `The ${en(c.mastHeightM)} m mast exceeds the A1 limit of ${en(limitM)} m ` +
          `(${pct} % of ${en(building)} m, at most ${en(f.rules.a1MaxHeightM)} m).`,
      )
}

// A reach is typed to the millimetre and compared exactly, so it is shown to the millimetre: 0,501 m is not "0,5 m".
const viMm = (n: number) => formatNumber(n, 'vi', 3)
const enMm = (n: number) => formatNumber(n, 'en', 3)

function a1Reach(f: Facts, c: Candidate): RuleResult {
  const limitM = f.rules.a1MaxReachM
  if (c.mastClass === 'A1c') {
    return result(
      'a1_reach',
      'pass',
      { limitM },
      'Cột ngụy trang (A1): không áp dụng giới hạn vươn ra ngoài mép công trình.',
      'Camouflaged mast (A1): the reach limit beyond the building edge does not apply.',
    )
  }
  if (c.mastClass !== 'A1') {
    return result(
      'a1_reach',
      'pass',
      { limitM },
      'Không phải cột A1: không áp dụng.',
      'Not an A1 mast: does not apply.',
    )
  }
  const reachM = c.reachBeyondEdgeM ?? null
  const values = { reachM, limitM }
  // A station recorded before the reach was asked for cannot be judged: the officer asks for the figure.
  if (reachM === null) {
    return result(
      'a1_reach',
      'warn',
      values,
      `Chưa khai báo độ vươn ra ngoài mép công trình (tối đa ${viMm(limitM)} m).`,
      `The reach beyond the building edge is not given (at most ${enMm(limitM)} m).`,
    )
  }
  return compareExact(reachM, limitM) <= 0
    ? result(
        'a1_reach',
        'pass',
        values,
        `Kết cấu vươn ${viMm(reachM)} m ra ngoài mép công trình, không vượt ${viMm(limitM)} m.`,
        `The structure reaches ${enMm(reachM)} m beyond the building edge, within ${enMm(limitM)} m.`,
      )
    : result(
        'a1_reach',
        'fail',
        values,
        `Kết cấu vươn ${viMm(reachM)} m ra ngoài mép công trình, vượt giới hạn A1 ${viMm(limitM)} m.`,
        `The structure reaches ${enMm(reachM)} m beyond the building edge, over the A1 limit of ${enMm(limitM)} m.`,
      )
}

const existingBulky = (f: Facts) =>
  f.neighbours.filter((n) => BULKY.has(n.mastClass) && EXISTING.has(n.state) && !n.temporary)

function spacing(f: Facts, c: Candidate): RuleResult {
  const listing = {
    nearest: f.nearest.map(brief),
    nearestByOperator: f.nearestByOperator.map(brief),
    areaKind: f.areaKind,
  }
  if (!BULKY.has(c.mastClass))
    return result(
      'spacing',
      'pass',
      listing,
      'Cột không cồng kềnh: không áp dụng khoảng cách tối thiểu.',
      'Non-bulky mast: minimum spacing does not apply.',
    )
  const rule = spacingRuleFor(f.rules, c.mastClass, c.mastHeightM, f.areaKind)
  const area = { urban: ['đô thị', 'urban'], rural: ['nông thôn', 'rural'] }[f.areaKind]
  if (!rule)
    return result(
      'spacing',
      'warn',
      { ...listing, limitM: null },
      `Tỉnh chưa quy định khoảng cách cho cột ${c.mastClass} khu vực ${area[0]}; chuyên viên xem xét.`,
      `The province sets no spacing for class ${c.mastClass} in ${area[1]} areas; the officer decides.`,
    )
  const near = existingBulky(f)[0]
  const values = { ...listing, limitM: rule.minDistanceM, closest: near ? brief(near) : null }
  if (!near || cm(near.distanceM) >= rule.minDistanceM) {
    return result(
      'spacing',
      'pass',
      values,
      `Không có cột cồng kềnh nào gần hơn ${vi(rule.minDistanceM)} m (khu vực ${area[0]}).`,
      `No bulky mast is closer than ${en(rule.minDistanceM)} m (${area[1]} area).`,
    )
  }
  return result(
    'spacing',
    'fail',
    values,
    `Cột ${near.siteCode} (${near.operator}) cách ${vi(near.distanceM)} m, ` +
      `dưới khoảng cách tối thiểu ${vi(rule.minDistanceM)} m.`,
    `Mast ${near.siteCode} (${near.operator}) is ${en(near.distanceM)} m away, ` +
      `under the minimum spacing of ${en(rule.minDistanceM)} m.`,
  )
}

function mustShare(f: Facts, c: Candidate): RuleResult {
  const limitM = f.areaKind === 'urban' ? f.rules.shareDistanceUrbanM : f.rules.shareDistanceRuralM
  if (!BULKY.has(c.mastClass))
    return result(
      'must_share',
      'pass',
      { limitM },
      'Cột không cồng kềnh: không bắt buộc dùng chung.',
      'Non-bulky mast: sharing is not required.',
    )
  const candidate = existingBulky(f).find((n) => n.carrierId !== c.carrierId)
  if (!candidate || cm(candidate.distanceM) >= limitM) {
    return result(
      'must_share',
      'pass',
      { limitM, candidate: null },
      `Không có cột của doanh nghiệp khác trong phạm vi ${vi(limitM)} m.`,
      `No other operator's mast within ${en(limitM)} m.`,
    )
  }
  return result(
    'must_share',
    'fail',
    { limitM, candidate: brief(candidate) },
    `Phải dùng chung cột ${candidate.siteCode} của ${candidate.operator}, ` +
      `cách ${vi(candidate.distanceM)} m (dưới ${vi(limitM)} m).`,
    `Must share mast ${candidate.siteCode} of ${candidate.operator}, ` +
      `${en(candidate.distanceM)} m away (under ${en(limitM)} m).`,
  )
}

function duplicate(f: Facts, c: Candidate): RuleResult {
  const limitM = f.rules.duplicateDistanceM
  const own = f.neighbours.find((n) => n.carrierId === c.carrierId && cm(n.distanceM) < limitM)
  if (!own)
    return result(
      'duplicate',
      'pass',
      { limitM, duplicateOf: null },
      `Không trùng trạm nào của doanh nghiệp trong phạm vi ${vi(limitM)} m.`,
      `No site of the same operator within ${en(limitM)} m.`,
    )
  return result(
    'duplicate',
    'fail',
    { limitM, duplicateOf: brief(own) },
    `Trùng trạm ${own.siteCode} của chính doanh nghiệp, cách ${vi(own.distanceM)} m.`,
    `Duplicates the operator's own site ${own.siteCode}, ${en(own.distanceM)} m away.`,
  )
}

/** Runs every rule for a candidate mast on the gathered facts. */
export function evaluateRules(facts: Facts, candidate: Candidate): RuleResult[] {
  const c = candidate
  return [
    inProvince(facts),
    zoneAllowsClass(facts, c),
    zoneHeight(facts, c),
    a1Limits(facts, c),
    a1Reach(facts, c),
    spacing(facts, c),
    mustShare(facts, c),
    duplicate(facts, c),
  ]
}

/** The worst outcome of a set of results. */
export function overall(results: RuleResult[]): Outcome {
  if (results.some((r) => r.outcome === 'fail')) return 'fail'
  return results.some((r) => r.outcome === 'warn') ? 'warn' : 'pass'
}
