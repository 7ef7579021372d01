// A plan file's features checked: VN-2000 pairs converted, then in slices of VALIDATE_SLICE features the
// properties and types, duplicate codes, and PostGIS validity and "inside the province" (one statement a slice),
// reporting the count after each slice so that a large upload can show its progress.
import type { Queryable } from '../db/index'
import { placeGeometries } from '../geo/service'
import { render } from '../http/messages'
import { planePairsToWgs84 } from '../coords/service'
import type { Geometry } from '../geo/gate'
import { gated, keyOf, type PlanFeature, type ReadResult } from './formats'
import { planRow, type Defaults, type PlanRow } from './properties'
import type { FeatureReport } from './report'
import type { ImportProgress } from './import-jobs'

/**
 * Features validated per statement: large enough that a 20,000-feature file takes 20 round trips, small enough
 * that progress moves about once a second on a slow machine and that, on the embedded database's one
 * connection, other requests get their turn between slices.
 */
export const VALIDATE_SLICE = 1000

/** The rows to store, the per-feature report, and how many features were refused. */
export interface Checked {
  rows: PlanRow[]
  report: FeatureReport[]
  rejected: number
}

/** A feature's geometries: a GeometryCollection's members each become a feature of their own. */
function parts(f: PlanFeature, geometry: Geometry): { feature: PlanFeature; geometry: Geometry }[] {
  if (geometry.type !== 'GeometryCollection') return [{ feature: f, geometry }]
  f.warnings.push(`the GeometryCollection was split into ${geometry.geometries.length} features`)
  return geometry.geometries.map((g, j) => ({ feature: { ...f, label: `${f.label} part ${j + 1}` }, geometry: g }))
}

/** Converts the file's VN-2000 pairs to WGS84 points through the gate, in one statement. */
async function placeProjected(q: Queryable, provinceCode: string, features: PlanFeature[]): Promise<void> {
  const projected = features.filter((f) => f.projected)
  const placed = await planePairsToWgs84(
    q,
    provinceCode,
    projected.map((f) => f.projected!),
  )
  placed.forEach((p, i) => {
    const f = projected[i]!
    if (!p.ok) f.problems.push(p.message)
    else {
      const g = gated(f.index, f.label, { type: 'Point', coordinates: p.lonLat }, f.properties, f.warnings)
      Object.assign(f, { geometry: g.geometry, problems: g.problems, warnings: g.warnings })
    }
  })
}

/**
 * Checks every feature of a file read, slice by slice, calling `progress` after each slice with the features
 * validated so far and how many of them have errors and warnings. Runs outside any transaction: nothing is
 * written, and each statement gives the connection back.
 */
export async function checkFeatures(
  q: Queryable,
  provinceCode: string,
  file: ReadResult & { ok: true },
  d: Defaults,
  period: { from: number; to: number },
  progress: (p: Partial<ImportProgress>) => void,
): Promise<Checked> {
  const total = file.features.length
  progress({ phase: 'validating', done: 0, total })
  await placeProjected(q, provinceCode, file.features)
  const rows: PlanRow[] = []
  const problemsOf = new Map<PlanFeature, string[]>()
  const keys = new Map<string, string>()
  let errors = 0
  let warnings = 0
  for (let start = 0; start < total; start += VALIDATE_SLICE) {
    const slice = file.features.slice(start, start + VALIDATE_SLICE)
    const sliceRows: PlanRow[] = []
    // the file's feature each row came from (a GeometryCollection's parts are rows of one feature)
    const owners: PlanFeature[] = []
    for (const f of slice) {
      const problems = [...f.problems]
      problemsOf.set(f, problems)
      if (problems.length > 0) continue
      if (!f.geometry) {
        f.warnings.push('the feature has no geometry: it is not part of the plan')
        continue
      }
      if (f.geometry.type === 'GeometryCollection' && keyOf(f.properties) !== undefined) {
        problems.push('a GeometryCollection carries one code for several features: give each part a feature and code')
        continue
      }
      for (const { feature, geometry } of parts(f, f.geometry)) {
        const row = planRow(feature, geometry, d, period, problems)
        const dup = row.key === null ? undefined : keys.get(`${row.type}:${row.key}`)
        if (dup) problems.push(`the ${row.type} code ${row.key} is also on ${dup}`)
        else if (row.key !== null) keys.set(`${row.type}:${row.key}`, feature.label)
        sliceRows.push(row)
        owners.push(f)
      }
    }
    const verdicts = await placeGeometries(
      q,
      sliceRows.map((r) => r.geometry),
      { provinceCode, noun: 'geometry' },
    )
    verdicts.forEach((v, i) => {
      const row = sliceRows[i]!
      if (v.ok) row.geojson = v.geojson
      // the per-feature report is in English as a whole (its other reasons are too)
      else problemsOf.get(owners[i]!)!.push(...v.errors.map((m) => render(m, 'en')))
    })
    for (const row of sliceRows) rows.push(row)
    for (const f of slice) {
      if (problemsOf.get(f)!.length > 0) errors++
      if (f.warnings.length > 0) warnings++
    }
    progress({ done: start + slice.length, errors, warnings })
  }
  const report: FeatureReport[] = []
  for (const f of file.features) {
    const errs = problemsOf.get(f)!
    if (errs.length > 0 || f.warnings.length > 0)
      report.push({ index: f.index, label: f.label, errors: errs, warnings: f.warnings })
  }
  return { rows, report, rejected: errors }
}
