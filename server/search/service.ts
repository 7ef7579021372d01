// The one search box: site codes, decision numbers, route names, conversion items, districts and wards, zones,
// and a typed coordinate pair (WGS84 or VN-2000, either order), each kind only as far as the user may see it.
import type { Reader } from '../db/index'
import type { SessionUser } from '../http/context'
import { Problem } from '../http/problems'
import { interpret, type Interpretation } from '../coords/service'
import { itemScope } from '../conversions/access'
import { stationScope } from '../stations/access'
import { audienceOf } from '../tiles/audience'
import { fold, foldedPattern } from './fold'
import { itemHits, routeHits, searchPage, stationHits, unitHits, zoneHits } from './sql'

export type HitKind = 'station' | 'route' | 'item' | 'district' | 'ward' | 'zone'

export interface Hit {
  kind: HitKind
  id: number
  label: string
  detail: string | null
  /** A station's decision number, when it has one. */
  decisionNo: string | null
  state: string | null
  lon: number
  lat: number
  bbox: [number, number, number, number] | null
}

export interface SearchAnswer {
  items: Hit[]
  total: number
  limit: number
  offset: number
  /** The query read as a coordinate pair, converted (first page only). */
  coordinate: Interpretation | null
}

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/

/**
 * Two numbers typed as a coordinate pair, or null: "1189543 602345", "X=1189543,35 Y=602345,10",
 * "10.7769, 106.7009", "10,7769 106,7009" (Vietnamese decimal commas), "10.7769,106.7009".
 */
export function coordinatePair(q: string): [number, number] | null {
  const text = q.replace(/\b[XxYy]\s*[=:]\s*/g, ' ').trim()
  let parts = text.split(/\s*;\s*|\s+|,\s+/).filter(Boolean)
  // "10.7769,106.7009": a comma between two dotted decimals separates them
  if (parts.length === 1 && /^[+-]?\d+\.\d+,[+-]?\d+(?:\.\d+)?$/.test(parts[0]!)) parts = parts[0]!.split(',')
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) return null
  const [a, b] = parts.map((p) => Number(p.replace(',', '.'))) as [number, number]
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null
}

/** Reads a pair through the coordinate service (which detects swapped order), or null when it is no place. */
async function readCoordinate(db: Reader, provinceCode: string, q: string): Promise<Interpretation | null> {
  const pair = coordinatePair(q)
  if (!pair) return null
  try {
    return await interpret(db, { a: pair[0], b: pair[1], zone: provinceCode })
  } catch (err) {
    if (err instanceof Problem && err.status === 422) return null
    throw err
  }
}

/** One page of what the user may find for `q`, grouped by kind; the coordinate reading on the first page. */
export async function search(
  db: Reader,
  user: SessionUser | undefined,
  provinceCode: string,
  query: { q: string; limit: number; offset: number },
): Promise<SearchAnswer> {
  const a = audienceOf(user)
  const params: unknown[] = [foldedPattern(query.q), fold(query.q.trim()), query.limit, query.offset, provinceCode]
  const branches: string[] = []
  if (a.kind !== 'public' && user) {
    params.push(...(a.kind === 'carrier' ? [a.carrierId] : []))
    branches.push(stationHits(stationScope(a, 't', '$5', '$6::int')))
    branches.push(
      routeHits(
        a.kind === 'carrier' ? 't.province_code = $5 AND $6::int = ANY (t.carrier_ids)' : 't.province_code = $5',
      ),
    )
    branches.push(itemHits(itemScope(user, provinceCode, 5).sql))
    branches.push(zoneHits('$5'))
  }
  branches.push(unitHits('$5'))
  const rows = await db.many<Hit & { total: number }>(searchPage(branches), params)
  const coordinate = query.offset === 0 ? await readCoordinate(db, provinceCode, query.q) : null
  return {
    items: rows.map(({ total: _total, ...hit }) => hit),
    total: rows[0]?.total ?? 0,
    limit: query.limit,
    offset: query.offset,
    coordinate,
  }
}
