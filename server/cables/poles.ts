import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError, msg, fieldErrorFrom } from '../http/problems'
import { carrierIds, carrierOf, type Scope } from './service'
import * as sql from './sql/poles.sql'
import { placeGeometry } from '../geo/service'
import type { PoleBody } from './schemas'

/** Poles in a bounding box (the map shows all of them through tiles; this is for snapping and lists). */
export async function listPoles(
  q: Queryable,
  scope: Scope,
  bbox: [number, number, number, number],
  limit: number,
): Promise<unknown[]> {
  return q.many(sql.POLES_IN_BOX, [scope.provinceCode, bbox, carrierOf(scope.user), limit])
}

/** One pole. */
export async function getPole(
  q: Queryable,
  scope: Scope,
  id: number,
): Promise<Record<string, unknown> & { version: number }> {
  const row = await q.maybeOne<Record<string, unknown> & { version: number }>(sql.POLE_BY_ID, [
    scope.provinceCode,
    id,
    carrierOf(scope.user),
  ])
  if (!row) throw notFound('pole.not_found')
  return row
}

async function resolve(tx: Queryable, scope: Scope, body: PoleBody): Promise<{ owner: number; carriers: number[] }> {
  const errors: FieldError[] = []
  const placed = await placeGeometry(
    tx,
    { type: 'Point', coordinates: [body.lon, body.lat] },
    { provinceCode: scope.provinceCode, noun: 'pole' },
  )
  if (!placed.ok) errors.push(...placed.errors.map((m) => fieldErrorFrom('body.lon', m)))
  const [owner] = await carrierIds(tx, [body.owner], 'body.owner', errors)
  const carriers = await carrierIds(tx, body.carriers, 'body.carriers', errors)
  if (errors.length > 0 || owner === undefined) throw invalid('pole.invalid', errors)
  return { owner, carriers }
}

/** Adds a pole; its district is found from its position. */
export async function createPole(tx: Queryable, scope: Scope, body: PoleBody): Promise<Record<string, unknown>> {
  const { owner, carriers } = await resolve(tx, scope, body)
  const { id } = await tx.one<{ id: number }>(sql.INSERT_POLE, [
    scope.provinceCode,
    body.code,
    owner,
    carriers,
    body.lon,
    body.lat,
  ])
  const after = await getPole(tx, scope, id)
  await audit(tx, scope.user, { action: 'pole.create', entity: 'pole', entityId: id, after }, scope.requestId)
  return after
}

/** Changes a pole (optimistic: the version must match). */
export async function updatePole(
  tx: Queryable,
  scope: Scope,
  id: number,
  body: PoleBody & { version: number },
): Promise<Record<string, unknown>> {
  const before = await getPole(tx, scope, id)
  const { owner, carriers } = await resolve(tx, scope, body)
  const changed = await tx.exec(sql.UPDATE_POLE, [
    id,
    body.code,
    owner,
    carriers,
    body.lon,
    body.lat,
    scope.provinceCode,
    body.version,
  ])
  if (changed === 0) throw conflict(msg('pole.stale', { version: before.version as number }))
  const after = await getPole(tx, scope, id)
  await audit(tx, scope.user, { action: 'pole.update', entity: 'pole', entityId: id, before, after }, scope.requestId)
  return after
}

/** Deletes a pole and its links to routes. */
export async function deletePole(tx: Queryable, scope: Scope, id: number, version: number): Promise<void> {
  const before = await getPole(tx, scope, id)
  if (before.version !== version) throw conflict(msg('pole.stale', { version: before.version as number }))
  await tx.exec(sql.UNCOUNT_POLE, [id])
  await tx.exec(sql.DELETE_POLE, [id])
  await audit(tx, scope.user, { action: 'pole.delete', entity: 'pole', entityId: id, before }, scope.requestId)
}
