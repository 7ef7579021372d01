import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { conflict, fieldError, invalid, notFound, type FieldError, msg } from '../http/problems'
import { carrierIds, carrierOf, type Scope } from './service'
import * as sql from './sql/ducts.sql'
import type { DuctBody } from './schemas'

type DuctRow = Record<string, unknown>

/**
 * Occupancy of shared ducts: capacity, allocated tubes, and each carrier's monthly rent (tubes × length × price).
 * A carrier sees the routes it is on or rents in, and only its own allocations.
 */
export async function ductReport(q: Queryable, scope: Scope, routeId: number | null = null): Promise<DuctRow[]> {
  return q.many(sql.DUCT_REPORT, [scope.provinceCode, carrierOf(scope.user), routeId])
}

/**
 * The ducts of one route with every carrier's allocations, unscoped: only for `setDucts`, whose caller is already
 * allowed to set them (officers), to read the version before the write and the audit's before and after.
 */
async function ductsForWrite(tx: Queryable, provinceCode: string, routeId: number): Promise<DuctRow | undefined> {
  const [row] = await tx.many<DuctRow>(sql.DUCT_REPORT, [provinceCode, null, routeId])
  return row
}

/** Sets the capacity, price and allocations of an underground route; allocations may not exceed capacity. */
export async function setDucts(tx: Queryable, scope: Scope, routeId: number, body: DuctBody): Promise<DuctRow> {
  const route = await tx.maybeOne<{ kind: string }>(sql.LOCK_ROUTE_KIND, [routeId, scope.provinceCode])
  if (!route) throw notFound('route.not_found')
  const errors: FieldError[] = []
  if (route.kind !== 'underground') errors.push({ path: 'params.id', message: 'ducts.underground_only' })
  const ids = await carrierIds(
    tx,
    body.allocations.map((a) => a.carrier),
    'body.allocations',
    errors,
  )
  const allocated = body.allocations.reduce((s, a) => s + a.tubes, 0)
  if (allocated > body.ducts * body.tubesPerDuct)
    errors.push(
      fieldError('body.allocations', 'ducts.over_capacity', { allocated, capacity: body.ducts * body.tubesPerDuct }),
    )
  if (new Set(ids).size !== ids.length) errors.push({ path: 'body.allocations', message: 'ducts.carrier_twice' })
  if (errors.length > 0) throw invalid('ducts.invalid', errors)
  const before = await ductsForWrite(tx, scope.provinceCode, routeId)
  if (before && before.version !== body.version) throw conflict(msg('ducts.stale', { version: String(before.version) }))
  await tx.exec(sql.UPSERT_DUCTS, [routeId, body.ducts, body.tubesPerDuct, body.priceVndPerMMonth])
  await tx.exec(sql.CLEAR_ALLOCATIONS, [routeId])
  await tx.exec(sql.INSERT_ALLOCATIONS, [
    routeId,
    ids,
    body.allocations.map((a) => a.tubes),
    body.allocations.map((a) => a.fromDate),
  ])
  const after = await ductsForWrite(tx, scope.provinceCode, routeId)
  await audit(
    tx,
    scope.user,
    { action: 'cable_route.ducts', entity: 'cable_route', entityId: routeId, before: before ?? null, after },
    scope.requestId,
  )
  return after!
}
