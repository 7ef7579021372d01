// SQL of the exports: each layer's FROM, columns and filters, and the one keyset-paged statement every format
// reads. Values are bind parameters; identifiers come only from the allow-listed layers below. Column names are
// at most 10 characters (a Shapefile's DBF keeps no more) and the same in every format.
import { containsSql } from '../http/text'
import { stationScope } from '../stations/sql/scope.sql'
import { STATION_FROM } from '../stations/sql/stations.sql'

export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'date'

export interface Column {
  name: string
  /** SQL over the layer's FROM; dates as ISO text, numbers as float8 or int. */
  sql: string
  type: ColumnType
}

export type GeometryType = 'Point' | 'MultiLineString' | 'MultiPolygon'

/** One exportable layer: where its rows come from and what each row carries. */
export interface LayerSql {
  name: string
  geometryType: GeometryType
  from: string
  /** The row's id (the feature id in every format, the fid of a GeoPackage). */
  id: string
  /** The WGS84 geometry. */
  geom: string
  columns: Column[]
}

/** A WHERE clause with its parameters, numbered from $1. */
export interface Where {
  sql: string
  params: unknown[]
}

/** Adds conditions to a WHERE under construction; each value becomes the next bind parameter. */
export class WhereBuilder {
  readonly parts: string[]
  readonly params: unknown[]
  constructor(scope: Where) {
    this.parts = [scope.sql]
    this.params = [...scope.params]
  }
  add(sqlWith: (n: string) => string, value: unknown): this {
    this.params.push(value)
    this.parts.push(sqlWith(`$${this.params.length}`))
    return this
  }
  /** minLon, minLat, maxLon, maxLat over `geom`. */
  box(geom: string, b: readonly number[]): this {
    this.params.push(...b)
    const n = this.params.length
    this.parts.push(`${geom} && ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`)
    return this
  }
  done(): Where {
    return { sql: this.parts.join(' AND '), params: this.params }
  }
}

const col = (name: string, sql: string, type: ColumnType = 'text'): Column => ({ name, sql, type })
const names = (ids: string) =>
  `array_to_string(ARRAY(SELECT x.name FROM carriers x WHERE x.id = ANY (${ids}) ORDER BY x.name), ';')`
const districtName = (code: string) => `district_name(${code}, current_date)`

// ---- stations: the list's rows (stationWhere in stations/sql/lists.sql.ts decides which) -----------------------

export const STATIONS: LayerSql = {
  name: 'stations',
  geometryType: 'Point',
  from: STATION_FROM,
  id: 's.id',
  geom: 's.geom',
  columns: [
    col('site_code', 's.site_code'),
    col('name', 's.name'),
    col('operator', 'c.name'),
    col('shared', names('s.shared_carrier_ids')),
    col('address', 's.address'),
    col('district', districtName('s.district_code')),
    col('dist_code', 's.district_code'),
    col('mast_class', 's.mast_class'),
    col('camouflage', 's.camouflage_kind'),
    col('mast_h_m', 's.mast_height_m::float8', 'real'),
    col('bldg_h_m', 's.building_height_m::float8', 'real'),
    col('tech', "array_to_string(s.technologies, ';')"),
    col('state', 's.state'),
    col('decision', 's.decision_no'),
    col('dec_date', 's.decision_date::text', 'date'),
    col('temporary', 's.temporary', 'boolean'),
    col('mobile', 's.mobile', 'boolean'),
    col('valid_from', 's.valid_from::text', 'date'),
    col('valid_to', 's.valid_to::text', 'date'),
  ],
}

/** The public layer: stations in service, the open data's columns only (no site code, decision or address). */
export const publicStations = (decimals: number | undefined): LayerSql => ({
  name: 'stations',
  geometryType: 'Point',
  from: STATION_FROM,
  id: 's.id',
  // positions rounded as the department publishes them (OPEN_DATA_DECIMALS), as the open data is
  geom: decimals === undefined ? 's.geom' : `ST_SnapToGrid(s.geom, ${10 ** -Math.trunc(decimals)})`,
  columns: [
    col('operator', 'c.name'),
    col('shared', names('s.shared_carrier_ids')),
    col('district', districtName('s.district_code')),
    col('mast_class', 's.mast_class'),
    col('mast_h_m', 's.mast_height_m::float8', 'real'),
    col('tech', "array_to_string(s.technologies, ';')"),
    col('temporary', 's.temporary', 'boolean'),
    col('mobile', 's.mobile', 'boolean'),
  ],
})

/** $1 province: what the public may see of the stations. */
export const publicStationsWhere = (provinceCode: string): Where => ({
  sql: stationScope({ kind: 'public' }, 's', '$1'),
  params: [provinceCode],
})

// ---- poles: every pole of the province, as the pole list; a carrier sees counts, not the other carriers -------

/** $2: the requesting carrier, NULL for staff. */
export const POLES: LayerSql = {
  name: 'poles',
  geometryType: 'Point',
  from: 'poles t JOIN carriers o ON o.id = t.owner_carrier_id',
  id: 't.id',
  geom: 't.geom',
  columns: [
    col('code', 't.code'),
    col('owner', 'o.name'),
    col('carriers', `CASE WHEN $2::int IS NULL THEN ${names('t.carrier_ids')} END`),
    col('n_carriers', 'cardinality(t.carrier_ids)', 'integer'),
    col('mine', '($2::int IS NOT NULL AND $2::int = ANY (t.carrier_ids))', 'boolean'),
    col('district', districtName('t.district_code')),
    col('dist_code', 't.district_code'),
  ],
}

/** $1 province, $2 carrier (or NULL): poles are shared infrastructure, every signed-in role lists them all. */
export const polesScope = (provinceCode: string, carrierId: number | null): Where => ({
  sql: 't.province_code = $1',
  params: [provinceCode, carrierId],
})

/** The pole filters: district code and box. */
export const poleWhere = (scope: Where, f: { district?: string; box?: readonly number[] }): Where => {
  const w = new WhereBuilder(scope)
  if (f.district) w.add((n) => `t.district_code = ${n}`, f.district)
  if (f.box) w.box('t.geom', f.box)
  return w.done()
}

// ---- cable routes: as the route list (a carrier: the routes it takes part in) ---------------------------------

/** $2: the requesting carrier, NULL for staff (who alone see the carriers of a route, as in the OGC API). */
export const CABLE_ROUTES: LayerSql = {
  name: 'cable_routes',
  geometryType: 'MultiLineString',
  from: 'cable_routes t',
  id: 't.id',
  geom: 't.geom',
  columns: [
    col('name', 't.name'),
    col('street', 't.street'),
    col('kind', 't.kind'),
    col('status', 't.status'),
    col('length_m', 'round(t.length_m::numeric, 1)::float8', 'real'),
    col('poles', 't.pole_count', 'integer'),
    col('carriers', `CASE WHEN $2::int IS NULL THEN ${names('t.carrier_ids')} END`),
    col('planned_on', 't.planned_on::text', 'date'),
    col('started_on', 't.started_on::text', 'date'),
    col('done_on', 't.completed_on::text', 'date'),
    col('accept_on', 't.accepted_on::text', 'date'),
  ],
}

/** $1 province, $2 carrier (or NULL): the routes the route list shows. */
export const routesScope = (provinceCode: string, carrierId: number | null): Where => ({
  sql: 't.province_code = $1 AND ($2::int IS NULL OR $2::int = ANY (t.carrier_ids))',
  params: [provinceCode, carrierId],
})

/** The route list's filters. */
export const routeWhere = (
  scope: Where,
  f: { kind?: string; status?: string; carrier?: string; district?: string; pattern?: string; box?: number[] },
): Where => {
  const w = new WhereBuilder(scope)
  if (f.kind) w.add((n) => `t.kind = ${n}`, f.kind)
  if (f.status) w.add((n) => `t.status = ${n}`, f.status)
  if (f.carrier) w.add((n) => `(SELECT id FROM carriers WHERE short_name = ${n}) = ANY (t.carrier_ids)`, f.carrier)
  if (f.district)
    w.add(
      (n) =>
        `EXISTS (SELECT 1 FROM route_district_split(current_date) d
                  WHERE d.route_id = t.id AND d.district_code = ${n})`,
      f.district,
    )
  if (f.pattern !== undefined) w.add((n) => `(${containsSql('t.name', n)} OR ${containsSql('t.street', n)})`, f.pattern)
  if (f.box) w.box('t.geom', f.box)
  return w.done()
}

// ---- shared ducts: the duct report's routes (a carrier: the routes it takes part in or rents tubes on) ----------

/** Underground routes with shared-duct capacity: capacity, occupancy, price and who rents (a carrier: its own). */
export const DUCTS: LayerSql = {
  name: 'ducts',
  geometryType: 'MultiLineString',
  from: 'duct_capacities d JOIN cable_routes t ON t.id = d.route_id',
  id: 't.id',
  geom: 't.geom',
  columns: [
    col('name', 't.name'),
    col('street', 't.street'),
    col('length_m', 'round(t.length_m::numeric, 1)::float8', 'real'),
    col('ducts', 'd.ducts', 'integer'),
    col('tubes_per_duct', 'd.tubes_per_duct', 'integer'),
    col('tubes', 'd.ducts * d.tubes_per_duct', 'integer'),
    col(
      'allocated_tubes',
      '(SELECT coalesce(sum(a.tubes), 0)::int FROM duct_allocations a WHERE a.route_id = d.route_id)',
      'integer',
    ),
    col('price_vnd_per_m_month', 'd.price_vnd_per_m_month::float8', 'real'),
    col(
      'renters',
      `(SELECT string_agg(c.name || ': ' || a.tubes, '; ' ORDER BY c.name)
          FROM duct_allocations a JOIN carriers c ON c.id = a.carrier_id
         WHERE a.route_id = d.route_id AND ($2::int IS NULL OR a.carrier_id = $2::int))`,
    ),
  ],
}

/** $1 province, $2 carrier (or NULL): the routes the duct report shows. */
export const ductsScope = (provinceCode: string, carrierId: number | null): Where => ({
  sql: `t.province_code = $1 AND ($2::int IS NULL OR $2::int = ANY (t.carrier_ids)
        OR EXISTS (SELECT 1 FROM duct_allocations x WHERE x.route_id = t.id AND x.carrier_id = $2::int))`,
  params: [provinceCode, carrierId],
})

/** The ducts' filter: a box. */
export const ductWhere = (scope: Where, f: { box?: readonly number[] }): Where => {
  const w = new WhereBuilder(scope)
  if (f.box) w.box('t.geom', f.box)
  return w.done()
}

// ---- conversion items: as the item list (itemWhere in conversions/access.ts decides which) ---------------------

export const CONVERSION_ITEMS: LayerSql = {
  name: 'conversion_items',
  geometryType: 'Point',
  from: `conversion_items i
  JOIN conversion_programmes p ON p.id = i.programme_id
  JOIN conversion_phases ph ON ph.id = i.phase_id
  JOIN stations s ON s.id = i.station_id
  JOIN carriers c ON c.id = i.carrier_id`,
  id: 'i.id',
  geom: 's.geom',
  columns: [
    col('site_code', 's.site_code'),
    col('carrier', 'c.name'),
    col('programme', 'p.name'),
    col('phase', 'ph.seq', 'integer'),
    col('kind', 'i.kind'),
    col('from_class', 'i.from_class'),
    col('from_h_m', 'i.from_height_m::float8', 'real'),
    col('to_class', 'i.to_class'),
    col('to_h_m', 'i.to_height_m::float8', 'real'),
    col('due_date', 'i.due_date::text', 'date'),
    col('status', 'i.status'),
    col('measured_h', 'i.measured_height_m::float8', 'real'),
    col('done_on', 'i.completed_on::text', 'date'),
    col('district', districtName('s.district_code')),
    col('dist_code', 's.district_code'),
  ],
}

// ---- districts in force on a date (public, as /api/admin-units) and planning zones (as /api/zones) ------------

export const DISTRICTS: LayerSql = {
  name: 'districts',
  geometryType: 'MultiPolygon',
  from: 'units_in_force($2::date) t',
  id: 't.id',
  geom: 'ST_Multi(t.geom)',
  columns: [
    col('code', 't.code'),
    col('name', 't.name'),
    col('valid_from', 't.valid_from::text', 'date'),
    col('valid_to', 't.valid_to::text', 'date'),
    col('source', 't.source'),
  ],
}

/** $1 province, $2 the date the units are in force. */
export const districtsWhere = (provinceCode: string, at: string): Where => ({
  sql: "t.level = 'district' AND t.province_code = $1",
  params: [provinceCode, at],
})

export const ZONES: LayerSql = {
  name: 'zones',
  geometryType: 'MultiPolygon',
  from: 'planning_zones t',
  id: 't.id',
  geom: 't.geom',
  columns: [
    col('name', 't.name'),
    col('kind', 't.kind'),
    col('classes', "array_to_string(t.allowed_classes, ';')"),
    col('max_h_m', 't.max_height_m::float8', 'real'),
  ],
}

/** $1 province, with the zone list's box. */
export const zonesWhere = (provinceCode: string, box?: number[]): Where => {
  const w = new WhereBuilder({ sql: 't.province_code = $1', params: [provinceCode] })
  if (box) w.box('t.geom', box)
  return w.done()
}

// ---- the one statement -----------------------------------------------------------------------------------------

/**
 * How a page carries its geometry: GeoJSON text (outer rings counter-clockwise, RFC 7946), GeoJSON text with
 * outer rings clockwise (a Shapefile's rule), lon/lat (points) or WKT (other types), or hex WKB.
 */
export type GeometryAs = 'geojson' | 'shape' | 'columns' | 'wkb'

/**
 * A page of `layer` under `where` (parameters $1…$n): $n+1 the last id read, $n+2 rows at most, in id order
 * (keyset paging: every page is an index range, however deep). With `srid`, `vn2000_x` (easting) and `vn2000_y`
 * (northing) of the row's point (a point on the line or area for other types) in that VN-2000 SRID, to the mm.
 */
export function exportPage(layer: LayerSql, where: Where, as: GeometryAs, srid: number | null): string {
  const n = where.params.length
  const g = layer.geom
  const columns = layer.columns.map((c) => `${c.sql} AS "${c.name}"`)
  if (srid !== null) {
    const p = layer.geometryType === 'Point' ? g : `ST_PointOnSurface(${g})`
    const zone = `ST_Transform(${p}, ${Number(srid)})`
    columns.push(`round(ST_X(${zone})::numeric, 3)::float8 AS vn2000_x`)
    columns.push(`round(ST_Y(${zone})::numeric, 3)::float8 AS vn2000_y`)
  }
  const area = layer.geometryType === 'MultiPolygon'
  const oriented = !area ? g : as === 'shape' ? `ST_ForcePolygonCW(${g})` : `ST_ForcePolygonCCW(${g})`
  const geometry =
    as === 'geojson' || as === 'shape'
      ? [`ST_AsGeoJSON(${oriented}, 9) AS geometry`]
      : as === 'wkb'
        ? [
            `encode(ST_AsBinary(${g}, 'NDR'), 'hex') AS wkb`,
            `ST_XMin(${g}) AS "minX"`,
            `ST_YMin(${g}) AS "minY"`,
          ].concat([`ST_XMax(${g}) AS "maxX"`, `ST_YMax(${g}) AS "maxY"`])
        : layer.geometryType === 'Point'
          ? [`round(ST_X(${g})::numeric, 9)::float8 AS lon`, `round(ST_Y(${g})::numeric, 9)::float8 AS lat`]
          : [`ST_AsText(${g}, 9) AS wkt`]
  return `
SELECT ${layer.id}::int8 AS id, ${[...columns, ...geometry].join(', ')}
  FROM ${layer.from}
 WHERE ${where.sql} AND ${layer.id} > $${n + 1}
 ORDER BY ${layer.id} LIMIT $${n + 2}`
}
