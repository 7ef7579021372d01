// A plan version's upload: the plan checked, the file read (off the event loop when large), every feature checked
// (validate.ts) outside any transaction, then the version stored whole in one short transaction, or nothing at all.
// Each step reports its phase, so that an upload followed through import-jobs.ts shows its progress.
import type { Db, Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { badRequest, conflict, msg, notFound, Problem } from '../http/problems'
import type { Msg } from '../http/messages'
import { runOffThread, startOffThread } from '../readers/off-thread'
import type { ReadResult } from './formats'
import { readUploadBody, type BodyRead, type UploadBody } from './body'
import type { PlanRow } from './properties'
import { reportCsv, type FeatureReport } from './report'
import type { Scope } from './service'
import type { ImportProgress } from './import-jobs'
import { checkFeatures } from './validate'
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

interface UploadPlan {
  carrierId: number
  periodFrom: number
  periodTo: number
  latestNumber: number | null
  latestState: string | null
}

/** The plan as an upload needs it (404 unless it is the carrier's own; 409 when locked), read with `statement`. */
async function uploadablePlan(q: Queryable, statement: string, scope: Scope, planId: number): Promise<UploadPlan> {
  const plan = await q.maybeOne<UploadPlan & Record<string, unknown>>(statement, [planId, scope.provinceCode])
  if (!plan || plan.carrierId !== scope.user.carrierId) throw notFound('plan.not_found')
  if (plan.latestState && LOCKED_STATES.includes(plan.latestState)) {
    throw conflict(msg('plan.locked', { n: plan.latestNumber ?? 0 }))
  }
  return plan
}

/** Checks that the user may upload a version of the plan now (404, 409), before the file is read. */
export async function checkUploadable(q: Queryable, scope: Scope, planId: number): Promise<void> {
  await uploadablePlan(q, sql.UPLOAD_PLAN, scope, planId)
}

const refuse = (detail: Msg, report: FeatureReport[]) =>
  new Problem(422, detail, {
    errors: report.flatMap((r) => r.errors.map((message) => ({ path: r.label, message }))),
    report,
    reportCsv: reportCsv(report),
  })

/**
 * Reads an upload body (its JSON bytes), checks the file against the plan and, when every feature passes, stores
 * it as the plan's next version in one transaction, opened only once every feature is checked. Answers the
 * version; `progress` hears of each phase and of the features validated so far.
 */
export async function uploadVersion(
  db: Db,
  scope: Scope,
  planId: number,
  bytes: Buffer,
  progress: (p: Partial<ImportProgress>) => void = () => {},
) {
  const plan = await uploadablePlan(db, sql.UPLOAD_PLAN, scope, planId)
  progress({ phase: 'reading' })
  const body = await read(bytes)
  if (!body.ok) throw badRequest(body.detail, body.errors)
  const { upload, file } = body
  if (!file.ok) {
    const problems = file.problems.map((p) => p.message).join('; ')
    throw new Problem(422, msg('import.file_invalid', { format: upload.format.toUpperCase(), problems }), {
      errors: file.problems.map((p) => ({ path: p.path || '(file)', message: p.message })),
    })
  }
  const period = { from: plan.periodFrom, to: plan.periodTo }
  const checked = await checkFeatures(db, scope.provinceCode, file, upload.defaults, period, progress)
  if (checked.rejected > 0) {
    throw refuse(msg('plan.features_refused', { n: checked.rejected, total: file.features.length }), checked.report)
  }
  if (file.features.length === 0) throw refuse(msg('plan.no_feature'), checked.report)
  progress({ phase: 'storing' })
  return db.transaction((tx) => storeVersion(tx, scope, planId, upload, file, checked.rows, checked.report))
}

async function storeVersion(
  tx: Queryable,
  scope: Scope,
  planId: number,
  upload: Omit<UploadBody, 'content'>,
  file: ReadResult & { ok: true },
  rows: PlanRow[],
  report: FeatureReport[],
) {
  // locked now, so that two uploads cannot take one number; checked again, as it may have been passed meanwhile
  const plan = await uploadablePlan(tx, sql.LOCK_PLAN, scope, planId)
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
