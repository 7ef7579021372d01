import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError } from '../http/problems'
import { carrierIds, carrierOf, type Scope } from './service'
import { POLE_COLUMNS } from './sql'
import { placeGeometry } from '../geo/service'
import type { PoleBody } from './schemas'

// Officers see which carriers hang on a pole; a carrier sees only the count and whether it is one of them.
const poleSelect = `SELECT ${POLE_COLUMNS},
    CASE WHEN $3::int IS NULL THEN ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (p.carrier_ids) ORDER BY c.short_name) END AS carriers,
    ($3::int IS NOT NULL AND $3::int = ANY (p.carrier_ids)) AS mine
  FROM poles p JOIN carriers o ON o.id = p.owner_carrier_id`

/** Poles in a bounding box (the map shows all of them through tiles; this is for snapping and lists). */
export async function listPoles(
  q: Queryable,
  scope: Scope,
  bbox: [number, number, number, number],
  limit: number,
): Promise<unknown[]> {
  return q.many(
    `${poleSelect} WHERE p.province_code = $1 AND p.geom && ST_MakeEnvelope(($2::float8[])[1], ($2::float8[])[2], ($2::float8[])[3], ($2::float8[])[4], 4326) ORDER BY p.id LIMIT $4`,
    [scope.provinceCode, bbox, carrierOf(scope.user), limit],
  )
}

/** One pole. */
export async function getPole(
  q: Queryable,
  scope: Scope,
  id: number,
): Promise<Record<string, unknown> & { version: number }> {
  const row = await q.maybeOne<Record<string, unknown> & { version: number }>(
    `${poleSelect} WHERE p.province_code = $1 AND p.id = $2`,
    [scope.provinceCode, id, carrierOf(scope.user)],
  )
  if (!row) throw notFound('No such pole.')
  return row
}

async function resolve(tx: Queryable, scope: Scope, body: PoleBody): Promise<{ owner: number; carriers: number[] }> {
  const errors: FieldError[] = []
  const placed = await placeGeometry(
    tx,
    { type: 'Point', coordinates: [body.lon, body.lat] },
    { provinceCode: scope.provinceCode, noun: 'pole' },
  )
  if (!placed.ok) errors.push(...placed.errors.map((message) => ({ path: 'body.lon', message })))
  const [owner] = await carrierIds(tx, [body.owner], 'body.owner', errors)
  const carriers = await carrierIds(tx, body.carriers, 'body.carriers', errors)
  if (errors.length > 0 || owner === undefined) throw invalid('The pole is not valid.', errors)
  return { owner, carriers }
}

/** The district in force today containing the point ($5, $6) of the province in `$province` (migration 030). */
const districtOf = (province: string) =>
  `district_at(${province}, ST_SetSRID(ST_MakePoint($5, $6), 4326), current_date)`

/** Adds a pole; its district is found from its position. */
export async function createPole(tx: Queryable, scope: Scope, body: PoleBody): Promise<Record<string, unknown>> {
  const { owner, carriers } = await resolve(tx, scope, body)
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom, district_code)
     VALUES ($1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326), ${districtOf('$1')}) RETURNING id`,
    [scope.provinceCode, body.code, owner, carriers, body.lon, body.lat],
  )
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
  const changed = await tx.exec(
    `UPDATE poles SET code = $2, owner_carrier_id = $3, carrier_ids = $4, geom = ST_SetSRID(ST_MakePoint($5, $6), 4326),
            district_code = ${districtOf('$7')}, version = version + 1, updated_at = now()
      WHERE id = $1 AND province_code = $7 AND version = $8`,
    [id, body.code, owner, carriers, body.lon, body.lat, scope.provinceCode, body.version],
  )
  if (changed === 0)
    throw conflict(`The pole was changed by someone else (now version ${before.version}); reload it and try again.`)
  const after = await getPole(tx, scope, id)
  await audit(tx, scope.user, { action: 'pole.update', entity: 'pole', entityId: id, before, after }, scope.requestId)
  return after
}

/** Deletes a pole and its links to routes. */
export async function deletePole(tx: Queryable, scope: Scope, id: number, version: number): Promise<void> {
  const before = await getPole(tx, scope, id)
  if (before.version !== version)
    throw conflict(`The pole was changed by someone else (now version ${before.version}); reload it and try again.`)
  await tx.exec(
    `UPDATE cable_routes SET pole_count = pole_count - 1 WHERE id IN (SELECT route_id FROM route_poles WHERE pole_id = $1)`,
    [id],
  )
  await tx.exec('DELETE FROM poles WHERE id = $1', [id])
  await audit(tx, scope.user, { action: 'pole.delete', entity: 'pole', entityId: id, before }, scope.requestId)
}
