import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { notFound } from '../http/problems'
import type { ItemFilters } from './schemas'
import { itemById, PROGRAMME_BRIEF, TODAY, VERIFIED_DAY } from './sql'
import { containsPattern, containsSql } from '../http/text'

/**
 * The items a user may reach, as a WHERE fragment over `conversion_items i` / `conversion_programmes p` with
 * parameters from `$first`: a carrier only its own items; the Sở's roles every item. Always province-scoped.
 */
export function itemScope(user: SessionUser, provinceCode: string, first: number): { sql: string; params: unknown[] } {
  if (user.role === 'carrier')
    return {
      sql: `p.province_code = $${first} AND i.carrier_id = $${first + 1}`,
      params: [provinceCode, user.carrierId],
    }
  return { sql: `p.province_code = $${first}`, params: [provinceCode] }
}

/** The WHERE clause of a filtered item list, scope first; parameters are numbered from $1. */
export function itemWhere(
  user: SessionUser,
  provinceCode: string,
  f: Partial<ItemFilters>,
): { sql: string; params: unknown[] } {
  const scope = itemScope(user, provinceCode, 1)
  const params = [...scope.params]
  const parts = [scope.sql]
  const add = (sqlWith: (n: string) => string, value: unknown) => {
    params.push(value)
    parts.push(sqlWith(`$${params.length}`))
  }
  if (f.programme !== undefined) add((n) => `i.programme_id = ${n}`, f.programme)
  if (f.phase !== undefined) add((n) => `ph.seq = ${n}`, f.phase)
  if (f.upToPhase !== undefined) add((n) => `ph.seq <= ${n}`, f.upToPhase)
  if (f.status) add((n) => `i.status = ${n}`, f.status)
  if (f.carrier) add((n) => `c.short_name = ${n}`, f.carrier)
  if (f.district) add((n) => `s.district_code = ${n}`, f.district)
  if (f.overdue !== undefined)
    parts.push(
      f.overdue
        ? `(i.status <> 'verified' AND i.due_date < ${TODAY})`
        : `NOT (i.status <> 'verified' AND i.due_date < ${TODAY})`,
    )
  if (f.verifiedBy) add((n) => `i.status = 'verified' AND ${VERIFIED_DAY} <= ${n}::date`, f.verifiedBy)
  if (f.q) add((n) => containsSql('s.site_code', n), containsPattern(f.q))
  return { sql: parts.join(' AND '), params }
}

/** An item the user may reach, or 404 (another carrier's item is "not found", not "forbidden"). */
export async function visibleItem(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  lock = false,
): Promise<Row> {
  const scope = itemScope(user, provinceCode, 2)
  const row = await q.maybeOne(itemById(scope.sql, lock), [id, ...scope.params])
  if (!row) throw notFound('item.not_found')
  return row
}

/** A programme of the province, or 404. */
export async function programmeIn(
  q: Queryable,
  provinceCode: string,
  id: number,
): Promise<{ id: number; heightToleranceM: number; startsOn: string }> {
  const row = await q.maybeOne<{ id: number; heightToleranceM: number; startsOn: string }>(PROGRAMME_BRIEF, [
    id,
    provinceCode,
  ])
  if (!row) throw notFound('programme.not_found')
  return row
}
