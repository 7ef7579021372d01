// Every statement of the one search box: each kind of record as a branch of one UNION, role-scoped by the callers'
// WHERE fragments, folded (no case, no Vietnamese marks, NFC) on both sides so "thu duc" finds "Thủ Đức".
import { FOLD_FROM, FOLD_TO } from './fold'

/** SQL: a column folded like fold() folds the query: NFC, Vietnamese letters to their base letter, lower case. */
export const folded = (column: string): string =>
  `lower(translate(normalize(coalesce(${column}, ''), NFC), '${FOLD_FROM}', '${FOLD_TO}'))`

/**
 * A branch's columns: kind, order of the kinds, id, label, detail, decision number, state, exact match, point and
 * bounding box.
 */
const COLS = `kind, rank, id, label, detail, decision, state, exact, lon, lat, bbox`

const bbox = (g: string) => `ARRAY[ST_XMin(${g}), ST_YMin(${g}), ST_XMax(${g}), ST_YMax(${g})]::float8[]`

/**
 * The stations a user may see whose site code, name, address or decision number contains $1 (folded pattern);
 * `scope` is over `t` (stationScope). $2 is the folded query for an exact match of code or decision number.
 */
export const stationHits = (scope: string) => `
  SELECT 'station' AS kind, 1 AS rank, t.id::bigint AS id, t.site_code AS label,
         t.name AS detail, t.decision_no AS decision, t.state AS state,
         (${folded('t.site_code')} = $2 OR ${folded('t.decision_no')} = $2) AS exact,
         ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, NULL::float8[] AS bbox
    FROM stations t
   WHERE ${scope} AND (${folded('t.site_code')} LIKE $1 OR ${folded('t.decision_no')} LIKE $1
         OR ${folded('t.name')} LIKE $1 OR ${folded('t.address')} LIKE $1)`

/** Cable routes by name or street; `scope` over `t` (cable_routes). */
export const routeHits = (scope: string) => `
  SELECT 'route' AS kind, 2 AS rank, t.id::bigint AS id, t.name AS label, t.street AS detail, NULL AS decision, t.status AS state,
         ${folded('t.name')} = $2 AS exact,
         ST_X(ST_PointOnSurface(t.geom)) AS lon, ST_Y(ST_PointOnSurface(t.geom)) AS lat, ${bbox('t.geom')} AS bbox
    FROM cable_routes t
   WHERE ${scope} AND (${folded('t.name')} LIKE $1 OR ${folded('t.street')} LIKE $1)`

/** Conversion items by their station's site code; `scope` over `i`/`p` (itemScope). */
export const itemHits = (scope: string) => `
  SELECT 'item' AS kind, 3 AS rank, i.id::bigint AS id, s.site_code AS label, p.name AS detail, NULL AS decision, i.status AS state,
         ${folded('s.site_code')} = $2 AS exact,
         ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, NULL::float8[] AS bbox
    FROM conversion_items i
    JOIN conversion_programmes p ON p.id = i.programme_id
    JOIN stations s ON s.id = i.station_id
   WHERE ${scope} AND ${folded('s.site_code')} LIKE $1`

/** Districts and wards in force today by name or code; `province` the SQL of the province parameter. */
export const unitHits = (province: string) => `
  SELECT u.level AS kind, 4 AS rank, u.id::bigint AS id, u.name AS label, u.code AS detail, NULL AS decision, NULL AS state,
         (${folded('u.name')} = $2 OR u.code = $2) AS exact,
         ST_X(ST_PointOnSurface(u.geom)) AS lon, ST_Y(ST_PointOnSurface(u.geom)) AS lat, ${bbox('u.geom')} AS bbox
    FROM units_in_force(current_date) u
   WHERE u.province_code = ${province} AND u.level IN ('district', 'ward')
     AND (${folded('u.name')} LIKE $1 OR u.code = $2)`

/** Planning zones by name; `province` the SQL of the province parameter. */
export const zoneHits = (province: string) => `
  SELECT 'zone' AS kind, 5 AS rank, z.id::bigint AS id, z.name AS label, z.kind AS detail, NULL AS decision, NULL AS state,
         ${folded('z.name')} = $2 AS exact,
         ST_X(ST_PointOnSurface(z.geom)) AS lon, ST_Y(ST_PointOnSurface(z.geom)) AS lat, ${bbox('z.geom')} AS bbox
    FROM planning_zones z
   WHERE z.province_code = ${province} AND ${folded('z.name')} LIKE $1`

/**
 * One page of the branches' hits, grouped by kind, exact matches first, with the number of hits in all; $3 the
 * page size and $4 the offset.
 */
export const searchPage = (branches: string[]) => `
  SELECT kind, id::float8 AS id, label, detail, decision AS "decisionNo", state, lon, lat, bbox, count(*) OVER ()::int AS total
    FROM (${branches.map((b) => `SELECT ${COLS} FROM (${b}) b`).join('\n UNION ALL ')}) h
   ORDER BY rank, exact DESC, label, id
   LIMIT $3 OFFSET $4`
