// A plan version's upload: read the file (off the event loop when large), check every feature — structure and
// numbers (the gate), properties and types, duplicate codes, VN-2000 pairs converted, then PostGIS validity and
// "inside the province" for all geometries in one statement — and store the version whole, or nothing at all.
import type { Db, Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { badRequest, conflict, msg, Problem } from '../http/problems'
import type { Msg } from '../http/messages'
import { placeGeometries } from '../geo/service'
import { planePairsToWgs84 } from '../coords/service'
import type { Geometry } from '../geo/gate'
import { runOffThread, startOffThread } from '../readers/off-thread'
import { gated, keyOf, type PlanFeature, type ReadResult } from './formats'
import { readUploadBody, type BodyRead, type UploadBody } from './body'
import { planRow, type Defaults, type PlanRow } from './properties'
import { reportCsv, type FeatureReport } from './report'
import type { Scope } from './service'
import * as sql from './sql'

/** Bodies above this size are read in a worker thread, so reading never holds the event loop. */
export const OFF_THREAD_BYTES = 256 * 1024
/** The longest a file may take to read; past it the worker is stopped and the upload refused. */
export const READ_BUDGET_MS = 30_000
const READ_WORKER = new URL('./read-worker.ts', import.meta.url)

/** Starts the thread that reads large uploads (a listening server does, so a first upload finds it ready). */
export function startPlanReader(): Promise<void> {
  return startOffThread(READ_WORKER)
}

async function read(bytes: Buffer): Promise<BodyRead> {
  if (bytes.length <= OFF_THREAD_BYTES) return readUploadBody(bytes)
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  const end = bytes.byteOffset + bytes.byteLength
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, end)) as ArrayBuffer
  return runOffThread<BodyRead>(READ_WORKER, buffer, READ_BUDGET_MS, [buffer])
}

/** Where a new version may not be uploaded: the officer has passed the latest one for the decision. */
const LOCKED_STATES = ['passed']

interface Checked {
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

/** Checks every feature's properties and codes, converting VN-2000 rows; PostGIS's checks follow. */
async function checkFeatures(
  q: Queryable,
  scope: Scope,
  file: ReadResult & { ok: true },
  d: Defaults,
  period: {
    from: number
    to: number
  },
): Promise<Checked> {
  const projected = file.features.filter((f) => f.projected)
  const placed = await planePairsToWgs84(
    q,
    scope.provinceCode,
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
  const rows: PlanRow[] = []
  const problemsOf = new Map<PlanFeature, string[]>()
  const keys = new Map<string, string>()
  for (const f of file.features) {
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
      rows.push(row)
    }
  }
  const verdicts = await placeGeometries(
    q,
    rows.map((r) => r.geometry),
    { provinceCode: scope.provinceCode, noun: 'geometry' },
  )
  verdicts.forEach((v, i) => {
    const row = rows[i]!
    if (v.ok) row.geojson = v.geojson
    else problemsOf.get(row.feature)?.push(...v.errors) ?? problemsOf.set(row.feature, [...v.errors])
  })
  const report: FeatureReport[] = []
  let rejected = 0
  for (const f of file.features) {
    const errors = problemsOf.get(f) ?? []
    if (errors.length > 0) rejected++
    if (errors.length > 0 || f.warnings.length > 0)
      report.push({ index: f.index, label: f.label, errors, warnings: f.warnings })
  }
  return { rows, report, rejected }
}

const refuse = (detail: Msg, report: FeatureReport[]) =>
  new Problem(422, detail, {
    errors: report.flatMap((r) => r.errors.map((message) => ({ path: r.label, message }))),
    report,
    reportCsv: reportCsv(report),
  })

/**
 * Reads an upload body (its JSON bytes), checks the file against the plan and, when every feature passes, stores
 * it as the plan's next version in one transaction, opened only once the file is read. Answers the version.
 */
export async function uploadVersion(db: Db, scope: Scope, planId: number, bytes: Buffer) {
  const body = await read(bytes)
  if (!body.ok) throw badRequest(body.detail, body.errors)
  return db.transaction((tx) => storeVersion(tx, scope, planId, body.upload, body.file))
}

async function storeVersion(
  tx: Queryable,
  scope: Scope,
  planId: number,
  upload: Omit<UploadBody, 'content'>,
  file: ReadResult,
) {
  const plan = await tx.maybeOne<{
    carrierId: number
    periodFrom: number
    periodTo: number
    latestNumber: number | null
    latestState: string | null
  }>(sql.LOCK_PLAN, [planId, scope.provinceCode])
  if (!plan || plan.carrierId !== scope.user.carrierId) throw new Problem(404, msg('plan.not_found'))
  if (plan.latestState && LOCKED_STATES.includes(plan.latestState)) {
    throw conflict(msg('plan.locked', { n: plan.latestNumber ?? 0 }))
  }
  if (!file.ok) {
    const problems = file.problems.map((p) => p.message).join('; ')
    throw new Problem(422, msg('import.file_invalid', { format: upload.format.toUpperCase(), problems }), {
      errors: file.problems.map((p) => ({ path: p.path || '(file)', message: p.message })),
    })
  }
  const period = { from: plan.periodFrom, to: plan.periodTo }
  const { rows, report, rejected } = await checkFeatures(tx, scope, file, upload.defaults, period)
  if (rejected > 0) {
    throw refuse(msg('plan.features_refused', { n: rejected, total: file.features.length }), report)
  }
  if (file.features.length === 0) throw refuse(msg('plan.no_feature'), report)
  const number = (plan.latestNumber ?? 0) + 1
  const sites = rows.filter((r) => r.type === 'site')
  const routes = rows.filter((r) => r.type === 'route')
  const areas = rows.filter((r) => r.type === 'area')
  const version = await tx.one<{ id: number }>(sql.INSERT_VERSION, [
    planId,
    number,
    scope.user.id,
    upload.fileName,
    upload.format,
    file.features.length,
    sites.length,
    routes.length,
    areas.length,
    JSON.stringify(report),
  ])
  const common = (list: PlanRow[]) => ({
    index: list.map((r) => r.feature.index),
    key: list.map((r) => r.key),
    year: list.map((r) => r.year),
    phase: list.map((r) => r.phase),
    attributes: list.map((r) => JSON.stringify(r.attributes)),
    geometry: list.map((r) => r.geojson!),
  })
  if (sites.length > 0) {
    const c = common(sites)
    await tx.exec(sql.INSERT_SITES, [
      version.id,
      c.index,
      c.key,
      sites.map((s) => s.mastClass),
      sites.map((s) => s.heightM),
      c.year,
      c.phase,
      sites.map((s) => s.sharing),
      c.attributes,
      c.geometry,
    ])
  }
  if (routes.length > 0) {
    const c = common(routes)
    await tx.exec(sql.INSERT_ROUTES, [
      version.id,
      c.index,
      c.key,
      routes.map((r) => r.kind),
      c.year,
      c.phase,
      routes.map((r) => r.declaredLengthM),
      c.attributes,
      c.geometry,
    ])
  }
  if (areas.length > 0) {
    const c = common(areas)
    await tx.exec(sql.INSERT_AREAS, [version.id, c.index, c.key, c.year, c.phase, c.attributes, c.geometry])
  }
  await audit(
    tx,
    scope.user,
    {
      action: 'plan_version.upload',
      entity: 'plan_version',
      entityId: version.id,
      after: { planId, number, file: upload.fileName, sites: sites.length, routes: routes.length, areas: areas.length },
    },
    scope.requestId,
  )
  return {
    id: version.id,
    planId,
    number,
    state: 'submitted' as const,
    sites: sites.length,
    routes: routes.length,
    areas: areas.length,
    warnings: report,
  }
}
