import type { Queryable } from '../db/index'
import { audit } from '../audit/audit'
import { conflict, invalid, notFound, type FieldError } from '../http/problems'
import { carrierIds, carrierOf, type Scope } from './service'
import type { DuctBody } from './schemas'

const REPORT = `
  SELECT r.id AS "routeId", r.name, round(r.length_m::numeric, 1)::float8 AS "lengthM", d.ducts, d.tubes_per_duct AS "tubesPerDuct",
         d.ducts * d.tubes_per_duct AS "tubes", d.price_vnd_per_m_month::float8 AS "priceVndPerMMonth", d.version,
         COALESCE(sum(a.tubes), 0)::int AS "allocatedTubes",
         round(COALESCE(sum(a.tubes), 0)::numeric / (d.ducts * d.tubes_per_duct), 4)::float8 AS occupancy,
         COALESCE(json_agg(json_build_object('carrier', c.short_name, 'tubes', a.tubes, 'fromDate', to_char(a.from_date, 'YYYY-MM-DD'),
                  'monthlyRentVnd', round(a.tubes * r.length_m::numeric * d.price_vnd_per_m_month))
                  ORDER BY c.short_name) FILTER (WHERE a.id IS NOT NULL AND ($2::int IS NULL OR a.carrier_id = $2::int)), '[]') AS allocations
    FROM duct_capacities d
    JOIN cable_routes r ON r.id = d.route_id
    LEFT JOIN duct_allocations a ON a.route_id = d.route_id
    LEFT JOIN carriers c ON c.id = a.carrier_id
   WHERE r.province_code = $1 AND ($3::bigint IS NULL OR r.id = $3::bigint)
     AND ($2::int IS NULL OR $2::int = ANY (r.carrier_ids) OR EXISTS (SELECT 1 FROM duct_allocations x WHERE x.route_id = r.id AND x.carrier_id = $2::int))
   GROUP BY r.id, d.route_id
   ORDER BY r.id`

/**
 * Occupancy of shared ducts: capacity, allocated tubes, and each carrier's monthly rent (tubes × length × price).
 * A carrier sees the routes it is on or rents in, and only its own allocations.
 */
export async function ductReport(
  q: Queryable,
  scope: Scope,
  routeId: number | null = null,
): Promise<Record<string, unknown>[]> {
  return q.many(REPORT, [scope.provinceCode, carrierOf(scope.user), routeId])
}

/** Sets the capacity, price and allocations of an underground route; allocations may not exceed capacity. */
export async function setDucts(
  tx: Queryable,
  scope: Scope,
  routeId: number,
  body: DuctBody,
): Promise<Record<string, unknown>> {
  const route = await tx.maybeOne<{ kind: string }>(
    `SELECT kind FROM cable_routes WHERE id = $1 AND province_code = $2 FOR UPDATE`,
    [routeId, scope.provinceCode],
  )
  if (!route) throw notFound('No such cable route.')
  const errors: FieldError[] = []
  if (route.kind !== 'underground')
    errors.push({ path: 'params.id', message: 'Shared ducts belong to underground routes.' })
  const ids = await carrierIds(
    tx,
    body.allocations.map((a) => a.carrier),
    'body.allocations',
    errors,
  )
  const allocated = body.allocations.reduce((s, a) => s + a.tubes, 0)
  if (allocated > body.ducts * body.tubesPerDuct)
    errors.push({
      path: 'body.allocations',
      message: `${allocated} tubes allocated but the route has ${body.ducts * body.tubesPerDuct}.`,
    })
  if (new Set(ids).size !== ids.length) errors.push({ path: 'body.allocations', message: 'A carrier appears twice.' })
  if (errors.length > 0) throw invalid('The duct allocation is not valid.', errors)
  const [before] = await ductReport(tx, { ...scope, user: { ...scope.user, role: 'admin' } }, routeId)
  if (before && before.version !== body.version)
    throw conflict(
      `The ducts were changed by someone else (now version ${String(before.version)}); reload and try again.`,
    )
  await tx.exec(
    `INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month) VALUES ($1, $2, $3, $4)
     ON CONFLICT (route_id) DO UPDATE SET ducts = $2, tubes_per_duct = $3, price_vnd_per_m_month = $4, version = duct_capacities.version + 1, updated_at = now()`,
    [routeId, body.ducts, body.tubesPerDuct, body.priceVndPerMMonth],
  )
  await tx.exec('DELETE FROM duct_allocations WHERE route_id = $1', [routeId])
  await tx.exec(
    `INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date) SELECT $1, c, t, f::date FROM unnest($2::int[], $3::int[], $4::text[]) AS x(c, t, f)`,
    [routeId, ids, body.allocations.map((a) => a.tubes), body.allocations.map((a) => a.fromDate)],
  )
  const [after] = await ductReport(tx, { ...scope, user: { ...scope.user, role: 'admin' } }, routeId)
  await audit(
    tx,
    scope.user,
    { action: 'cable_route.ducts', entity: 'cable_route', entityId: routeId, before: before ?? null, after },
    scope.requestId,
  )
  return after!
}
