import type { Db, Queryable } from '../../db/index'
import { audit } from '../../audit/audit'
import { badRequest, Problem, msg } from '../../http/problems'
import { render, type Msg } from '../../http/messages'
import { placeGeometries } from '../../geo/service'
import { runOffThread, startOffThread } from '../../readers/off-thread'
import { carrierOf, refreshDistrictLengths, type Scope } from '../service'
import { invite, newRouteParticipants } from '../participation'
import { FORMATS, type Format, type ReadResult, type SourceFeature } from './formats'
import { readImportBody, type BodyRead } from './body'
import { historyProblems, type History } from './history'
import { KINDS, type Kind } from '../workflow'
import * as sql from '../sql/routes.sql'

export { FORMATS }
export type { Format }

/** Bodies above this size are read in a worker thread, so reading never holds the event loop. */
export const OFF_THREAD_BYTES = 256 * 1024
/** The longest a file may take to read; past it the worker is stopped and the import refused. */
export const READ_BUDGET_MS = 15_000

interface ImportOptions {
  format: Format
  defaults: { kind: Kind; carriers: string[] }
}

/** One feature the import refuses (or, for `notRoutes`, skips; for `warnings`, changed), and why. */
export interface FeatureReport {
  index: number
  label: string
  reasons: string[]
}

interface Candidate {
  feature: SourceFeature & { geometry: NonNullable<SourceFeature['geometry']> }
  name: string
  street: string | null
  kind: Kind
  carriers: string[]
  history: History
  geojson?: string
}

const text = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null

function candidate(f: Candidate['feature'], options: ImportOptions, reasons: string[]): Candidate {
  const p = f.properties
  const kind = (text(p.kind) ?? options.defaults.kind) as Kind
  if (!KINDS.includes(kind)) reasons.push(`kind "${kind}" is not one of ${KINDS.join(', ')}`)
  const history: History = {
    status: text(p.status),
    started: text(p.startedOn ?? p.started_on),
    completed: text(p.completedOn ?? p.completed_on),
    accepted: text(p.acceptedOn ?? p.accepted_on),
  }
  const carriers = Array.isArray(p.carriers)
    ? p.carriers.map(String)
    : typeof p.carriers === 'string'
      ? p.carriers
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : options.defaults.carriers
  const name = text(p.name) ?? text(p.ten) ?? `Tuyến nhập ${f.index + 1}`
  return { feature: f, name, street: text(p.street), kind, carriers, history }
}

const READ_WORKER = new URL('./read-worker.ts', import.meta.url)

/** Starts the thread that reads large import bodies (a listening server does, so a first import finds it ready). */
export function startImportReader(): Promise<void> {
  return startOffThread(READ_WORKER)
}

/**
 * Reads the request body and its file. A large body's bytes move to the worker thread without a copy, and
 * decoding, JSON.parse, NFC and reading all happen there: the event loop never walks a large body.
 */
async function read(bytes: Buffer): Promise<BodyRead> {
  if (bytes.length <= OFF_THREAD_BYTES) return readImportBody(bytes)
  // a large body is a buffer of its own (Buffer.concat of the chunks); a view on a shared one is copied
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  const end = bytes.byteOffset + bytes.byteLength
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, end)) as ArrayBuffer
  return runOffThread<BodyRead>(READ_WORKER, buffer, READ_BUDGET_MS, [buffer])
}

const refuse = (detail: Msg, rejected: FeatureReport[], notRoutes: FeatureReport[]) =>
  new Problem(422, detail, {
    errors: rejected.flatMap((r) => r.reasons.map((message) => ({ path: r.label, message }))),
    rejected,
    notRoutes,
  })

/**
 * Reads an import request body (its JSON bytes), checks the file and, when every line passes, stores its
 * routes in one transaction, opened only once the file is read (the embedded database has one connection).
 * A carrier's file creates planned routes only; an officer's may carry the routes' history.
 */
export async function importRoutes(db: Db, scope: Scope, bytes: Buffer) {
  const body = await read(bytes)
  if (!body.ok) throw badRequest(body.detail, body.errors)
  return db.transaction((tx) => storeRoutes(tx, scope, body.file, { format: body.format, defaults: body.defaults }))
}

async function storeRoutes(tx: Queryable, scope: Scope, file: ReadResult, options: ImportOptions) {
  if (!file.ok) {
    const problems = file.problems.map((p) => p.message).join('; ')
    const detail = msg('import.file_invalid', { format: options.format.toUpperCase(), problems })
    throw new Problem(422, detail, {
      errors: file.problems.map((p) => ({ path: p.path || '(file)', message: p.message })),
    })
  }
  const rejected: FeatureReport[] = []
  const notRoutes: FeatureReport[] = []
  const lines: Candidate[] = []
  for (const f of file.features) {
    const at = { index: f.index, label: f.label }
    if (f.problems.length > 0) rejected.push({ ...at, reasons: f.problems })
    else if (!f.geometry) notRoutes.push({ ...at, reasons: ['not a route: the feature has no geometry'] })
    else if (f.geometry.type !== 'LineString' && f.geometry.type !== 'MultiLineString') {
      const reason = `not a route: a ${f.geometry.type} is not a line (routes are LineString or MultiLineString)`
      notRoutes.push({ ...at, reasons: [reason] })
    } else {
      const reasons: string[] = []
      const c = candidate(f as Candidate['feature'], options, reasons)
      reasons.push(...historyProblems(c.history, scope.user.role))
      if (reasons.length > 0) rejected.push({ ...at, reasons })
      else lines.push(c)
    }
  }
  const names = [...new Set(lines.flatMap((c) => c.carriers))]
  const known = await tx.many<{ id: number; short_name: string }>(sql.CARRIERS_BY_NAME, [names])
  const idOf = new Map(known.map((r) => [r.short_name, r.id]))
  const own = carrierOf(scope.user)
  const carrierLists = lines.map((c) => {
    const list = c.carriers.map((n) => idOf.get(n)).filter((x): x is number => x !== undefined)
    if (own !== null && !list.includes(own)) list.unshift(own)
    return list
  })
  lines.forEach((c, i) => {
    const unknown = c.carriers.filter((n) => !idOf.has(n))
    const reasons =
      unknown.length > 0
        ? [`unknown carrier ${unknown.join(', ')}`]
        : carrierLists[i]!.length === 0
          ? ['no carrier: name the carriers on the route']
          : []
    if (reasons.length > 0) rejected.push({ index: c.feature.index, label: c.feature.label, reasons })
  })
  const placed = await placeGeometries(
    tx,
    lines.map((c) => c.feature.geometry),
    { provinceCode: scope.provinceCode, noun: 'line' },
  )
  placed.forEach((p, i) => {
    const c = lines[i]!
    if (p.ok) {
      c.geojson = p.geojson
      c.feature.warnings.push(...p.warnings.map((m) => render(m, 'en')))
    } else
      rejected.push({ index: c.feature.index, label: c.feature.label, reasons: p.errors.map((m) => render(m, 'en')) })
  })
  if (rejected.length > 0) {
    rejected.sort((a, b) => a.index - b.index)
    throw refuse(msg('import.features_refused', { n: rejected.length }), rejected, notRoutes)
  }
  if (lines.length === 0) {
    const list = notRoutes.map((n) => `${n.label}: ${n.reasons.join('; ')}`).join(' | ')
    const problem = refuse(msg('import.no_route', { list }), [], notRoutes)
    problem.extra.errors = notRoutes.map((n) => ({ path: n.label, message: n.reasons.join('; ') }))
    throw problem
  }
  // a carrier's file takes part itself and only invites the other carriers it names
  const participants = carrierLists.map((list) => newRouteParticipants(scope, list))
  const inserted = await tx.many<{ id: number }>(sql.IMPORT_ROUTES, [
    scope.provinceCode,
    lines.map((c) => c.name),
    lines.map((c) => c.street),
    lines.map((c) => c.kind),
    lines.map((c) => c.history.status ?? 'planned'),
    participants.map((p) => p.carrierIds.join(',')),
    lines.map((c) => c.history.started),
    lines.map((c) => c.history.completed),
    lines.map((c) => c.history.accepted),
    lines.map((c) => c.geojson!),
    scope.user.id,
  ])
  const routeIds = inserted.map((r) => r.id)
  await invite(
    tx,
    scope,
    routeIds.map((routeId, i) => ({ routeId, carrierIds: participants[i]!.invited })),
  )
  await refreshDistrictLengths(tx, routeIds)
  const withHistory = lines.flatMap((c, i) =>
    c.history.status && c.history.status !== 'planned' ? [{ id: routeIds[i], ...c.history }] : [],
  )
  await audit(
    tx,
    scope.user,
    {
      action: 'cable_route.import',
      entity: 'cable_route',
      entityId: null,
      after: { format: options.format, ids: routeIds, skipped: notRoutes, history: withHistory },
    },
    scope.requestId,
  )
  const warnings: FeatureReport[] = lines
    .filter((c) => c.feature.warnings.length > 0)
    .map((c) => ({ index: c.feature.index, label: c.feature.label, reasons: c.feature.warnings }))
  return { imported: routeIds.length, ids: routeIds, notRoutes, warnings }
}
