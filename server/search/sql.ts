// Every statement of the one search box: each kind of record as a branch of one UNION, role-scoped by the callers'
// WHERE fragments, folded (no case, no Vietnamese marks, NFC) on both sides so "thu duc" finds "Thủ Đức".
import { FOLD_FROM, FOLD_TO } from './fold'

/** SQL: a column folded like fold() folds the query: NFC, Vietnamese letters to their base letter, lower case. */
export const folded = (column: string): string =>
  `lower(translate(normalize(coalesce(${column}, ''), NFC), '${FOLD_FROM}', '${FOLD_TO}'))`

/** A branch's columns: kind, order of the kinds, id, label, detail, decision number, state, exact match. */
const COLS = `kind, rank, id, label, detail, decision, state, exact`

// The shape of a hit of the page, read only for the page's rows (a point on it, and the box of a line or area).
const SHAPE = `
  LEFT JOIN LATERAL (
    SELECT t.geom FROM stations t WHERE h.kind = 'station' AND t.id = h.id
    UNION ALL SELECT t.geom FROM cable_routes t WHERE h.kind = 'route' AND t.id = h.id
    UNION ALL SELECT s.geom FROM conversion_items i JOIN stations s ON s.id = i.station_id
               WHERE h.kind = 'item' AND i.id = h.id
    UNION ALL SELECT u.geom FROM admin_units u WHERE h.kind IN ('district', 'ward') AND u.id = h.id
    UNION ALL SELECT z.geom FROM planning_zones z WHERE h.kind = 'zone' AND z.id = h.id
  ) g ON true`

/**
 * The stations a user may see whose site code, name, address or decision number contains $1 (folded pattern), read
 * from the column migration 105 folds when a row is written; `scope` is over `t` (stationScope). $2 is the folded
 * query for an exact match of code or decision number (site codes are ASCII: lower() folds them).
 */
export const stationHits = (scope: string) => `
  SELECT 'station' AS kind, 1 AS rank, t.id::bigint AS id, t.site_code AS label,
         t.name AS detail, t.decision_no AS decision, t.state AS state,
         (lower(t.site_code) = $2 OR ${folded('t.decision_no')} = $2) AS exact
    FROM stations t
   WHERE ${scope} AND t.search_text LIKE $1`

/** Cable routes by name or street (migration 105's folded column); `scope` over `t` (cable_routes). */
export const routeHits = (scope: string) => `
  SELECT 'route' AS kind, 2 AS rank, t.id::bigint AS id, t.name AS label, t.street AS detail,
         NULL AS decision, t.status AS state,
         ${folded('t.name')} = $2 AS exact
    FROM cable_routes t
   WHERE ${scope} AND t.search_text LIKE $1`

/** Conversion items by their station's site code (ASCII); `scope` over `i`/`p` (itemScope). */
export const itemHits = (scope: string) => `
  SELECT 'item' AS kind, 3 AS rank, i.id::bigint AS id, s.site_code AS label, p.name AS detail,
         NULL AS decision, i.status AS state,
         lower(s.site_code) = $2 AS exact
    FROM conversion_items i
    JOIN conversion_programmes p ON p.id = i.programme_id
    JOIN stations s ON s.id = i.station_id
   WHERE ${scope} AND lower(s.site_code) LIKE $1`

/** Districts and wards in force today by name or code; `province` the SQL of the province parameter. */
export const unitHits = (province: string) => `
  SELECT u.level AS kind, 4 AS rank, u.id::bigint AS id, u.name AS label, u.code AS detail,
         NULL AS decision, NULL AS state,
         (${folded('u.name')} = $2 OR u.code = $2) AS exact
    FROM units_in_force(current_date) u
   WHERE u.province_code = ${province} AND u.level IN ('district', 'ward')
     AND (${folded('u.name')} LIKE $1 OR u.code = $2)`

/** Planning zones by name; `province` the SQL of the province parameter. */
export const zoneHits = (province: string) => `
  SELECT 'zone' AS kind, 5 AS rank, z.id::bigint AS id, z.name AS label, z.kind AS detail,
         NULL AS decision, NULL AS state,
         ${folded('z.name')} = $2 AS exact
    FROM planning_zones z
   WHERE z.province_code = ${province} AND ${folded('z.name')} LIKE $1`

/**
 * One page of the branches' hits, grouped by kind, exact matches first, with the number of hits in all; $3 the
 * page size and $4 the offset.
 */
export const searchPage = (branches: string[]) => `
  SELECT h.kind, h.id::float8 AS id, h.label, h.detail, h.decision AS "decisionNo", h.state,
         ST_X(p.pt) AS lon, ST_Y(p.pt) AS lat,
         CASE WHEN h.kind IN ('station', 'item') THEN NULL
              ELSE ARRAY[ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)]::float8[] END AS bbox,
         h.total
    FROM (SELECT b.*, count(*) OVER ()::int AS total
            FROM (${branches.map((b) => `SELECT ${COLS} FROM (${b}) b`).join('\n UNION ALL ')}) b
           ORDER BY rank, exact DESC, label, id
           LIMIT $3 OFFSET $4) h
    ${SHAPE}
    CROSS JOIN LATERAL (SELECT CASE WHEN h.kind IN ('station', 'item') THEN g.geom
                                    ELSE ST_PointOnSurface(g.geom) END AS pt) p
   ORDER BY h.rank, h.exact DESC, h.label, h.id`
