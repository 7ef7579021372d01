// Every statement of the demo generators (gis-data/). Values are bind parameters. The generators write the demo
// rows of several domains' tables directly: they stand for data entered over years, not for a request.

// demo.ts

/** The demo province's row (written again when the base loads). */
export const FORGET_DEMO_PROVINCE = `DELETE FROM demo_datasets WHERE name = 'province'`

/** Whether the province has districts in force today. $1 province code. */
export const DISTRICTS_IN_FORCE = `SELECT 1 FROM units_in_force(current_date)
  WHERE province_code = $1 AND level = 'district' LIMIT 1`

/** $1 carrier short name. */
export const CARRIER_ID = 'SELECT id FROM carriers WHERE short_name = $1'

/** $1 seed, $2 summary (JSON). */
export const RECORD_DEMO_PROVINCE = `INSERT INTO demo_datasets (name, seed, summary) VALUES ('province', $1, $2)`

/** The demo layers loaded so far. */
export const LOADED_DEMO_DATASETS = 'SELECT name FROM demo_datasets'

/** For one demo layer's transaction: the bulk inserts may run longer than STATEMENT_TIMEOUT_MS allows a request. */
export const DEMO_LAYER_TIMEOUT = "SET LOCAL statement_timeout = '10min'"

/** $1 layer name, $2 seed. */
export const RECORD_DEMO_LAYER = `INSERT INTO demo_datasets (name, seed) VALUES ($1, $2)`

/** Whether the demo province is loaded. */
export const DEMO_PROVINCE_LOADED = `SELECT 1 FROM demo_datasets WHERE name = 'province'`

/** Whether the database holds any boundary (then it is real data, left alone). */
export const ANY_ADMIN_UNIT = 'SELECT 1 FROM admin_units LIMIT 1'

// province.ts

/** The demo province's outline. $1 province code, $2 name, $3 outline (WKT), $4 valid from. */
export const INSERT_DEMO_PROVINCE = `
INSERT INTO admin_units (level, code, name, province_code, geom, valid_from, source, is_demo)
VALUES ('province', $1, $2, $1, ST_Multi(ST_GeomFromText($3, 4326)), $4, 'demo', true)`

/**
 * The districts: Voronoi cells of the seeds clipped to the outline. $1, $2 seed x and y, $3 codes, $4 names,
 * $5 outline (WKT), $6 province code, $7 valid from.
 */
export const INSERT_DEMO_DISTRICTS = `
WITH seeds AS (
  SELECT ord, code, name, ST_SetSRID(ST_MakePoint(x, y), 4326) AS pt
    FROM unnest($1::float8[], $2::float8[], $3::text[], $4::text[]) WITH ORDINALITY AS s(x, y, code, name, ord)
), outline AS (
  SELECT ST_GeomFromText($5, 4326) AS g
), cells AS (
  SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(pt), 0, (SELECT ST_Expand(g, 0.5) FROM outline)))).geom AS cell
    FROM seeds
)
INSERT INTO admin_units (level, code, name, province_code, parent_code, geom, valid_from, source, is_demo)
SELECT 'district', s.code, s.name, $6, $6,
       ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_Intersection(c.cell, o.g, 1e-7), 3))), $7, 'demo', true
  FROM cells c JOIN seeds s ON ST_Contains(c.cell, s.pt) CROSS JOIN outline o`

/** The province becomes the union of its districts. $1 province code, $2 valid from. */
export const PROVINCE_AS_UNION_OF_DISTRICTS = `
UPDATE admin_units p
   SET geom = (SELECT ST_ForcePolygonCCW(ST_Multi(ST_Union(d.geom))) FROM admin_units d
                WHERE d.level = 'district' AND d.province_code = $1 AND d.valid_from = $2)
 WHERE p.level = 'province' AND p.code = $1 AND p.valid_from = $2`

// stations.ts

/** Whether the province already has demo stations. $1 province code. */
export const DEMO_STATIONS_EXIST = 'SELECT 1 FROM stations WHERE province_code = $1 AND is_demo LIMIT 1'

/** The province's rule values, copied from Hồ Chí Minh City's unless it has its own. $1 province code. */
export const COPY_HCMC_RULES = `
INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m,
                           share_distance_rural_m, duplicate_distance_m, default_area_kind, a1_max_reach_m)
SELECT $1, a1_max_ratio, a1_max_height_m, share_distance_urban_m, share_distance_rural_m, duplicate_distance_m,
       default_area_kind, a1_max_reach_m
  FROM station_rules WHERE province_code = '79' ON CONFLICT DO NOTHING`

/** The mobile carriers, by short name. */
export const MOBILE_CARRIERS = `SELECT id, short_name AS "shortName" FROM carriers WHERE kind = 'mobile'`

/** The districts in force with their areas (km²). $1 province code. */
export const DISTRICT_AREAS = `
SELECT code, area_m2 / 1e6 AS km2 FROM units_in_force(current_date)
WHERE level = 'district' AND province_code = $1 ORDER BY code`

/**
 * The stations: generated points in each district joined to the generated attributes, in order.
 * $1 province code, $2 district codes, $3 stations per district, $4 seed, $5–$14 the attribute columns.
 */
export const INSERT_DEMO_STATIONS = `
WITH pts AS (
  SELECT row_number() OVER (ORDER BY d.code, p.path) AS n, d.code, p.geom
    FROM units_in_force(current_date) d
    JOIN unnest($2::text[], $3::int[]) AS c(code, cnt) ON c.code = d.code
   CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(d.geom, c.cnt, $4)) p
   WHERE d.level = 'district' AND d.province_code = $1
), attrs AS (
  SELECT * FROM unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::numeric[], $11::text[],
                       $12::text[], $13::text[], $14::date[])
    WITH ORDINALITY AS a(carrier_id, site_code, mast_class, camouflage_kind, mast_height_m, building_height_m, tech,
                         state, decision_no, decision_date, n)
)
INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind,
                      mast_height_m, building_height_m, technologies, state, submitted_at, decision_no, decision_date,
                      is_demo, state_since)
SELECT $1, a.carrier_id, a.site_code, p.geom, p.code, a.mast_class, a.camouflage_kind, a.mast_height_m,
       a.building_height_m, a.tech::text[], a.state,
       CASE WHEN a.state NOT IN ('draft', 'in_service') THEN now() - make_interval(hours => (a.n % 240)::int) END,
       a.decision_no, a.decision_date, true, now() - make_interval(hours => (a.n % 240)::int)
  FROM pts p JOIN attrs a ON a.n = p.n
 ORDER BY p.n
RETURNING id`

/** Fresh statistics, so the planner picks the GiST index for the rule checks that follow. */
export const ANALYZE_STATIONS = 'ANALYZE stations'

/** A history row for every demo station not simply in service. $1 province code. */
export const STATION_HISTORY_OF_DEMO = `
INSERT INTO station_history (station_id, version, action, state, actor_name, note, snapshot)
SELECT s.id, s.version, 'demo.load', s.state, 'system', 'demo data',
       to_jsonb(s) - 'geom' || jsonb_build_object('lon', ST_X(s.geom), 'lat', ST_Y(s.geom))
  FROM stations s WHERE s.province_code = $1 AND s.is_demo AND s.state <> 'in_service'`

/** The planning zones around fixed districts' centres. $1 province code. */
export const INSERT_DEMO_ZONES = `
WITH c AS (SELECT ST_PointOnSurface(geom) AS g, code FROM units_in_force(current_date)
            WHERE level = 'district' AND province_code = $1)
INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
SELECT $1, z.name, z.kind, z.classes, z.max_h, ST_Multi(ST_Buffer(c.g::geography, z.radius)::geometry)
  FROM c JOIN (VALUES
    ('760', 'Quảng trường trung tâm (chỉ A1)', 'a1_only', ARRAY['A1'], NULL::numeric, 600),
    ('774', 'Khu di sản Chợ Lớn', 'heritage', ARRAY['A1'], 25, 500),
    ('770', 'Khu cơ quan nhà nước', 'government', ARRAY['A1'], NULL, 300),
    ('765', 'Trục đường chính Bình Thạnh', 'main_street', ARRAY['A1', 'A2a'], 60, 900),
    ('783', 'Vùng nông thôn Củ Chi', 'rural', ARRAY['A1', 'A2a', 'A2b'], 80, 6000)
  ) AS z(code, name, kind, classes, max_h, radius) ON z.code = c.code`

/** A current and a past event around two districts' centres. $1 province code. */
export const INSERT_DEMO_EVENTS = `
INSERT INTO station_events (province_code, name, starts_on, ends_on, area)
SELECT $1, e.name, current_date + e.s, current_date + e.e,
       ST_Multi(ST_Buffer(ST_PointOnSurface(a.geom)::geography, 800)::geometry)
  FROM (VALUES ('Lễ hội pháo hoa (demo)', -1, 5, '760'),
               ('Hội chợ Tết (demo, đã kết thúc)', -40, -20, '778')) AS e(name, s, e, code)
  JOIN units_in_force(current_date) a ON a.level = 'district' AND a.code = e.code AND a.province_code = $1
RETURNING id, ends_on < current_date AS past`

/**
 * An event's temporary stations (the first 23 fixed, the rest trucks; all fixed for a past event).
 * $1 province code, $2 event id, $3 carrier ids, $4 how many, $5 past event.
 */
export const INSERT_EVENT_STATIONS = `
INSERT INTO stations (province_code, carrier_id, site_code, geom, district_code, mast_class, camouflage_kind,
                      mast_height_m, building_height_m, technologies, state, decision_no, decision_date, temporary,
                      mobile, event_id, valid_from, valid_to, is_demo)
SELECT $1, ($3::int[])[1 + (g.i % cardinality($3::int[]))], 'TMP-' || e.id || '-' || lpad(g.i::text, 3, '0'), g.geom,
       district_at($1, g.geom, current_date),
       CASE WHEN g.fixed THEN 'A1c' ELSE 'A2b' END, CASE WHEN g.fixed THEN 'street_light' END,
       CASE WHEN g.fixed THEN 9 ELSE 30 END, NULL, '{4G}', 'in_service', 'TT-' || e.id || '/QĐ-STTTT', e.starts_on,
       true, NOT g.fixed, e.id, e.starts_on, e.ends_on, true
  FROM station_events e
 CROSS JOIN LATERAL (
       SELECT d.path[1] AS i, d.geom, (d.path[1] <= 23 OR $5) AS fixed
         FROM ST_Dump(ST_GeneratePoints(e.area, $4::int, e.id)) d
      ) g
 WHERE e.id = $2::int`

// cables.ts

/** $1 province code. */
export const DELETE_DEMO_CABLE_ROUTES = 'DELETE FROM cable_routes WHERE is_demo AND province_code = $1'

/** $1 province code. */
export const DELETE_DEMO_POLES = 'DELETE FROM poles WHERE is_demo AND province_code = $1'

/** Every carrier's id by short name. */
export const CARRIER_IDS = 'SELECT id, short_name FROM carriers'

/** The routes from parallel columns. $1 province code, $2–$9 name, street, kind, status, carrier ids, dates, WKT. */
export const INSERT_DEMO_CABLE_ROUTES = `
INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, started_on, completed_on, geom,
                          length_m, is_demo)
SELECT $1, name, street, kind, status, string_to_array(carriers, ',')::int[], started::date, completed::date, g,
       ST_Length(g::geography, true), true
  FROM (SELECT *, ST_Multi(ST_GeomFromText(wkt, 4326)) AS g
          FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
               AS t(name, street, kind, status, carriers, started, completed, wkt)) s
RETURNING id, name`

/**
 * Poles spread evenly along each route, linked to it. $1 route ids, $2 poles per route, $3 province code,
 * $4 owner (the power utility).
 */
export const INSERT_DEMO_POLES = `
WITH spec AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS s(route_id, n)),
gen AS MATERIALIZED (
  SELECT s.route_id, 'TD-' || s.route_id || '-' || k AS code, r.carrier_ids,
         ST_LineInterpolatePoint(ST_GeometryN(r.geom, 1), (k - 0.5) / s.n) AS geom
    FROM spec s JOIN cable_routes r ON r.id = s.route_id CROSS JOIN LATERAL generate_series(1, s.n) AS k
), ins AS (
  INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom, district_code, is_demo)
  SELECT $3, g.code, $4, g.carrier_ids, g.geom,
         district_at($3, g.geom, current_date),
         true
    FROM gen g
  RETURNING id, code
)
INSERT INTO route_poles (route_id, pole_id) SELECT gen.route_id, ins.id FROM gen JOIN ins USING (code)`

/** $1 route ids, $2 their pole counts. */
export const SET_POLE_COUNTS = `UPDATE cable_routes r SET pole_count = s.n
  FROM unnest($1::bigint[], $2::int[]) AS s(id, n) WHERE r.id = s.id`

/** Shared ducts on every fourth completed underground route, rented by two carriers. $1 province code. */
export const INSERT_DEMO_DUCTS = `
WITH u AS (SELECT id, carrier_ids, row_number() OVER (ORDER BY id) AS k FROM cable_routes
            WHERE is_demo AND province_code = $1 AND kind = 'underground' AND status = 'completed'),
cap AS (INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month)
        SELECT id, 2 + (k % 3)::int, 4, 1500 + 100 * (k % 5) FROM u WHERE k % 4 = 0 RETURNING route_id)
INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date)
SELECT u.id, c, 1 + (u.k % 2)::int, DATE '2018-01-01'
  FROM u JOIN cap ON cap.route_id = u.id CROSS JOIN LATERAL unnest(u.carrier_ids[1:2]) AS c`

// conversions.ts

/** $1 province code. */
export const DEMO_PROGRAMME_EXISTS = 'SELECT 1 FROM conversion_programmes WHERE province_code = $1 AND is_demo'

/** The bulky masts in service, the programme's candidates. $1 province code. */
export const CONVERSION_CANDIDATES = `
SELECT id, carrier_id AS "carrierId", district_code AS district, mast_class AS "mastClass",
       mast_height_m AS "mastHeightM", camouflage_kind AS "camouflageKind"
  FROM stations
 WHERE province_code = $1 AND state = 'in_service' AND NOT temporary AND mast_class IN ('A2a', 'A2b')
   AND district_code IS NOT NULL
 ORDER BY id`

/** The two demo programmes. $1 province code. */
export const INSERT_DEMO_PROGRAMME = `
INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, legal_basis, starts_on,
                                   height_tolerance_m, is_demo)
VALUES ($1, 'Chuyển đổi cột ăng-ten sang cột thế hệ mới 2017–2025 (demo)', '2456/QĐ-UBND', '2017-05-12',
        'Kế hoạch chỉnh trang, chuyển đổi cột ăng-ten cồng kềnh sang cột ăng-ten thân thiện môi trường, '
          || 'thế hệ mới (dữ liệu demo)', '2017-01-01', 0.5, true),
       ($1, 'Hạ độ cao cột ăng-ten 18 m → 12 m (demo)', '118/KH-STTTT', '2024-03-20',
        'Kế hoạch hạ độ cao cột ăng-ten trên các tuyến phố chính (dữ liệu demo)', '2024-04-01', 0.3, true)
RETURNING id`

/** Their phases. $1, $2 programme ids, $3–$5 cumulative targets. */
export const INSERT_DEMO_PHASES = `
INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
VALUES ($1, 1, 'Giai đoạn 1 (2017–2020)', '2020-12-31', $3),
       ($1, 2, 'Giai đoạn 2 (2021–2025)', '2025-12-31', $4),
       ($2, 1, 'Đợt 2024–2027', '2027-12-31', $5)
RETURNING id, programme_id AS programme, seq`

/** $1 station ids, $2 their mast heights (m). */
export const SET_MAST_HEIGHTS = 'UPDATE stations SET mast_height_m = $2 WHERE id = ANY ($1::bigint[])'

/** One after-photo for each reported or verified item. $1 programme ids, $2 size, $3 SHA-256, $4 bytes. */
export const INSERT_DEMO_PHOTOS = `
INSERT INTO conversion_photos (item_id, media_type, byte_size, sha256, content, uploaded_by)
SELECT i.id, 'image/png', $2, $3, $4, c.short_name FROM conversion_items i JOIN carriers c ON c.id = i.carrier_id
 WHERE i.programme_id = ANY ($1::int[]) AND i.status IN ('reported', 'verified')`

/** Fresh statistics for the dashboard's queries. */
export const ANALYZE_CONVERSION_ITEMS = 'ANALYZE conversion_items'

export const ANALYZE_CONVERSION_PHOTOS = 'ANALYZE conversion_photos'

/**
 * The items from parallel columns. $1, $2 programme ids (the first $15 items belong to $1), $3–$14 and $16 the
 * item columns.
 */
export const INSERT_DEMO_ITEMS = `
INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m, to_class,
                              to_height_m, to_design, due_date, status, status_since, reported_at, measured_height_m,
                              completed_on, verified_at, verified_by, return_reasons, is_demo)
SELECT CASE WHEN t.n <= $15 THEN $1::int ELSE $2::int END, t.phase, t.station, t.carrier, t.kind, t.from_class,
       t.from_height, t.to_class, t.to_height, t.design,
       ph.deadline, t.status,
       coalesce(t.verified_at, t.completed + interval '1 day', now() - make_interval(days => (t.n % 90)::int)),
       t.completed + interval '1 day', t.measured, t.completed, t.verified_at,
       CASE WHEN t.verified_at IS NOT NULL THEN 'inspector' END,
       CASE WHEN t.status = 'returned'
            THEN ARRAY['Ảnh sau chuyển đổi chưa thấy rõ cột; chụp lại toàn cảnh. / '
                       || 'The after-photo does not show the whole mast; take it again.']
            ELSE '{}' END, true
  FROM unnest($3::bigint[], $4::int[], $5::int[], $6::text[], $7::text[], $8::numeric[], $9::text[], $10::numeric[],
              $11::text[], $12::text[], $13::numeric[], $14::date[], $16::timestamptz[])
       WITH ORDINALITY AS t(station, carrier, phase, kind, from_class, from_height, to_class, to_height, design, status,
                            measured, completed, verified_at, n)
  JOIN conversion_phases ph ON ph.id = t.phase`

/** A verified item has changed its station. $1 programme ids. */
export const APPLY_VERIFIED_CONVERSIONS = `
UPDATE stations s
   SET mast_class = i.to_class, camouflage_kind = i.to_design, mast_height_m = i.measured_height_m,
       version = s.version + 1, updated_at = i.verified_at
  FROM conversion_items i
 WHERE i.station_id = s.id AND i.programme_id = ANY ($1::int[]) AND i.status = 'verified'`

/** And left a history row on it. $1 programme ids. */
export const HISTORY_OF_VERIFIED_CONVERSIONS = `
INSERT INTO station_history (station_id, version, action, state, actor_name, note, snapshot, at)
SELECT s.id, s.version, 'conversion_verified', s.state, 'inspector',
       'demo: ' || i.from_class || ' ' || i.from_height_m || ' m → ' || s.mast_class || ' ' || s.mast_height_m || ' m',
       to_jsonb(s) - 'geom' || jsonb_build_object('lon', ST_X(s.geom), 'lat', ST_Y(s.geom)), i.verified_at
  FROM conversion_items i JOIN stations s ON s.id = i.station_id
 WHERE i.programme_id = ANY ($1::int[]) AND i.status = 'verified'`
