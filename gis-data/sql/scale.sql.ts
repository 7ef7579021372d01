// SQL of the scaled demo (gis-data/scale.ts): copies of the demo province's stations, routes, poles and
// conversion items, set-based (one statement per layer and copy). Every copy is labelled demo and named with
// its copy number ('-X<k>' on codes, ' ×<k>' on route names), so a copy is never copied again.
// Parameters of each: $1 province, $2 copy number k (1, 2, …), $3 the share of the demo rows copied (0–1].

/**
 * Stations in service, copied per district onto new generated points of the same district ($4 seed), with the
 * same carrier, class, heights, technologies and decision.
 */
export const COPY_STATIONS = `
WITH src AS (
  SELECT s.*, row_number() OVER (PARTITION BY s.district_code ORDER BY s.id) AS n,
         count(*) OVER (PARTITION BY s.district_code) AS cnt
    FROM stations s
   WHERE s.province_code = $1 AND s.is_demo AND s.state = 'in_service' AND s.event_id IS NULL
     AND s.district_code IS NOT NULL AND s.site_code NOT LIKE '%-X%'
), take AS (
  SELECT * FROM src WHERE n <= ceil(cnt * $3::float8)
), counts AS (
  SELECT district_code, count(*)::int AS c FROM take GROUP BY 1
), pts AS (
  SELECT d.code, row_number() OVER (PARTITION BY d.code ORDER BY p.path) AS n, p.geom
    FROM units_in_force(current_date) d
    JOIN counts c ON c.district_code = d.code
   CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(d.geom, c.c, $4::int + $2::int)) p
   WHERE d.level = 'district' AND d.province_code = $1
)
INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind,
                      mast_height_m, building_height_m, technologies, state, decision_no, decision_date,
                      is_demo, state_since)
SELECT $1, t.carrier_id, t.site_code || '-X' || $2::int, p.geom, t.district_code, t.mast_class, t.camouflage_kind,
       t.mast_height_m, t.building_height_m, t.technologies, t.state, t.decision_no, t.decision_date,
       true, t.state_since
  FROM take t JOIN pts p ON p.code = t.district_code AND p.n = t.n`

/** Routes moved by ($4, $5) degrees, measured again on the ellipsoid; same kind, workflow dates and carriers. */
export const COPY_ROUTES = `
WITH src AS (
  SELECT r.*, row_number() OVER (ORDER BY r.id) AS n, count(*) OVER () AS cnt
    FROM cable_routes r
   WHERE r.province_code = $1 AND r.is_demo AND r.name NOT LIKE '% ×%'
)
INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, planned_on, started_on,
                          completed_on, accepted_on, geom, length_m, pole_count, is_demo)
SELECT $1, t.name || ' ×' || $2::int, t.street, t.kind, t.status, t.carrier_ids, t.planned_on, t.started_on,
       t.completed_on, t.accepted_on, g.geom, ST_Length(g.geom::geography, true), t.pole_count, true
  FROM src t CROSS JOIN LATERAL (SELECT ST_Translate(t.geom, $4::float8, $5::float8) AS geom) g
 WHERE t.n <= ceil(t.cnt * $3::float8)
RETURNING id`

/**
 * The poles of the copied routes, moved as their route was ($4, $5), in the district that holds them; linked to
 * the copied route. ($3 unused: the routes copied decide.)
 */
export const COPY_POLES = `
WITH m AS (
  SELECT o.id AS old_id, n.id AS new_id
    FROM cable_routes n
    JOIN cable_routes o ON o.province_code = n.province_code AND n.name = o.name || ' ×' || $2::int
   WHERE n.province_code = $1 AND n.is_demo AND n.name LIKE '% ×' || $2::int AND $3::float8 > 0
), gen AS MATERIALIZED (
  SELECT m.new_id, p.code || '-X' || $2::int AS code, p.owner_carrier_id, p.carrier_ids,
         ST_Translate(p.geom, $4::float8, $5::float8) AS geom
    FROM m JOIN route_poles rp ON rp.route_id = m.old_id JOIN poles p ON p.id = rp.pole_id
), ins AS (
  INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom, district_code, is_demo)
  SELECT DISTINCT ON (g.code) $1, g.code, g.owner_carrier_id, g.carrier_ids, g.geom,
         district_at($1, g.geom, current_date), true
    FROM gen g ORDER BY g.code
  RETURNING id, code
)
INSERT INTO route_poles (route_id, pole_id) SELECT gen.new_id, ins.id FROM gen JOIN ins USING (code)`

/** The conversion items of the demo programmes, for the copied stations (their host's copy when it has one). */
export const COPY_CONVERSION_ITEMS = `
INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                              to_class, to_height_m, to_design, host_station_id, due_date, status, status_since,
                              reported_at, measured_height_m, completed_on, report_note, verified_at, verified_by,
                              inspected_height_m, return_reasons, is_demo)
SELECT i.programme_id, i.phase_id, c.id, i.carrier_id, i.kind, i.from_class, i.from_height_m, i.to_class,
       i.to_height_m, i.to_design, CASE WHEN i.host_station_id IS NOT NULL THEN coalesce(hc.id, i.host_station_id) END,
       i.due_date, i.status, i.status_since, i.reported_at, i.measured_height_m, i.completed_on, i.report_note,
       i.verified_at, i.verified_by, i.inspected_height_m, i.return_reasons, true
  FROM conversion_items i
  JOIN conversion_programmes p ON p.id = i.programme_id AND p.province_code = $1 AND p.is_demo
  JOIN stations s ON s.id = i.station_id
  JOIN stations c ON c.carrier_id = s.carrier_id AND c.site_code = s.site_code || '-X' || $2::int
  LEFT JOIN stations h ON h.id = i.host_station_id
  LEFT JOIN stations hc ON hc.carrier_id = h.carrier_id AND hc.site_code = h.site_code || '-X' || $2::int
                       AND hc.state <> 'decommissioned'
 WHERE i.is_demo AND $3::float8 > 0 AND c.state <> 'decommissioned'
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
