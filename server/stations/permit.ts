import { z } from 'zod'
import type { Queryable } from '../db/index'
import { toLonLat } from './access'
import { gatherFacts } from './check'
import { evaluateRules, type Neighbour, type RuleResult } from './rules'
import { MAST_CLASSES, position } from './schemas'
import { PUBLIC_POSITIONS } from './sql/lists.sql'

export const permitBody = z
  .object({
    position,
    mastClass: z.enum(MAST_CLASSES),
    mastHeightM: z.number().gt(0).max(150),
    onBuilding: z.boolean(),
    buildingHeightM: z.number().gt(0).max(400).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.onBuilding && !b.buildingHeightM)
      ctx.addIssue({
        code: 'custom',
        path: ['buildingHeightM'],
        message: 'A mast on a building needs the building height.',
      })
    if (!b.onBuilding && b.buildingHeightM)
      ctx.addIssue({
        code: 'custom',
        path: ['buildingHeightM'],
        message: 'A mast on the ground has no building height.',
      })
    if (b.mastClass === 'A2b' && b.onBuilding)
      ctx.addIssue({
        code: 'custom',
        path: ['mastClass'],
        message: 'A2b is a mast on the ground; on a building it is A1 or A2a.',
      })
    if ((b.mastClass === 'A1' || b.mastClass === 'A2a') && !b.onBuilding)
      ctx.addIssue({
        code: 'custom',
        path: ['mastClass'],
        message: `${b.mastClass} stands on a building; on the ground it is A2b.`,
      })
  })
export type PermitBody = z.infer<typeof permitBody>

export const PROCEDURES = [
  'outside_province',
  'not_allowed',
  'must_share',
  'exempt',
  'site_approval_and_building_permit',
] as const
export type Procedure = (typeof PROCEDURES)[number]

const ruleResult = z.object({
  rule: z.enum([
    'in_province',
    'zone_class',
    'zone_height',
    'a1_limits',
    'a1_reach',
    'spacing',
    'must_share',
    'duplicate',
  ]),
  outcome: z.enum(['pass', 'warn', 'fail']),
  values: z.record(z.string(), z.unknown()),
  message_vi: z.string(),
  message_en: z.string(),
})

/** The permit checker's answer: the procedure, why, and every rule's result (neighbours by distance only). */
export const permitAnswer = z.object({
  procedure: z.enum(PROCEDURES),
  message_vi: z.string(),
  message_en: z.string(),
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
  areaKind: z.enum(['urban', 'rural']),
  reasons: z.array(ruleResult),
  results: z.array(ruleResult),
  masts: z
    .array(z.object({ lon: z.number(), lat: z.number(), distanceM: z.number() }))
    .describe('Where the existing masts the reasons name stand (masts the public map shows; no codes or operators)'),
})

const EXPLAIN: Record<Procedure, [vi: string, en: string]> = {
  outside_province: [
    'Vị trí nằm ngoài tỉnh: hỏi Sở TT&TT nơi đặt trạm.',
    'The site is outside the province: ask the department where it stands.',
  ],
  not_allowed: [
    'Không được lắp đặt cột này tại vị trí này theo quy hoạch của tỉnh.',
    'The province plan does not allow this mast here.',
  ],
  must_share: [
    'Phải dùng chung cột hiện có gần đó thay vì xây cột mới.',
    'Share the existing mast nearby instead of building a new one.',
  ],
  exempt: [
    'Cột không cồng kềnh (A1): miễn giấy phép xây dựng; thông báo cho Sở TT&TT trước khi lắp đặt.',
    'Non-bulky mast (A1): no building permit; notify the department before installing.',
  ],
  site_approval_and_building_permit: [
    'Cột cồng kềnh: nộp hồ sơ xin chấp thuận vị trí tại Sở TT&TT, sau đó xin giấy phép xây dựng.',
    'Bulky mast: apply to the department for site approval, then for a building permit.',
  ],
}

// Neighbours are named by distance only: the public answer carries no site codes or operators' plans.
function anonymous(r: RuleResult): RuleResult {
  const { nearest, nearestByOperator, closest, candidate, duplicateOf, ...values } = r.values as Record<string, unknown>
  const distances = (list: unknown) =>
    Array.isArray(list) ? list.map((n: { distanceM: number }) => n.distanceM) : undefined
  const one = (n: unknown) => (n ? (n as { distanceM: number }).distanceM : undefined)
  return {
    ...r,
    values: { ...values, nearestDistancesM: distances(nearest), closestDistanceM: one(closest) ?? one(candidate) },
    message_vi: r.message_vi.replace(/cột \S+ \([^)]*\)|cột \S+ của \S+/gi, 'một cột hiện có'),
    message_en: r.message_en.replace(/mast \S+ \([^)]*\)|mast \S+ of \S+/gi, 'an existing mast'),
  }
}

/**
 * The public permit checker (like the FCC's TOWAIR): which procedure applies to a mast of a class and height
 * at a place under the province's rules, and why. Only masts the public map shows count as neighbours.
 */
export async function checkPermit(q: Queryable, provinceCode: string, body: PermitBody) {
  const at = await toLonLat(q, provinceCode, body.position, 'body.position', false)
  const facts = await gatherFacts(q, provinceCode, at, null)
  const shown = (n: Neighbour) => n.public === true
  const publicFacts = {
    ...facts,
    neighbours: facts.neighbours.filter(shown),
    nearest: facts.nearest.filter(shown),
    nearestByOperator: facts.nearestByOperator.filter(shown),
  }
  // carrierId 0 is no carrier: nothing is the asker's own site.
  const evaluated = evaluateRules(publicFacts, {
    carrierId: 0,
    mastClass: body.mastClass,
    mastHeightM: body.mastHeightM,
    buildingHeightM: body.buildingHeightM ?? null,
  }).filter((r) => r.rule !== 'duplicate')
  const results = evaluated.map(anonymous)
  const failed = (rule: string) => results.some((r) => r.rule === rule && r.outcome === 'fail')
  let procedure: Procedure
  if (!facts.inProvince) procedure = 'outside_province'
  else if (failed('zone_class') || failed('zone_height')) procedure = 'not_allowed'
  else if (failed('must_share')) procedure = 'must_share'
  else if (failed('spacing')) procedure = 'not_allowed'
  else if (body.mastClass === 'A1c' || (body.mastClass === 'A1' && !failed('a1_limits') && !failed('a1_reach')))
    procedure = 'exempt'
  else procedure = 'site_approval_and_building_permit'
  const [vi, en] = EXPLAIN[procedure]
  const why = results.filter((r) => r.outcome !== 'pass')
  return {
    masts: await namedMasts(q, provinceCode, evaluated),
    procedure,
    message_vi: vi,
    message_en: en,
    district: facts.district,
    areaKind: facts.areaKind,
    reasons: why.length > 0 ? why : results,
    results,
  }
}

/** Where the existing masts that failing or warning rules name stand, nearest first (public masts only). */
async function namedMasts(q: Queryable, provinceCode: string, results: RuleResult[]) {
  const named = new Map<number, number>()
  for (const r of results) {
    if (r.outcome === 'pass') continue
    const { closest, candidate } = r.values as {
      closest?: { id: number; distanceM: number } | null
      candidate?: typeof closest
    }
    for (const n of [closest, candidate]) if (n) named.set(n.id, n.distanceM)
  }
  if (named.size === 0) return []
  const rows = await q.many<{ id: number; lon: number; lat: number }>(PUBLIC_POSITIONS, [
    provinceCode,
    [...named.keys()],
  ])
  return rows
    .map((r) => ({ lon: r.lon, lat: r.lat, distanceM: named.get(Number(r.id))! }))
    .sort((a, b) => a.distanceM - b.distanceM)
}
