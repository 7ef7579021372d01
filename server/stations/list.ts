import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { badRequest } from '../http/problems'
import { visibility } from './access'
import type { ExportQuery, ListQuery } from './schemas'
import { STATION_COLUMNS, STATION_FROM } from './sql/stations.sql'
import { WAITING } from './workflow'
import { containsPattern, containsSql } from '../http/text'

// Sort orders by name: the only identifiers that reach the SQL text.
const SORTS: Record<ListQuery['sort'], string> = {
  id: 's.id',
  '-id': 's.id DESC',
  siteCode: 's.site_code, s.id',
  '-updatedAt': 's.updated_at DESC, s.id DESC',
}

type Filters = Omit<ExportQuery, 'vn2000'>

/** The WHERE clause of a filtered station list, visibility first; parameters are numbered from $1. */
export function whereFor(user: SessionUser, provinceCode: string, f: Filters): { sql: string; params: unknown[] } {
  const v = visibility(user, provinceCode, 1)
  const params = [...v.params]
  const parts = [v.sql]
  const add = (sqlWith: (n: string) => string, value: unknown) => {
    params.push(value)
    parts.push(sqlWith(`$${params.length}`))
  }
  if (f.operator) add((n) => `c.short_name = ${n}`, f.operator)
  if (f.mastClass) add((n) => `s.mast_class = ${n}`, f.mastClass)
  if (f.state) add((n) => `s.state = ${n}`, f.state)
  if (f.district) add((n) => `s.district_code = ${n}`, f.district)
  if (f.temporary !== undefined) add((n) => `s.temporary = ${n}`, f.temporary)
  if (f.q) {
    const contains = (n: string) => ['s.site_code', 's.address', 's.name'].map((c) => containsSql(c, n)).join(' OR ')
    add((n) => `(${contains(n)})`, containsPattern(f.q))
  }
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox.split(',').map(Number) as [number, number, number, number]
    if (!(minLon < maxLon && minLat < maxLat))
      throw badRequest('The bbox is empty.', [
        { path: 'query.bbox', message: 'Use minLon,minLat,maxLon,maxLat with min < max.' },
      ])
    params.push(minLon, minLat, maxLon, maxLat)
    const n = params.length
    parts.push(`s.geom && ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`)
  }
  return { sql: parts.join(' AND '), params }
}

/** One page of stations with the total count. */
export async function listStations(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: ListQuery,
): Promise<{ items: Row[]; total: number; offset: number; limit: number }> {
  const where = whereFor(user, provinceCode, query)
  const n = where.params.length
  const items = await q.many(
    `SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE ${where.sql} ORDER BY ${SORTS[query.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, query.limit, query.offset],
  )
  const { total } = await q.one<{ total: number }>(
    `SELECT count(*) AS total FROM ${STATION_FROM} WHERE ${where.sql}`,
    where.params,
  )
  return { items, total, offset: query.offset, limit: query.limit }
}

/**
 * The queue: applications waiting for the Sở, longest-waiting first. The inspector sees what waits for a field
 * check; the officer sees everything submitted or field-checked.
 */
export async function queue(q: Queryable, user: SessionUser, provinceCode: string, limit: number): Promise<Row[]> {
  const states = user.role === 'inspector' ? ['submitted'] : [...WAITING]
  return q.many(
    `SELECT ${STATION_COLUMNS}, extract(epoch FROM now() - s.state_since) / 3600 AS "waitingHours"
       FROM ${STATION_FROM}
      WHERE s.province_code = $1 AND s.state = ANY ($2::text[])
      ORDER BY s.state_since, s.id LIMIT $3`,
    [provinceCode, states, limit],
  )
}

/** Temporary stations past their end date that are still standing: the "overdue removal" list. */
export async function overdueRemovals(q: Queryable, provinceCode: string): Promise<Row[]> {
  return q.many(
    `SELECT ${STATION_COLUMNS}, current_date - s.valid_to AS "daysOverdue",
            (SELECT e.name FROM station_events e WHERE e.id = s.event_id) AS "eventName"
       FROM ${STATION_FROM}
      WHERE s.province_code = $1 AND s.temporary AND s.valid_to < current_date
        AND s.state IN ('approved', 'built', 'in_service')
      ORDER BY s.valid_to, s.id`,
    [provinceCode],
  )
}
