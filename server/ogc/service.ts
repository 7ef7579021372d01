// OGC API Features, Part 1 (core, GeoJSON) and Part 2 (CRS by reference): what the routes answer, decided here.
import type { Queryable } from '../db/index'
import type { Audience } from '../tiles/audience'
import { parseBbox } from '../http/bbox'
import { invalid, notFound, unauthorized, msg, fieldError } from '../http/problems'
import { type Collection, COLLECTIONS, collectionById } from './collections'
import { extentOf, type ItemQuery, itemsCount, itemsPage, oneItem, PROVINCE_ZONE } from './sql'

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
export const EPSG_4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326'
const epsgUri = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`

/** Largest page; a larger `limit` is served as this many, as Part 1 allows. */
export const MAX_LIMIT = 10_000
export const DEFAULT_LIMIT = 100

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
]

/** A CRS the API answers in: lon/lat (CRS84), lat/lon (EPSG:4326) or the province's VN-2000 zone (E, N). */
export interface AnswerCrs {
  uri: string
  kind: 'crs84' | 'epsg4326' | 'vn2000'
  /** The pinned SRID the database uses for the VN-2000 zone (see migration 002). */
  srid?: number
}

interface ProvinceZone {
  epsg: number
  srid: number
}

async function provinceZone(q: Queryable, province: string): Promise<ProvinceZone | undefined> {
  return q.maybeOne<ProvinceZone>(PROVINCE_ZONE, [province])
}

/** The CRS URIs a collection can be asked in, for this province. */
export async function supportedCrs(q: Queryable, province: string): Promise<string[]> {
  const zone = await provinceZone(q, province)
  return [CRS84, EPSG_4326, ...(zone ? [epsgUri(zone.epsg)] : [])]
}

/** Reads a `crs` or `bbox-crs` parameter; an unknown URI is a 400 naming the ones served. */
export async function answerCrs(q: Queryable, province: string, uri: string | undefined, path: string) {
  if (uri === undefined || uri === CRS84) return { uri: CRS84, kind: 'crs84' } as AnswerCrs
  if (uri === EPSG_4326) return { uri, kind: 'epsg4326' } as AnswerCrs
  const zone = await provinceZone(q, province)
  if (zone && uri === epsgUri(zone.epsg)) return { uri, kind: 'vn2000', srid: zone.srid } as AnswerCrs
  throw invalid('ogc.crs_not_served', [fieldError(path, 'ogc.use_crs', { list: await supportedCrs(q, province) })])
}

/**
 * The geometry of `t` in the answer's CRS and axis order; `roundTo` decimals of a degree first when the
 * department publishes rounded positions (OPEN_DATA_DECIMALS).
 */
function geometrySql(crs: AnswerCrs, roundTo?: number): string {
  const g = roundTo === undefined ? 't.geom' : `ST_SnapToGrid(t.geom, ${10 ** -Math.trunc(roundTo)})`
  if (crs.kind === 'vn2000') return `ST_Transform(${g}, ${Number(crs.srid)})`
  return crs.kind === 'epsg4326' ? `ST_FlipCoordinates(${g})` : g
}

/** Public station positions are rounded when the department says so; nothing else is. */
const roundingFor = (c: Collection, a: Audience, decimals?: number) =>
  c.id === 'stations' && a.kind === 'public' ? decimals : undefined

/** A `bbox` in its `bbox-crs`, as EWKT of a box in that CRS (the query transforms it to WGS84). */
export function bboxEwkt(text: string, crs: AnswerCrs): string {
  let box: [number, number, number, number]
  if (crs.kind === 'vn2000') {
    const n = text.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)))
    const ok = n.length === 4 && n.every(Number.isFinite) && n[0]! < n[2]! && n[1]! < n[3]!
    const small = ok && n[2]! - n[0]! <= 2_000_000 && n[3]! - n[1]! <= 2_000_000
    if (!small) throw invalid('bbox.invalid', [fieldError('query.bbox', 'ogc.bbox_metres')])
    box = n as [number, number, number, number]
  } else if (crs.kind === 'epsg4326') {
    // EPSG:4326 is latitude first: minLat,minLon,maxLat,maxLon
    const parts = text.split(',')
    box = parts.length === 4 ? parseBbox([parts[1], parts[0], parts[3], parts[2]].join(',')) : parseBbox(text)
  } else {
    box = parseBbox(text)
  }
  const srid = crs.kind === 'vn2000' ? Number(crs.srid) : 4326
  const [x0, y0, x1, y1] = box
  return `SRID=${srid};POLYGON((${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0}))`
}

/** The collections an audience may read (others are answered as if they did not exist). */
export function visibleCollections(a: Audience): Collection[] {
  return COLLECTIONS.filter((c) => c.filter(a) !== null)
}

/** The collection, or 401 (exists, needs a sign-in or token) / 404. */
export function readableCollection(id: string, a: Audience): Collection {
  const c = collectionById(id)
  if (!c) throw notFound(msg('ogc.no_collection', { id }))
  if (c.filter(a) === null) {
    if (a.kind === 'public') throw unauthorized(msg('ogc.sign_in_for', { id }))
    throw notFound(msg('ogc.no_collection', { id }))
  }
  return c
}

function itemQuery(c: Collection, a: Audience, crs: AnswerCrs, extra: string, publicDecimals?: number): ItemQuery {
  const columns = c
    .properties(a)
    .map(([sql, name]) => `${sql} AS "${name}"`)
    .join(', ')
  const decimals = crs.kind === 'vn2000' ? 3 : 9
  return {
    from: c.from,
    where: `(${c.filter(a)})${extra}`,
    columns,
    geometry: geometrySql(crs, roundingFor(c, a, publicDecimals)),
    decimals,
    // a bbox is a condition on the geometry, which the aggregate has not
    ...(extra === '' && c.counts ? { counts: c.counts } : {}),
  }
}

/**
 * Binds the parameters a statement uses and numbers them densely: the filters follow the tile layers'
 * numbering ($4 province, $5 carrier), and a statement that leaves one out must not send it (PostgreSQL cannot
 * type a parameter no expression uses).
 */
function bindUsed(sql: string, values: Record<number, unknown>): { sql: string; params: unknown[] } {
  const used = [...new Set([...sql.matchAll(/\$(\d+)\b/g)].map((m) => Number(m[1])))].sort((x, y) => x - y)
  const renumber = new Map(used.map((n, i) => [n, i + 1]))
  return {
    sql: sql.replace(/\$(\d+)\b/g, (_m, n: string) => `$${renumber.get(Number(n))}`),
    params: used.map((n) => values[n]),
  }
}

const carrierOf = (a: Audience) => (a.kind === 'carrier' ? a.carrierId : null)

type Row = Record<string, unknown> & { id: string | number; geometry: string }

function feature(row: Row): Record<string, unknown> {
  const { id, geometry, ...properties } = row
  return { type: 'Feature', id: Number(id), geometry: JSON.parse(geometry), properties }
}

export interface ItemsRequest {
  limit: number
  offset: number
  bbox?: string
  bboxCrs?: string
  crs?: string
  /** OPEN_DATA_DECIMALS, for the public stations. */
  publicDecimals?: number
}

/** The statement of a page of items and its parameters (the bench times the same statement run directly). */
export async function itemsStatement(q: Queryable, c: Collection, a: Audience, province: string, r: ItemsRequest) {
  const crs = await answerCrs(q, province, r.crs, 'query.crs')
  const bboxCrs = await answerCrs(q, province, r.bboxCrs, 'query.bbox-crs')
  const extra = r.bbox ? ' AND t.geom && ST_Transform(ST_GeomFromEWKT($3), 4326)' : ''
  const spatial = r.bbox ? ' AND ST_Intersects(t.geom, ST_Transform(ST_GeomFromEWKT($3), 4326))' : ''
  const query = itemQuery(c, a, crs, extra + spatial, r.publicDecimals)
  const values = {
    1: Math.min(r.limit, MAX_LIMIT),
    2: r.offset,
    3: r.bbox ? bboxEwkt(r.bbox, bboxCrs) : null,
    4: province,
    5: carrierOf(a),
  }
  return { crs, page: bindUsed(itemsPage(query, '$1', '$2'), values), count: bindUsed(itemsCount(query), values) }
}

/**
 * The number matched, given the rows of a page: a page that is neither full nor past the end is the last one, so the
 * offset and its rows say it; only then is no count statement needed. `null`: ask the count statement.
 */
export function matchedFromPage(offset: number, limit: number, returned: number): number | null {
  return returned < Math.min(limit, MAX_LIMIT) && (returned > 0 || offset === 0) ? offset + returned : null
}

/** A page of a collection's features, with the number matched and returned. */
export async function items(q: Queryable, c: Collection, a: Audience, province: string, r: ItemsRequest) {
  const { crs, page, count } = await itemsStatement(q, c, a, province, r)
  const rows = await q.many<Row>(page.sql, page.params)
  const matched =
    matchedFromPage(r.offset, r.limit, rows.length) ?? (await q.one<{ n: number }>(count.sql, count.params)).n
  return { crs, features: rows.map(feature), numberMatched: matched, numberReturned: rows.length }
}

/** One feature by id, or 404 when there is none the audience may see. */
export async function item(
  q: Queryable,
  c: Collection,
  a: Audience,
  province: string,
  id: number,
  options: { crs?: string; publicDecimals?: number } = {},
) {
  const crs = await answerCrs(q, province, options.crs, 'query.crs')
  const query = itemQuery(c, a, crs, '', options.publicDecimals)
  const bound = bindUsed(oneItem(query, '$1'), { 1: id, 4: province, 5: carrierOf(a) })
  const row = await q.maybeOne<Row>(bound.sql, bound.params)
  if (!row) throw notFound(msg('ogc.no_feature', { id: String(id), collection: c.id }))
  return { crs, feature: feature(row) }
}

/** The WGS84 extent of the rows an audience sees in a collection (null when it has none). */
export async function extent(q: Queryable, c: Collection, a: Audience, province: string) {
  const query = itemQuery(c, a, { uri: CRS84, kind: 'crs84' }, '')
  const bound = bindUsed(extentOf(query), { 4: province, 5: carrierOf(a) })
  const row = await q.one<{ minLon: number | null; minLat: number; maxLon: number; maxLat: number }>(
    bound.sql,
    bound.params,
  )
  return row.minLon === null ? null : [row.minLon, row.minLat, row.maxLon, row.maxLat]
}
