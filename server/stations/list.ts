import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { badRequest, fieldError } from '../http/problems'
import { containsPattern } from '../http/text'
import { visibility } from './access'
import type { ExportQuery, ListQuery } from './schemas'
import { countFromCounts, countWhere, listPage, OVERDUE_REMOVALS, stationWhere } from './sql/lists.sql'

type Filters = Omit<ExportQuery, 'vn2000'>

/** The WHERE clause of a filtered station list, visibility first; parameters are numbered from $1. */
export function whereFor(user: SessionUser, provinceCode: string, f: Filters): { sql: string; params: unknown[] } {
  let box: [number, number, number, number] | undefined
  if (f.bbox) {
    box = f.bbox.split(',').map(Number) as [number, number, number, number]
    if (!(box[0] < box[2] && box[1] < box[3])) throw badRequest('bbox.empty', [fieldError('query.bbox', 'bbox.order')])
  }
  return stationWhere(visibility(user, provinceCode, 1), {
    operator: f.operator,
    mastClass: f.mastClass,
    state: f.state,
    district: f.district,
    temporary: f.temporary,
    pattern: f.q ? containsPattern(f.q) : undefined,
    box,
  })
}

/**
 * One page of stations with the total count: read from the station counts unless a text or box filter asks for
 * more than they hold, so a filtered list's total does not scan every station.
 */
export async function listStations(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: ListQuery,
): Promise<{ items: Row[]; total: number; offset: number; limit: number }> {
  const where = whereFor(user, provinceCode, query)
  const n = where.params.length
  const items = await q.many(listPage(where.sql, query.sort, n), [...where.params, query.limit, query.offset])
  const count = query.q || query.bbox ? countWhere(where.sql) : countFromCounts(where.sql)
  const { total } = await q.one<{ total: number }>(count, where.params)
  return { items, total, offset: query.offset, limit: query.limit }
}

/** Temporary stations past their end date that are still standing: the "overdue removal" list. */
export async function overdueRemovals(q: Queryable, provinceCode: string): Promise<Row[]> {
  return q.many(OVERDUE_REMOVALS, [provinceCode])
}
