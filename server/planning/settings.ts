import { z } from 'zod'
import type { Queryable } from '../db/index'
import { loadRuleValues } from '../stations/check'

const metres = z.number().min(0).max(10_000)

/** The rule values an officer edits, with the urban/rural class of each district. */
export const ruleValuesBody = z
  .object({
    a1MaxRatio: z.number().gt(0).max(1),
    a1MaxHeightM: z.number().gt(0).max(20),
    a1MaxReachM: z.number().min(0).max(10),
    shareDistanceUrbanM: metres,
    shareDistanceRuralM: metres,
    duplicateDistanceM: metres,
    defaultAreaKind: z.enum(['urban', 'rural']),
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
  .superRefine((b, ctx) => {
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
          message: 'This height band overlaps another for the same class and area.',
        })
    })
  })
export type RuleValuesBody = z.infer<typeof ruleValuesBody>

/** The province's rule values and district classes, as the officer edits them. */
export async function readSettings(
  q: Queryable,
  provinceCode: string,
): Promise<RuleValuesBody & { provinceCode: string }> {
  const values = await loadRuleValues(q, provinceCode)
  const districtAreaKinds = await q.many<{ districtCode: string; areaKind: 'urban' | 'rural' }>(
    `SELECT district_code AS "districtCode", area_kind AS "areaKind" FROM district_area_kinds WHERE province_code = $1 ORDER BY district_code`,
    [provinceCode],
  )
  return { provinceCode, ...values, districtAreaKinds }
}

/** Replaces the province's rule values and district classes in the caller's transaction. */
export async function writeSettings(tx: Queryable, provinceCode: string, b: RuleValuesBody): Promise<void> {
  await tx.exec(
    `INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m, share_distance_rural_m,
                                duplicate_distance_m, default_area_kind, a1_max_reach_m, updated_at, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())
     ON CONFLICT (province_code) DO UPDATE SET a1_max_ratio = $2, a1_max_height_m = $3, share_distance_urban_m = $4,
       share_distance_rural_m = $5, duplicate_distance_m = $6, default_area_kind = $7, a1_max_reach_m = $8,
       updated_at = now(), reviewed_at = now()`,
    [
      provinceCode,
      b.a1MaxRatio,
      b.a1MaxHeightM,
      b.shareDistanceUrbanM,
      b.shareDistanceRuralM,
      b.duplicateDistanceM,
      b.defaultAreaKind,
      b.a1MaxReachM,
    ],
  )
  await tx.exec('DELETE FROM spacing_rules WHERE province_code = $1', [provinceCode])
  await tx.exec(
    `INSERT INTO spacing_rules (province_code, mast_class, area_kind, min_height_m, max_height_m, min_distance_m)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])`,
    [
      provinceCode,
      b.spacing.map((s) => s.mastClass),
      b.spacing.map((s) => s.areaKind),
      b.spacing.map((s) => s.minHeightM),
      b.spacing.map((s) => s.maxHeightM),
      b.spacing.map((s) => s.minDistanceM),
    ],
  )
  await tx.exec('DELETE FROM district_area_kinds WHERE province_code = $1', [provinceCode])
  await tx.exec(
    `INSERT INTO district_area_kinds (province_code, district_code, area_kind) SELECT $1, * FROM unnest($2::text[], $3::text[])`,
    [provinceCode, b.districtAreaKinds.map((d) => d.districtCode), b.districtAreaKinds.map((d) => d.areaKind)],
  )
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
  const v = NATIONAL_RULE_VALUES
  const added = await tx.exec(
    `INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m,
                                share_distance_rural_m, duplicate_distance_m, default_area_kind, a1_max_reach_m)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (province_code) DO NOTHING`,
    [
      provinceCode,
      v.a1MaxRatio,
      v.a1MaxHeightM,
      v.shareDistanceUrbanM,
      v.shareDistanceRuralM,
      v.duplicateDistanceM,
      v.defaultAreaKind,
      v.a1MaxReachM,
    ],
  )
  if (added === 0) return false
  await tx.exec(
    `INSERT INTO spacing_rules (province_code, mast_class, area_kind, min_height_m, max_height_m, min_distance_m)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])`,
    [
      provinceCode,
      v.spacing.map((s) => s.mastClass),
      v.spacing.map((s) => s.areaKind),
      v.spacing.map((s) => s.minHeightM),
      v.spacing.map((s) => s.maxHeightM),
      v.spacing.map((s) => s.minDistanceM),
    ],
  )
  return true
}
