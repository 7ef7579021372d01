import type { Queryable } from '../../db/index'
import { audit } from '../../audit/audit'
import { Problem } from '../../http/problems'
import { carrierOf, refreshDistrictLengths, type Scope } from '../service'
import { invite, newRouteParticipants } from '../participation'
import { KINDS, STATUSES, type Kind, type Status } from '../workflow'
import { readCsv, readGeoJson, readKml, type SourceFeature } from './formats'
import { isCalendarDate } from '../../http/dates'

export const FORMATS = ['geojson', 'kml', 'csv'] as const
export type Format = (typeof FORMATS)[number]

export interface ImportOptions {
  format: Format
  content: string
  defaults: { kind: Kind; carriers: string[] }
}

/** One feature the import refuses (or, for `notRoutes`, skips), and why. */
export interface FeatureReport {
  index: number
  label: string
  reasons: string[]
}

interface Candidate {
  feature: SourceFeature
  name: string
  street: string | null
  kind: Kind
  status: Status
  carriers: string[]
  dates: { started: string | null; completed: string | null; accepted: string | null }
}

// RFC 7946 §11.2: six decimals are about 10 cm; more is noise from a projection round trip (geojsonhint flags it).
const MAX_DECIMALS = 6
const decimals = (n: number) => (String(n).split('.')[1] ?? '').replace(/e.*$/, '').length
const isDate = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v)
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null)

function positions(g: { type: string; coordinates?: unknown }): number[][] {
  return (g.type === 'LineString' ? g.coordinates : (g.coordinates as unknown[]).flat()) as number[][]
}

function candidate(f: SourceFeature, options: ImportOptions, reasons: string[]): Candidate {
  const p = f.properties
  const kind = (text(p.kind) ?? options.defaults.kind) as Kind
  if (!KINDS.includes(kind)) reasons.push(`kind "${kind}" is not one of ${KINDS.join(', ')}`)
  const status = (text(p.status) ?? 'planned') as Status
  if (!STATUSES.includes(status)) reasons.push(`status "${status}" is not one of ${STATUSES.join(', ')}`)
  const dates = { started: text(p.startedOn ?? p.started_on), completed: text(p.completedOn ?? p.completed_on), accepted: text(p.acceptedOn ?? p.accepted_on) }
  for (const [k, v] of Object.entries(dates)) if (v !== null && !isDate(v)) reasons.push(`${k} date "${v}" is not YYYY-MM-DD`)
  if (status !== 'planned' && !dates.started) reasons.push(`a route ${status} needs startedOn`)
  if ((status === 'completed' || status === 'accepted') && !dates.completed) reasons.push(`a route ${status} needs completedOn`)
  if (status === 'accepted' && !dates.accepted) reasons.push('an accepted route needs acceptedOn')
  if (dates.started && dates.completed && dates.completed < dates.started) reasons.push('completedOn is before startedOn')
  const listed = Array.isArray(p.carriers) ? p.carriers.map(String) : typeof p.carriers === 'string' ? p.carriers.split(/[,;]/).map((s) => s.trim()).filter(Boolean) : options.defaults.carriers
  return { feature: f, name: text(p.name) ?? text(p.ten) ?? `Tuyến nhập ${f.index + 1}`, street: text(p.street), kind, status, carriers: listed, dates }
}

/** Reads, checks and (when every line passes) stores the routes of one file, in the caller's transaction. */
export async function importRoutes(tx: Queryable, scope: Scope, options: ImportOptions): Promise<{ imported: number; ids: number[]; notRoutes: FeatureReport[] }> {
  const read = options.format === 'geojson' ? readGeoJson(options.content) : options.format === 'kml' ? readKml(options.content) : readCsv(options.content)
  if (!read.ok) {
    throw new Problem(422, 'Validation failed', `The ${options.format.toUpperCase()} file is not valid: ${read.problems.map((p) => p.message).join('; ')}`, {
      errors: read.problems.map((p) => ({ path: p.path || '(file)', message: p.message })),
    })
  }
  const rejected: FeatureReport[] = []
  const notRoutes: FeatureReport[] = []
  const lines: Candidate[] = []
  for (const f of read.features) {
    const wktError = f.properties.__wktError
    if (typeof wktError === 'string') rejected.push({ index: f.index, label: f.label, reasons: [wktError] })
    else if (!f.geometry) notRoutes.push({ index: f.index, label: f.label, reasons: ['not a route: the feature has no geometry'] })
    else if (f.geometry.type !== 'LineString' && f.geometry.type !== 'MultiLineString') {
      notRoutes.push({ index: f.index, label: f.label, reasons: [`not a route: a ${f.geometry.type} is not a line (routes are LineString or MultiLineString)`] })
    } else {
      const reasons: string[] = []
      const c = candidate(f, options, reasons)
      const pts = positions(f.geometry as { type: string; coordinates: unknown })
      if (pts.some((p) => Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) reasons.push('a position is outside longitude −180…180 / latitude −90…90')
      const precise = pts.flat().find((n) => decimals(n) > MAX_DECIMALS)
      if (options.format === 'geojson' && precise !== undefined) reasons.push(`coordinate ${precise} has more than ${MAX_DECIMALS} decimals: the precision of coordinates should be reduced (RFC 7946 §11.2)`)
      if (reasons.length > 0) rejected.push({ index: f.index, label: f.label, reasons })
      else lines.push(c)
    }
  }
  const names = [...new Set(lines.flatMap((c) => c.carriers))]
  const known = await tx.many<{ id: number; short_name: string }>('SELECT id, short_name FROM carriers WHERE short_name = ANY ($1)', [names])
  const idOf = new Map(known.map((r) => [r.short_name, r.id]))
  const own = carrierOf(scope.user)
  const carrierLists = lines.map((c) => {
    const list = c.carriers.map((n) => idOf.get(n)).filter((x): x is number => x !== undefined)
    if (own !== null && !list.includes(own)) list.unshift(own)
    return list
  })
  lines.forEach((c, i) => {
    const unknown = c.carriers.filter((n) => !idOf.has(n))
    const reasons = unknown.length > 0 ? [`unknown carrier ${unknown.join(', ')}`] : carrierLists[i]!.length === 0 ? ['no carrier: name the carriers on the route'] : []
    if (reasons.length > 0) rejected.push({ index: c.feature.index, label: c.feature.label, reasons })
  })
  if (lines.length > 0) {
    const validity = await tx.many<{ i: number; problem: string | null }>(
      `SELECT i::int, CASE WHEN NOT ST_IsValid(g) THEN ST_IsValidReason(g) WHEN ST_Length(g::geography, true) <= 0 THEN 'the line has no length' END AS problem
         FROM (SELECT i, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(j), 4326)) AS g FROM unnest($1::text[]) WITH ORDINALITY AS t(j, i)) s`,
      [lines.map((c) => JSON.stringify(c.feature.geometry))],
    )
    for (const v of validity) if (v.problem) rejected.push({ index: lines[v.i - 1]!.feature.index, label: lines[v.i - 1]!.feature.label, reasons: [`the line is not valid: ${v.problem}`] })
  }
  if (rejected.length > 0) {
    rejected.sort((a, b) => a.index - b.index)
    throw new Problem(422, 'Validation failed', `${rejected.length} feature(s) cannot be imported; nothing was stored.`, {
      errors: rejected.flatMap((r) => r.reasons.map((message) => ({ path: r.label, message }))),
      rejected,
      notRoutes,
    })
  }
  // a carrier's file takes part itself and only invites the other carriers it names
  const participants = carrierLists.map((list) => newRouteParticipants(scope, list))
  if (lines.length === 0) {
    throw new Problem(422, 'Validation failed', `The file holds no route: ${notRoutes.map((n) => `${n.label}: ${n.reasons.join('; ')}`).join(' | ')}`, { errors: notRoutes.map((n) => ({ path: n.label, message: n.reasons.join('; ') })), rejected: [], notRoutes })
  }
  const inserted = await tx.many<{ id: number }>(
    `INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, started_on, completed_on, accepted_on, geom, length_m, created_by)
     SELECT $1, name, street, kind, status, string_to_array(carriers, ',')::int[], started::date, completed::date, accepted::date,
            g, ST_Length(g::geography, true), $11
       FROM (SELECT *, ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))) AS g
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                    WITH ORDINALITY AS t(name, street, kind, status, carriers, started, completed, accepted, geometry, ord)) s
      ORDER BY ord
     RETURNING id`,
    [
      scope.provinceCode, lines.map((c) => c.name), lines.map((c) => c.street), lines.map((c) => c.kind), lines.map((c) => c.status),
      participants.map((p) => p.carrierIds.join(',')), lines.map((c) => c.dates.started), lines.map((c) => c.dates.completed), lines.map((c) => c.dates.accepted),
      lines.map((c) => JSON.stringify(c.feature.geometry)), scope.user.id,
    ],
  )
  const routeIds = inserted.map((r) => r.id)
  await invite(tx, scope, routeIds.map((routeId, i) => ({ routeId, carrierIds: participants[i]!.invited })))
  await refreshDistrictLengths(tx, routeIds)
  await audit(tx, scope.user, { action: 'cable_route.import', entity: 'cable_route', entityId: null, after: { format: options.format, ids: routeIds, skipped: notRoutes } }, scope.requestId)
  return { imported: routeIds.length, ids: routeIds, notRoutes }
}
