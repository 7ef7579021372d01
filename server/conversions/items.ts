import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { itemWhere, visibleItem } from './access'
import type { ItemFilters, ListQuery } from './schemas'
import * as sql from './sql'
import { decorateItem } from './transitions'

/** One page of items, earliest due first, with the total. */
export async function listItems(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  query: ListQuery,
): Promise<{ items: Row[]; total: number; offset: number; limit: number }> {
  const where = itemWhere(user, provinceCode, query)
  const n = where.params.length
  const items = await q.many(sql.itemPage(where.sql, n), [...where.params, query.limit, query.offset])
  const { total } = await q.one<{ total: number }>(sql.countItems(where.sql), where.params)
  return { items: items.map((i) => decorateItem(i, user)), total, offset: query.offset, limit: query.limit }
}

/** An item with its photos and its steps (from the audit log, which records every one). */
export async function itemDetail(q: Queryable, user: SessionUser, provinceCode: string, id: number): Promise<Row> {
  const item = await visibleItem(q, user, provinceCode, id)
  const photos = await q.many(sql.SELECT_PHOTOS, [id])
  const history = await q.many(sql.SELECT_ITEM_HISTORY, [String(id)])
  return { ...decorateItem(item, user), photos, history }
}

/**
 * The map layer: one point per item with what the style needs (status, kind, carrier, phase, overdue) and the
 * measured values the inspector compares. Small enough as GeoJSON at programme size (3,742 points).
 */
export async function itemLayer(
  q: Queryable,
  user: SessionUser,
  provinceCode: string,
  filters: ItemFilters,
): Promise<Row> {
  const where = itemWhere(user, provinceCode, filters)
  const row = await q.one<{ fc: Row }>(sql.itemLayer(where.sql), where.params)
  return row.fc
}

/** How many items are about the given stations (an item lies in its station's district). */
export async function countItemsOfStations(q: Queryable, stationIds: number[]): Promise<number> {
  const { n } = await q.one<{ n: number }>(sql.COUNT_ITEMS_OF_STATIONS, [stationIds])
  return Number(n)
}
