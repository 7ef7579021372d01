import type { Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  type FieldError,
  msg,
  fieldError,
  fieldErrorFrom,
} from '../http/problems'
import * as sql from './sql/routes.sql'
import { REDERIVE_POLE_DISTRICTS } from './sql/poles.sql'
import type { RouteBody, RouteListQuery, RouteUpdateBody } from './schemas'
import { allowedActions, mayDelete, mayEdit, transition, type RouteAction, type Status } from './workflow'
import { vietnamToday } from '../time'
import { changedParticipants, dropInvitations, invite, invitedTo, newRouteParticipants } from './participation'
import { containsPattern } from '../http/text'
import type { Geometry } from '../geo/gate'
import { placeGeometry } from '../geo/service'

export interface Scope {
  provinceCode: string
  user: SessionUser
  requestId?: string
}

/** The carrier a user is restricted to, or null for the regulator's staff. */
export const carrierOf = (user: SessionUser): number | null => (user.role === 'carrier' ? user.carrierId : null)

/** Resolves carrier short names to ids; unknown names are reported at `path.i`. */
export async function carrierIds(q: Queryable, names: string[], path: string, errors: FieldError[]): Promise<number[]> {
  if (names.length === 0) return []
  const rows = await q.many<{ id: number; short_name: string }>(sql.CARRIERS_BY_NAME, [names])
  const byName = new Map(rows.map((r) => [r.short_name, r.id]))
  return names.flatMap((name, i) => {
    const id = byName.get(name)
    if (id === undefined) errors.push({ path: `${path}.${i}`, message: `Unknown carrier "${name}".` })
    return id === undefined ? [] : [id]
  })
}

/** The carriers of a new or changed route: a carrier user is always on its own routes. */
async function routeCarriers(q: Queryable, scope: Scope, names: string[], errors: FieldError[]): Promise<number[]> {
  const ids = await carrierIds(q, names, 'body.carriers', errors)
  const own = carrierOf(scope.user)
  if (own !== null && !ids.includes(own)) ids.unshift(own)
  if (ids.length === 0) errors.push({ path: 'body.carriers', message: 'route.carrier_needed' })
  return [...new Set(ids)]
}

/** Why a GeoJSON line cannot be stored as a route (PostGIS validity, the province), as field errors at `path`. */
export async function geometryProblems(
  q: Queryable,
  scope: Scope,
  geometry: Geometry,
  path: string,
): Promise<FieldError[]> {
  const placed = await placeGeometry(q, geometry, { provinceCode: scope.provinceCode, noun: 'line' })
  return placed.ok ? [] : placed.errors.map((m) => fieldErrorFrom(path, m))
}

/** Recomputes per-district lengths of the routes, set-based (also used by the demo loader). */
export async function refreshDistrictLengths(q: Queryable, routeIds: number[]): Promise<void> {
  await q.one(sql.SPLIT_ROUTE_LENGTHS, [routeIds])
}

/** Before a boundary import changes a province's units: keeps each route's split by the units in force on `today`. */
export async function snapshotSplits(q: Queryable, provinceCode: string, today: string): Promise<void> {
  await q.exec(sql.SNAPSHOT_SPLITS, [provinceCode, today])
}

/**
 * After the import: splits every route of the province by every district version again and answers how many
 * routes' split by the units in force on `today` differs from the snapshot (in the caller's transaction).
 */
export async function resplitProvince(q: Queryable, provinceCode: string, today: string): Promise<number> {
  await q.exec(sql.SPLIT_PROVINCE, [provinceCode])
  const { routes } = await q.one<{ routes: number }>(sql.CHANGED_SPLITS, [provinceCode, today])
  await q.exec(sql.DROP_SNAPSHOT)
  return Number(routes)
}

/** Drops the route splits over unit versions that are about to be removed (demo boundaries a real file replaces). */
export async function forgetUnitSplits(q: Queryable, unitIds: number[]): Promise<void> {
  await q.exec(sql.FORGET_UNIT_SPLITS, [unitIds])
}

/** Gives every pole of the province the district in force on `today` containing it; answers how many moved. */
export async function rederivePoleDistricts(q: Queryable, provinceCode: string, today: string): Promise<number> {
  return q.exec(REDERIVE_POLE_DISTRICTS, [provinceCode, today])
}

/** Names every pole id that is not a pole of the province, at `body.poleIds.i`. */
async function unknownPoles(q: Queryable, scope: Scope, poleIds: number[], errors: FieldError[]): Promise<void> {
  if (poleIds.length === 0) return
  const known = new Set(
    (await q.many<{ id: number }>(sql.KNOWN_POLES, [scope.provinceCode, poleIds])).map((r) => Number(r.id)),
  )
  poleIds.forEach((id, i) => {
    if (!known.has(id)) errors.push({ path: `body.poleIds.${i}`, message: `There is no pole ${id} in the province.` })
  })
}

async function linkPoles(
  q: Queryable,
  routeId: number,
  body: Pick<RouteBody, 'poleIds' | 'polesWithinM'>,
): Promise<void> {
  await q.exec(sql.CLEAR_POLES, [routeId])
  await q.one(sql.LINK_POLES, [routeId, body.poleIds, body.polesWithinM ?? null])
}

async function readRoute(q: Queryable, provinceCode: string, carrierId: number | null, id: number) {
  const row = await q.maybeOne(sql.ROUTE_BY_ID, [id, provinceCode, carrierId])
  if (!row) throw notFound('route.not_found')
  return row
}

/** One route as the user may see it; another carrier's route is not found. */
export function getRoute(q: Queryable, scope: Scope, id: number): Promise<Record<string, unknown>> {
  return readRoute(q, scope.provinceCode, carrierOf(scope.user), id)
}

/**
 * A route of the province read unscoped, whatever carriers it now names: only after a create or update the caller
 * was allowed to make, for the answer and the audit row (a carrier that invited others still reads its route).
 */
function routeAfterWrite(tx: Queryable, scope: Scope, id: number): Promise<Record<string, unknown>> {
  return readRoute(tx, scope.provinceCode, null, id)
}

/** Routes the user may see, filtered, in id order with keyset paging. */
export async function listRoutes(
  q: Queryable,
  scope: Scope,
  f: RouteListQuery,
): Promise<{ items: unknown[]; nextAfterId: number | null }> {
  const items = await q.many<{ id: number }>(sql.LIST_ROUTES, [
    scope.provinceCode,
    carrierOf(scope.user),
    f.kind ?? null,
    f.status ?? null,
    f.carrier ?? null,
    f.district ?? null,
    f.q === undefined ? null : containsPattern(f.q),
    f.bbox ?? null,
    f.afterId,
    f.limit,
  ])
  return { items, nextAfterId: items.length === f.limit ? items[items.length - 1]!.id : null }
}

/** Creates a planned route: measures it, splits its length by district, links its poles, audits. */
export async function createRoute(tx: Queryable, scope: Scope, body: RouteBody): Promise<Record<string, unknown>> {
  const errors: FieldError[] = []
  const participants = newRouteParticipants(scope, await routeCarriers(tx, scope, body.carriers, errors))
  errors.push(...(await geometryProblems(tx, scope, body.geometry, 'body.geometry')))
  await unknownPoles(tx, scope, body.poleIds, errors)
  if (errors.length > 0) throw invalid('route.invalid', errors)
  const { id } = await tx.one<{ id: number }>(sql.INSERT_ROUTE, [
    scope.provinceCode,
    body.name,
    body.street ?? null,
    body.kind,
    'planned',
    participants.carrierIds,
    body.plannedOn ?? null,
    null,
    null,
    null,
    JSON.stringify(body.geometry),
    scope.user.id,
  ])
  await invite(tx, scope, [{ routeId: id, carrierIds: participants.invited }])
  await refreshDistrictLengths(tx, [id])
  await linkPoles(tx, id, body)
  const after = await routeAfterWrite(tx, scope, id)
  await audit(
    tx,
    scope.user,
    { action: 'cable_route.create', entity: 'cable_route', entityId: id, after },
    scope.requestId,
  )
  return after
}

async function lockVisible(
  tx: Queryable,
  scope: Scope,
  id: number,
): Promise<Record<string, unknown> & { version: number; status: Status }> {
  const locked = await tx.maybeOne(sql.LOCK_VISIBLE_ROUTE, [id, scope.provinceCode, carrierOf(scope.user)])
  if (!locked) throw notFound('route.not_found')
  return (await getRoute(tx, scope, id)) as Record<string, unknown> & { version: number; status: Status }
}

const stale = (version: number) => conflict(msg('route.stale', { version }))

/** Changes a route's fields and geometry; the length and district split are measured again. */
export async function updateRoute(
  tx: Queryable,
  scope: Scope,
  id: number,
  body: RouteUpdateBody,
): Promise<Record<string, unknown>> {
  const before = await lockVisible(tx, scope, id)
  if (before.version !== body.version) throw stale(before.version)
  if (!mayEdit(scope.user.role, before.status)) throw forbidden('route.carrier_until_done')
  const errors: FieldError[] = []
  const named = await routeCarriers(tx, scope, body.carriers, errors)
  if (body.geometry) errors.push(...(await geometryProblems(tx, scope, body.geometry, 'body.geometry')))
  await unknownPoles(tx, scope, body.poleIds, errors)
  if (errors.length > 0) throw invalid('route.invalid', errors)
  const participants = changedParticipants(scope, before.carrierIds as number[], await invitedTo(tx, id), named)
  const geometry = body.geometry ? JSON.stringify(body.geometry) : null
  const changed = await tx.exec(sql.UPDATE_ROUTE, [
    id,
    body.version,
    body.name,
    body.street ?? null,
    body.kind,
    participants.carrierIds,
    body.plannedOn ?? null,
    geometry,
  ])
  if (changed === 0) throw stale(before.version)
  await dropInvitations(tx, id, participants.carrierIds)
  await invite(tx, scope, [{ routeId: id, carrierIds: participants.invited }])
  if (geometry) await refreshDistrictLengths(tx, [id])
  await linkPoles(tx, id, body)
  const after = await routeAfterWrite(tx, scope, id)
  await audit(
    tx,
    scope.user,
    { action: 'cable_route.update', entity: 'cable_route', entityId: id, before, after },
    scope.requestId,
  )
  return after
}

/** Moves a route through the workflow, if the transition table allows it for the user's role. */
export async function changeStatus(
  tx: Queryable,
  scope: Scope,
  id: number,
  input: { version: number; status: Status; date?: string },
): Promise<Record<string, unknown>> {
  const before = await lockVisible(tx, scope, id)
  if (before.version !== input.version) throw stale(before.version)
  const step = transition(before.status, input.status)
  if (!step) throw conflict(msg('route.bad_step', { from: before.status, to: input.status }))
  if (!step.roles.includes(scope.user.role))
    throw forbidden(msg('route.step_roles', { from: before.status, to: input.status, roles: [...step.roles] }))
  const date = input.date ?? vietnamToday()
  const started = before.startedOn as string | null
  if (input.status !== 'under_construction' && started && date < started) {
    throw invalid('route.date_before_start', [fieldError('body.date', 'route.use_date', { date: started })])
  }
  const changed = await tx.exec(sql.SET_STATUS, [id, input.version, input.status, date])
  if (changed === 0) throw stale(before.version)
  const after = await getRoute(tx, scope, id)
  await audit(
    tx,
    scope.user,
    { action: `cable_route.${input.status}`, entity: 'cable_route', entityId: id, before, after },
    scope.requestId,
  )
  return after
}

/** Deletes a route: staff any, a carrier only a planned one that no other carrier takes part in. */
export async function deleteRoute(tx: Queryable, scope: Scope, id: number, version: number): Promise<void> {
  const before = await lockVisible(tx, scope, id)
  if (before.version !== version) throw stale(before.version)
  if (!mayDelete(scope.user.role, before.status, (before.carrierIds as number[]).length > 1)) {
    throw forbidden(before.status !== 'planned' ? 'route.carrier_deletes_planned' : 'route.shared_leave')
  }
  await tx.exec(sql.DELETE_ROUTE, [id])
  await audit(
    tx,
    scope.user,
    { action: 'cable_route.delete', entity: 'cable_route', entityId: id, before },
    scope.requestId,
  )
}

/** A route as answered to this user: with the actions the workflow allows them on it (the client shows only those). */
export function withActions<T extends object>(route: T, user: SessionUser): T & { allowedActions: RouteAction[] } {
  const { status, carrierIds } = route as { status: Status; carrierIds: number[] }
  return { ...route, allowedActions: allowedActions(status, user.role, carrierIds.length > 1) }
}
