import type { Queryable } from '../db/index'
import { badRequest, Problem, type FieldError, msg, fieldError, notFound } from '../http/problems'
import { explainGeographic, explainOtherZone, explainProjected, explainUnreadable, type Explanation } from './messages'
import {
  boxOf,
  formatMeridian,
  fromAnotherZone,
  kindOfPair,
  pointProblem,
  readingOf,
  roundFor,
  sridOf,
  type CoordSystem,
  type LonLat,
} from './plausibility'
import { zoneWkt, type ZoneCrs } from './crs'
import { FIND_ZONE, IN_PROVINCE, LIST_ZONES, TRANSFORM_POINTS, ZONE_CRS } from './sql'

/** A province's VN-2000 TM-3 zone. */
export type Zone = {
  provinceCode: string
  provinceName: string
  centralMeridian: number
  srid: number
  epsg: number
}

type Placed = {
  n: number
  givenLon: number | null
  givenLat: number | null
  swappedLon: number | null
  swappedLat: number | null
  x: number | null
  y: number | null
}

/** The exact CRS of a province's TM-3 coordinates (PROJ string and WKT, both with the pinned TOWGS84), or null. */
export async function zoneCrs(db: Queryable, provinceCode: string): Promise<(ZoneCrs & { zone: Zone }) | null> {
  const row = await db.maybeOne<Zone & { proj: string; towgs84: number[] }>(ZONE_CRS, [provinceCode])
  if (!row) return null
  const { proj, towgs84, ...zone } = row
  return {
    zone,
    proj,
    wkt: zoneWkt(zone.centralMeridian, towgs84),
    name: `VN-2000 / TM-3 ${formatMeridian(zone.centralMeridian)} (TOWGS84)`,
  }
}

/** The province's zone CRS for VN-2000 columns; a province without a known zone cannot have them (404). */
export async function requireZoneCrs(db: Queryable, provinceCode: string): Promise<ZoneCrs & { zone: Zone }> {
  const crs = await zoneCrs(db, provinceCode)
  if (!crs) throw notFound(msg('vn2000.no_zone', { province: provinceCode }))
  return crs
}

/** Every province's zone, by province code. */
export function listZones(db: Queryable): Promise<Zone[]> {
  return db.many<Zone>(LIST_ZONES)
}

/** The zone of a province; a 400 naming body.zone when there is none. */
export async function requireZone(db: Queryable, provinceCode: string): Promise<Zone> {
  const zone = await db.maybeOne<Zone>(FIND_ZONE, [provinceCode])
  if (!zone) {
    throw badRequest('coords.unknown_zone', [fieldError('body.zone', 'coords.no_zone', { province: provinceCode })])
  }
  return zone
}

/** Places every point in one query: both readings in WGS84, and the reading as given in the target SRID. */
function place(
  db: Queryable,
  points: readonly LonLat[],
  from: CoordSystem,
  fromSrid: number,
  toSrid: number,
): Promise<Placed[]> {
  return db.many<Placed>(TRANSFORM_POINTS, [
    points.map((p) => p[0]),
    points.map((p) => p[1]),
    fromSrid,
    toSrid,
    ...boxOf(from),
  ])
}

const lonLat = (lon: number | null, lat: number | null): LonLat | null =>
  lon === null || lat === null ? null : [lon, lat]
const zoneLabel = (z: Zone) => `the ${z.provinceName} zone (${formatMeridian(z.centralMeridian)})`

export interface ConvertRequest {
  from: CoordSystem
  to: CoordSystem
  zone?: string
  points: LonLat[]
}

export interface ConvertResult {
  from: CoordSystem
  to: CoordSystem
  zone: Zone | null
  points: [number, number][]
}

/** Converts points between WGS84, geographic VN-2000 and a province's TM-3 zone; 400 names each bad point. */
export async function convert(db: Queryable, req: ConvertRequest): Promise<ConvertResult> {
  const zone = req.zone === undefined ? null : await requireZone(db, req.zone)
  const rows = await place(db, req.points, req.from, sridOf(req.from, zone?.srid), sridOf(req.to, zone?.srid))
  const errors: FieldError[] = []
  const points = rows.map((row, i): [number, number] => {
    const [a, b] = req.points[i]!
    const reading = readingOf(lonLat(row.givenLon, row.givenLat), lonLat(row.swappedLon, row.swappedLat))
    if (reading === 'swapped' || reading === 'neither') {
      errors.push({
        path: `body.points.${i}`,
        message: pointProblem(req.from, reading, a, b, zone ? zoneLabel(zone) : undefined),
      })
      return [a, b]
    }
    return [roundFor(req.to, row.x!), roundFor(req.to, row.y!)]
  })
  if (errors.length > 0) {
    throw badRequest(msg('coords.points_wrong', { n: errors.length, total: req.points.length }), errors)
  }
  return { from: req.from, to: req.to, zone, points }
}

export interface InterpretRequest {
  a: number
  b: number
  zone?: string
  geographic?: 'wgs84' | 'vn2000-geo'
}

export interface Interpretation {
  kind: 'geographic' | 'projected'
  swapped: boolean
  order: 'lon-lat' | 'lat-lon' | 'easting-northing' | 'northing-easting'
  wgs84: [number, number]
  vn2000: { zone: Zone; easting: number; northing: number } | null
  message_vi: string
  message_en: string
  /** Things to check before using the point (e.g. plane coordinates that look like another zone's). */
  warnings: Explanation[]
}

/**
 * The warning for plane coordinates that land outside the zone's province (or its 3° band when no boundary is
 * loaded).
 */
async function zoneWarnings(db: Queryable, zone: Zone, [lon, lat]: LonLat): Promise<Explanation[]> {
  const place = await db.one<{ known: boolean; inside: boolean }>(IN_PROVINCE, [zone.provinceCode, lon, lat])
  return fromAnotherZone(lon, zone.centralMeridian, place.known ? place.inside : null) ? [explainOtherZone(zone)] : []
}

function unreadable(reason: Parameters<typeof explainUnreadable>[0], path: string, zone?: Zone): Problem {
  const m: Explanation = explainUnreadable(reason, zone)
  return new Problem(422, msg('coords.explained', { en: m.en, vi: m.vi }), {
    errors: [fieldError(path, 'coords.explained', { en: m.en, vi: m.vi })],
    message_vi: m.vi,
    message_en: m.en,
  })
}

/** Decides whether a typed pair is geographic or projected and in which order, and converts it. */
export async function interpret(db: Queryable, req: InterpretRequest): Promise<Interpretation> {
  const kind = kindOfPair(req.a, req.b)
  if (kind === 'unknown') throw unreadable('unknown', 'body')
  const zone = req.zone === undefined ? null : await requireZone(db, req.zone)

  if (kind === 'geographic') {
    // WGS84 and VN-2000 differ by seconds of arc, far less than Vietnam's extent: the raw numbers decide the order.
    const reading = readingOf([req.a, req.b], [req.b, req.a])
    if (reading === 'neither') throw unreadable('outside', 'body')
    const swapped = reading === 'swapped'
    const [lon, lat] = swapped ? [req.b, req.a] : [req.a, req.b]
    const datum = req.geographic ?? 'wgs84'
    const [row] = await place(
      db,
      [[lon, lat]],
      datum,
      sridOf(datum, undefined),
      zone?.srid ?? sridOf('wgs84', undefined),
    )
    const m = explainGeographic(lon, lat, swapped, datum, zone)
    return {
      kind,
      swapped,
      order: swapped ? 'lat-lon' : 'lon-lat',
      wgs84: [roundFor('wgs84', row!.givenLon!), roundFor('wgs84', row!.givenLat!)],
      vn2000: zone
        ? { zone, easting: roundFor('vn2000-tm3', row!.x!), northing: roundFor('vn2000-tm3', row!.y!) }
        : null,
      message_vi: m.vi,
      message_en: m.en,
      warnings: [],
    }
  }

  if (!zone) throw unreadable('zone-needed', 'body.zone')
  const [row] = await place(db, [[req.a, req.b]], 'vn2000-tm3', zone.srid, zone.srid)
  const given = lonLat(row!.givenLon, row!.givenLat)
  const other = lonLat(row!.swappedLon, row!.swappedLat)
  const reading = readingOf(given, other)
  if (reading === 'both') throw unreadable('ambiguous', 'body', zone)
  if (reading === 'neither') throw unreadable('outside', 'body', zone)
  const swapped = reading === 'swapped'
  const [easting, northing] = swapped ? [req.b, req.a] : [req.a, req.b]
  const wgs84 = (swapped ? other : given)!
  const m = explainProjected(easting, northing, swapped, zone)
  return {
    kind,
    swapped,
    order: swapped ? 'northing-easting' : 'easting-northing',
    wgs84: [roundFor('wgs84', wgs84[0]), roundFor('wgs84', wgs84[1])],
    vn2000: { zone, easting: roundFor('vn2000-tm3', easting), northing: roundFor('vn2000-tm3', northing) },
    message_vi: m.vi,
    message_en: m.en,
    warnings: await zoneWarnings(db, zone, wgs84),
  }
}

/** A plane pair placed in WGS84, or why it cannot be (English, as an import report says it). */
export type PlacedPair = { ok: true; lonLat: [number, number]; swapped: boolean } | { ok: false; message: string }

/**
 * Places many VN-2000 plane pairs of a province's zone in WGS84 in one query, each in whichever order it was
 * written ([easting, northing] or the surveyors' [X = northing, Y = easting]: in Vietnam they never overlap).
 */
export async function planePairsToWgs84(
  db: Queryable,
  provinceCode: string,
  pairs: readonly LonLat[],
): Promise<PlacedPair[]> {
  if (pairs.length === 0) return []
  const zone = await requireZone(db, provinceCode)
  const rows = await place(db, pairs, 'vn2000-tm3', zone.srid, sridOf('wgs84', undefined))
  return rows.map((row, i): PlacedPair => {
    const given = lonLat(row.givenLon, row.givenLat)
    const other = lonLat(row.swappedLon, row.swappedLat)
    const reading = readingOf(given, other)
    if (reading === 'given') return { ok: true, lonLat: [given![0], given![1]], swapped: false }
    if (reading === 'swapped') return { ok: true, lonLat: [other![0], other![1]], swapped: true }
    const [a, b] = pairs[i]!
    if (reading === 'both') return { ok: false, message: explainUnreadable('ambiguous', zone).en }
    return { ok: false, message: pointProblem('vn2000-tm3', 'neither', a, b, zoneLabel(zone)) }
  })
}
