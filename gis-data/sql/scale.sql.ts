// SQL of the scaled demo (gis-data/scale.ts): copies of the demo province's stations, routes, poles and
// conversion items, every copy of a layer in one set-based statement. The copies are listed first (copy number k,
// share of the rows, shift), then the rows each copy takes are numbered in maps of old id → new id (ids from the
// tables' own sequences in the order of copy and old id), so every later statement joins on ids, never on a
// computed name, and each table's triggers (summary aggregates, tile versions) run once for all copies.
// The temporary tables are dropped at commit. Every copy is labelled demo and named with its copy number ('-X<k>'
// on codes, ' ×<k>' on route names), so a copy is never copied again.

/**
 * $1 tables: their foreign keys and their indexes that back no constraint, each as the statement that drops it and
 * the one that makes it again (from the catalog). The copies add a million rows to poles and route_poles: building
 * an index once and checking a foreign key with one join afterwards is much faster than doing both row by row.
 * Restored indexes first, then foreign keys (validated in the same transaction).
 */
export const BULK_DDL = `
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS "drop",
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
         AS "restore", 2 AS step
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])
UNION ALL
SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 1
  FROM pg_index i
 WHERE i.indrelid = ANY ($1::regclass[])
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
 ORDER BY 3, 1`

/** The copies and the maps, dropped at commit. */
export const CREATE_MAPS = `
CREATE TEMPORARY TABLE scale_copies (k integer PRIMARY KEY, share float8 NOT NULL, dx float8 NOT NULL,
  dy float8 NOT NULL) ON COMMIT DROP;
CREATE TEMPORARY TABLE scale_station_map (k integer NOT NULL, old_id bigint NOT NULL, new_id bigint NOT NULL,
  district_code text NOT NULL, n bigint NOT NULL, PRIMARY KEY (k, old_id)) ON COMMIT DROP;
CREATE TEMPORARY TABLE scale_route_map (k integer NOT NULL, old_id bigint NOT NULL, new_id bigint NOT NULL,
  PRIMARY KEY (k, old_id)) ON COMMIT DROP;
CREATE TEMPORARY TABLE scale_pole_map (k integer NOT NULL, old_id bigint NOT NULL, new_id bigint NOT NULL,
  PRIMARY KEY (k, old_id)) ON COMMIT DROP`

/** $1 copy numbers, $2 their shares of the demo rows (0–1], $3 and $4 their shifts in degrees. */
export const LIST_COPIES = `
INSERT INTO scale_copies (k, share, dx, dy)
SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::float8[])`

/** Fresh statistics of the routes, so their split by district finds each copied route by its key. */
export const ANALYZE_ROUTES = `ANALYZE cable_routes`

/** Statistics of the filled maps, so the copies below join them by hash, not by a nested loop over guesses. */
export const ANALYZE_MAPS = `ANALYZE scale_copies, scale_station_map, scale_route_map, scale_pole_map`

/** $1 province: the stations in service of the demo (not copies, not of an event) each copy takes, per district. */
export const MAP_STATIONS = `
INSERT INTO scale_station_map (k, old_id, new_id, district_code, n)
SELECT c.k, s.id, nextval('stations_id_seq'), s.district_code, s.n
  FROM (
    SELECT s.id, s.district_code, row_number() OVER (PARTITION BY s.district_code ORDER BY s.id) AS n,
           count(*) OVER (PARTITION BY s.district_code) AS cnt
      FROM stations s
     WHERE s.province_code = $1 AND s.is_demo AND s.state = 'in_service' AND s.event_id IS NULL
       AND s.district_code IS NOT NULL AND s.site_code NOT LIKE '%-X%'
  ) s
  JOIN scale_copies c ON s.n <= ceil(s.cnt * c.share)
 ORDER BY c.k, s.id`

/**
 * $1 province, $2 seed: the mapped stations, each on a new generated point of its district (seed + k), with the same
 * carrier, class, heights, technologies and decision.
 */
export const COPY_STATIONS = `
WITH counts AS (
  SELECT k, district_code, count(*)::int AS c FROM scale_station_map GROUP BY 1, 2
), pts AS (
  SELECT c.k, d.code, row_number() OVER (PARTITION BY c.k, d.code ORDER BY p.path) AS n, p.geom
    FROM units_in_force(current_date) d
    JOIN counts c ON c.district_code = d.code
   CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(d.geom, c.c, $2::int + c.k)) p
   WHERE d.level = 'district' AND d.province_code = $1
)
INSERT INTO stations (id, province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind,
                      mast_height_m, building_height_m, technologies, state, decision_no, decision_date,
                      is_demo, state_since)
SELECT m.new_id, $1, t.carrier_id, t.site_code || '-X' || m.k, p.geom, t.district_code, t.mast_class,
       t.camouflage_kind, t.mast_height_m, t.building_height_m, t.technologies, t.state, t.decision_no,
       t.decision_date, true, t.state_since
  FROM scale_station_map m
  JOIN stations t ON t.id = m.old_id
  JOIN pts p ON p.k = m.k AND p.code = m.district_code AND p.n = m.n
 ORDER BY m.new_id`

/** $1 province: the demo's routes (not copies) each copy takes. */
export const MAP_ROUTES = `
INSERT INTO scale_route_map (k, old_id, new_id)
SELECT c.k, r.id, nextval('cable_routes_id_seq')
  FROM (
    SELECT r.id, row_number() OVER (ORDER BY r.id) AS n, count(*) OVER () AS cnt
      FROM cable_routes r
     WHERE r.province_code = $1 AND r.is_demo AND r.name NOT LIKE '% ×%'
  ) r
  JOIN scale_copies c ON r.n <= ceil(r.cnt * c.share)
 ORDER BY c.k, r.id`

/**
 * $1 province: the mapped routes shifted by their copy, measured again on the ellipsoid; same kind, dates and
 * carriers.
 */
export const COPY_ROUTES = `
INSERT INTO cable_routes (id, province_code, name, street, kind, status, carrier_ids, planned_on, started_on,
                          completed_on, accepted_on, geom, length_m, pole_count, is_demo)
SELECT m.new_id, $1, t.name || ' ×' || m.k, t.street, t.kind, t.status, t.carrier_ids, t.planned_on,
       t.started_on, t.completed_on, t.accepted_on, g.geom, ST_Length(g.geom::geography, true), t.pole_count, true
  FROM scale_route_map m
  JOIN scale_copies c ON c.k = m.k
  JOIN cable_routes t ON t.id = m.old_id
 CROSS JOIN LATERAL (SELECT ST_Translate(t.geom, c.dx, c.dy) AS geom) g
 ORDER BY m.new_id`

/** The new ids of the copied routes (for their split by district). */
export const COPIED_ROUTE_IDS = `SELECT coalesce(array_agg(new_id ORDER BY new_id), '{}') AS ids FROM scale_route_map`

/** The poles of each copy's routes, each once per copy. */
export const MAP_POLES = `
INSERT INTO scale_pole_map (k, old_id, new_id)
SELECT k, pole_id, nextval('poles_id_seq')
  FROM (SELECT DISTINCT m.k, rp.pole_id FROM scale_route_map m JOIN route_poles rp ON rp.route_id = m.old_id) p
 ORDER BY k, pole_id`

/** $1 province: the mapped poles, shifted as their routes were, in the district that holds them. */
export const COPY_POLES = `
INSERT INTO poles (id, province_code, code, owner_carrier_id, carrier_ids, geom, district_code, is_demo)
SELECT m.new_id, $1, p.code || '-X' || m.k, p.owner_carrier_id, p.carrier_ids, g.geom,
       district_at($1, g.geom, current_date), true
  FROM scale_pole_map m
  JOIN scale_copies c ON c.k = m.k
  JOIN poles p ON p.id = m.old_id
 CROSS JOIN LATERAL (SELECT ST_Translate(p.geom, c.dx, c.dy) AS geom) g
 ORDER BY m.new_id`

/** Each copied route linked to its copy's copies of its poles. */
export const COPY_ROUTE_POLES = `
INSERT INTO route_poles (route_id, pole_id)
SELECT r.new_id, p.new_id
  FROM scale_route_map r
  JOIN route_poles rp ON rp.route_id = r.old_id
  JOIN scale_pole_map p ON p.k = r.k AND p.old_id = rp.pole_id`

/** $1 province: the demo programmes' items for the copied stations (the host's copy when it has one). */
export const COPY_CONVERSION_ITEMS = `
INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                              to_class, to_height_m, to_design, host_station_id, due_date, status, status_since,
                              reported_at, measured_height_m, completed_on, report_note, verified_at, verified_by,
                              inspected_height_m, return_reasons, is_demo)
SELECT i.programme_id, i.phase_id, m.new_id, i.carrier_id, i.kind, i.from_class, i.from_height_m, i.to_class,
       i.to_height_m, i.to_design,
       CASE WHEN i.host_station_id IS NOT NULL THEN coalesce(h.new_id, i.host_station_id) END,
       i.due_date, i.status, i.status_since, i.reported_at, i.measured_height_m, i.completed_on, i.report_note,
       i.verified_at, i.verified_by, i.inspected_height_m, i.return_reasons, true
  FROM conversion_items i
  JOIN conversion_programmes p ON p.id = i.programme_id AND p.province_code = $1 AND p.is_demo
  JOIN scale_station_map m ON m.old_id = i.station_id
  LEFT JOIN scale_station_map h ON h.k = m.k AND h.old_id = i.host_station_id
 WHERE i.is_demo
 ORDER BY m.new_id, i.programme_id
ON CONFLICT (programme_id, station_id) DO NOTHING`

/** How many rows of each layer the province holds (the scaled demo's report). */
export const SCALE_COUNTS = `
SELECT (SELECT count(*) FROM stations WHERE province_code = $1) AS stations,
       (SELECT count(*) FROM poles WHERE province_code = $1) AS poles,
       (SELECT count(*) FROM cable_routes WHERE province_code = $1) AS routes,
       (SELECT count(*) FROM conversion_items i JOIN conversion_programmes p ON p.id = i.programme_id
         WHERE p.province_code = $1) AS "conversionItems"`

/** Fresh statistics after the bulk copy, so the planner sees the scaled tables. */
export const ANALYZE_SCALED = `ANALYZE stations, cable_routes, poles, route_poles, route_district_lengths,
  conversion_items, cable_summary_days, pole_first_done`
