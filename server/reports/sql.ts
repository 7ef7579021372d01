// SQL of the report section (server/reports/service.ts). Every part's facts take the same four parameters:
// $1 province code, $2 the period's first day, $3 its last day, $4 the date whose units the districts are read on.
// A part's facts are one row per record with its flags (one per figure); the figures count the flags and the
// records behind a figure list the rows whose flag is true, so every link shows exactly what its figure counts.

const DAY = (ts: string) => `(${ts} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`
/** The first instant after the period's last day, in Vietnam. */
const AFTER_END = `(($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`

/** True when the units in force on $4 are those in force today: the stored district codes then hold. */
const SAME_UNITS = `NOT EXISTS (SELECT 1 FROM admin_units
  WHERE level = 'district' AND province_code = $1
    AND ((valid_from > $4::date AND valid_from <= current_date) OR (valid_to > $4::date AND valid_to <= current_date)))`

/** The district of a stored row (`t`, with district_code, province_code and geom) among the units in force on $4. */
const DISTRICT_OF = (t: string) =>
  `coalesce(CASE WHEN ${SAME_UNITS} THEN ${t}.district_code
                 ELSE district_at(${t}.province_code, ${t}.geom, $4::date) END,
            '-')`

/**
 * Stations standing: built, in service or since decommissioned, counted from the date of their licence decision
 * until the day they were decommissioned; temporary stations (events, mobile trucks) are not counted.
 */
export const STATION_FACTS = `
  SELECT s.id, s.site_code || coalesce(' — ' || coalesce(s.name, s.address), '') AS label,
         '/api/stations/' || s.id AS url,
         ARRAY[c.short_name] AS carriers, ARRAY[${DISTRICT_OF('s')}] AS districts, NULL::int AS programme,
         s.decision_date < $2::date AND (d.until IS NULL OR d.until >= $2::date) AS "atStart",
         d.until IS NULL OR d.until > $3::date AS "atEnd",
         s.decision_date >= $2::date AS "added",
         coalesce(d.until BETWEEN $2::date AND $3::date, false) AS "removed"
    FROM stations s
    JOIN carriers c ON c.id = s.carrier_id
   CROSS JOIN LATERAL (SELECT CASE WHEN s.state = 'decommissioned' THEN ${DAY('s.state_since')} END AS until) d
   WHERE s.province_code = $1 AND s.state IN ('built', 'in_service', 'decommissioned') AND NOT s.temporary
     AND s.decision_date <= $3::date AND (d.until IS NULL OR d.until >= $2::date)`

/** Stations by carrier and district: at the start and end of the period, added and removed in it. */
export const STATION_COUNTS = `
  SELECT f.carriers[1] AS carrier, f.districts[1] AS district,
         count(*) FILTER (WHERE f."atStart") AS "atStart", count(*) FILTER (WHERE f."atEnd") AS "atEnd",
         count(*) FILTER (WHERE f."added") AS added, count(*) FILTER (WHERE f."removed") AS removed
    FROM (${STATION_FACTS}) f
   GROUP BY 1, 2
   ORDER BY 1, 2`

/**
 * Site applications through the workflow: each submission received, approval and rejection taken in the period
 * (station history), with the days from the submission a decision answered.
 */
export const APPLICATION_FACTS = `
  SELECT h.id, s.site_code || ' — ' || to_char(${DAY('h.at')}, 'DD/MM/YYYY') AS label,
         '/api/stations/' || s.id AS url,
         ARRAY[c.short_name] AS carriers, ARRAY[${DISTRICT_OF('s')}] AS districts, NULL::int AS programme,
         h.action = 'submit' AS received, h.action = 'approve' AS approved, h.action = 'reject' AS rejected,
         h.action <> 'submit' AS decided,
         CASE WHEN h.action <> 'submit' THEN ${DAY('h.at')} - (
           SELECT ${DAY('max(p.at)')} FROM station_history p
            WHERE p.station_id = h.station_id AND p.action = 'submit' AND p.at <= h.at) END AS days
    FROM station_history h
    JOIN stations s ON s.id = h.station_id
    JOIN carriers c ON c.id = s.carrier_id
   WHERE s.province_code = $1 AND h.action IN ('submit', 'approve', 'reject')
     AND h.at >= ($2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND h.at < ${AFTER_END}`

/** The application figures: received, approved, rejected, and the median days to a decision. */
export const APPLICATION_COUNTS = `
  SELECT count(*) FILTER (WHERE f.received) AS received, count(*) FILTER (WHERE f.approved) AS approved,
         count(*) FILTER (WHERE f.rejected) AS rejected,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY f.days) FILTER (WHERE f.decided))::float8 AS "medianDays"
    FROM (${APPLICATION_FACTS}) f`

/** Conversion items verified by the period's end, with their programme, kind and the station's district. */
export const CONVERSION_FACTS = `
  SELECT i.id, st.site_code || ' — ' || p.name AS label, '/api/conversions/items/' || i.id AS url,
         ARRAY[c.short_name] AS carriers, ARRAY[${DISTRICT_OF('st')}] AS districts, i.programme_id AS programme,
         true AS "doneToDate", ${DAY('i.verified_at')} >= $2::date AS "done",
         ${DAY('i.verified_at')} >= $2::date AND i.kind = 'lower' AS "lowered",
         ${DAY('i.verified_at')} >= $2::date AND i.kind = 'camouflage' AS "camouflaged",
         ${DAY('i.verified_at')} >= $2::date AND i.kind = 'share' AS "shared",
         i.kind, i.from_height_m AS "fromHeightM", i.to_height_m AS "toHeightM"
    FROM conversion_items i
    JOIN conversion_programmes p ON p.id = i.programme_id
    JOIN stations st ON st.id = i.station_id
    JOIN carriers c ON c.id = i.carrier_id
   WHERE p.province_code = $1 AND i.status = 'verified' AND i.verified_at < ${AFTER_END}`

/** Conversions per programme and district: done in the period by kind, and done to date. */
export const CONVERSION_COUNTS = `
  SELECT f.programme, f.districts[1] AS district,
         count(*) FILTER (WHERE f.done) AS done, count(*) AS "doneToDate",
         count(*) FILTER (WHERE f.lowered) AS lowered, count(*) FILTER (WHERE f.camouflaged) AS camouflaged,
         count(*) FILTER (WHERE f.shared) AS shared
    FROM (${CONVERSION_FACTS}) f
   GROUP BY 1, 2
   ORDER BY 1, 2`

/** Masts lowered in the period by from and to height ("từ 18 mét xuống còn 12 mét tại 02 vị trí"). */
export const LOWERED_HEIGHTS = `
  SELECT f.programme, f."fromHeightM"::float8 AS "fromM", f."toHeightM"::float8 AS "toM", count(*) AS n
    FROM (${CONVERSION_FACTS}) f
   WHERE f.lowered
   GROUP BY 1, 2, 3
   ORDER BY 1, n DESC, 2, 3`

/**
 * The programmes of $1 started by $2 (the period's end) with items, their phases, and verified items per
 * Vietnamese day up to that end (the forecast's history).
 */
export const PROGRAMMES = `
  SELECT p.id, p.name, p.decision_no AS "decisionNo", p.starts_on::text AS "startsOn",
         (SELECT json_agg(json_build_object('seq', ph.seq, 'name', ph.name, 'deadline', ph.deadline::text,
                                            'target', ph.cumulative_target) ORDER BY ph.seq)
            FROM conversion_phases ph WHERE ph.programme_id = p.id) AS phases,
         (SELECT count(*) FROM conversion_items i WHERE i.programme_id = p.id) AS items,
         (SELECT coalesce(json_agg(json_build_object('date', d.day::text, 'count', d.n) ORDER BY d.day), '[]')
            FROM (SELECT ${DAY('i.verified_at')} AS day, count(*) AS n FROM conversion_items i
                   WHERE i.programme_id = p.id AND i.status = 'verified'
                     AND i.verified_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                   GROUP BY 1) d) AS history
    FROM conversion_programmes p
   WHERE p.province_code = $1 AND p.starts_on <= $2::date
     AND EXISTS (SELECT 1 FROM conversion_items i WHERE i.programme_id = p.id)
   ORDER BY p.starts_on, p.id`

/** Cable routes behind the cable summary's figures (the figures themselves come from server/cables/summary). */
export const CABLE_FACTS = `
  SELECT r.id, r.name AS label, '/api/cables/routes/' || r.id AS url,
         ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (r.carrier_ids) ORDER BY 1) AS carriers,
         ARRAY(SELECT coalesce(d.district_code, '-') FROM route_district_split($4::date) d WHERE d.route_id = r.id)
           AS districts,
         NULL::int AS programme,
         r.kind = 'underground' AND r.completed_on BETWEEN $2::date AND $3::date AS "undergroundDone",
         r.kind = 'underground' AND r.started_on <= $3::date AND (r.completed_on IS NULL OR r.completed_on > $3::date)
           AS "undergroundBuilding",
         r.kind = 'tidying' AND r.completed_on BETWEEN $2::date AND $3::date AS "tidyingDone"
    FROM cable_routes r
   WHERE r.province_code = $1`

/** Underground routes completed by the period's end with shared ducts: tubes, tubes rented, and who rents. */
export const DUCT_FACTS = `
  SELECT r.id, r.name AS label, '/api/cables/routes/' || r.id AS url,
         ARRAY(SELECT c.short_name FROM duct_allocations a JOIN carriers c ON c.id = a.carrier_id
                WHERE a.route_id = r.id AND a.from_date <= $3::date ORDER BY 1) AS carriers,
         ARRAY(SELECT coalesce(d.district_code, '-') FROM route_district_split($4::date) d WHERE d.route_id = r.id)
           AS districts,
         NULL::int AS programme,
         true AS "sharedRoutes",
         EXISTS (SELECT 1 FROM duct_allocations a WHERE a.route_id = r.id AND a.from_date BETWEEN $2::date AND $3::date)
           AS "rentedInPeriod",
         r.length_m AS "lengthM", dc.ducts * dc.tubes_per_duct AS tubes,
         (SELECT coalesce(sum(a.tubes), 0) FROM duct_allocations a WHERE a.route_id = r.id AND a.from_date <= $3::date)
           AS rented
    FROM duct_capacities dc
    JOIN cable_routes r ON r.id = dc.route_id
   WHERE r.province_code = $1 AND r.kind = 'underground' AND r.completed_on <= $3::date`

/** The shared-duct figures at the period's end. */
export const DUCT_COUNTS = `
  SELECT count(*) AS routes, coalesce(sum(f."lengthM"), 0)::float8 AS "lengthM",
         coalesce(sum(f.tubes), 0) AS tubes, coalesce(sum(f.rented), 0) AS rented,
         count(*) FILTER (WHERE f."rentedInPeriod") AS "rentedInPeriod",
         (SELECT count(DISTINCT c) FROM (${DUCT_FACTS}) g CROSS JOIN LATERAL unnest(g.carriers) c) AS carriers
    FROM (${DUCT_FACTS}) f`

/** The first instant of the period's first day, in Vietnam. */
const AT_START = `($2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`
/** True when the instant `ts` falls in the period (Vietnamese days); false, not null, when `ts` is null. */
const IN_PERIOD = (ts: string) => `coalesce(${ts} >= ${AT_START} AND ${ts} < ${AFTER_END}, false)`

/**
 * Plan versions the carriers submitted in the period, returned for revision in it (the return is in the audit log,
 * written with the state change; a returned version stays returned) and approved by a decision dated in it, with
 * the sites of the version and the kilometres of its routes as the plan counts them (declared or measured); its
 * districts are those of its sites on the units of $4.
 */
export const PLAN_FACTS = `
  SELECT v.id, c.name || ' — ' || p.title || ' (phiên bản ' || v.number || ')' AS label,
         '/api/plans/' || p.id || '/versions/' || v.number AS url,
         ARRAY[c.short_name] AS carriers,
         ARRAY(SELECT DISTINCT coalesce(district_at($1, ps.geom, $4::date), '-') FROM planned_sites ps
                WHERE ps.version_id = v.id ORDER BY 1) AS districts,
         NULL::int AS programme,
         ${IN_PERIOD('v.uploaded_at')} AS submitted,
         v.state = 'returned' AND ${IN_PERIOD('r.at')} AS returned,
         v.state = 'approved' AND v.decision_date BETWEEN $2::date AND $3::date AS approved,
         p.title, v.number, v.decision_number AS "decisionNumber", v.decision_date::text AS "decisionDate",
         v.site_count AS sites,
         (SELECT coalesce(sum(CASE WHEN pr.length_source = 'declared' THEN pr.declared_length_m ELSE pr.length_m END),
                          0)
            FROM planned_routes pr WHERE pr.version_id = v.id)::float8 AS "routeM"
    FROM plan_versions v
    JOIN plans p ON p.id = v.plan_id
    JOIN carriers c ON c.id = p.carrier_id
    LEFT JOIN LATERAL (
      SELECT max(a.at) AS at FROM audit_log a
       WHERE a.entity = 'plan_version' AND a.entity_id = v.id::text AND a.action = 'plan_version.return') r
      ON v.state = 'returned'
   WHERE p.province_code = $1 AND v.uploaded_at < ${AFTER_END}
     AND (v.uploaded_at >= ${AT_START} OR v.state = 'returned' OR v.decision_date >= $2::date)`

/** The plan figures by carrier: versions submitted, returned, approved; sites and route metres approved. */
export const PLAN_COUNTS = `
  SELECT f.carriers[1] AS carrier, count(*) FILTER (WHERE f.submitted) AS submitted,
         count(*) FILTER (WHERE f.returned) AS returned, count(*) FILTER (WHERE f.approved) AS approved,
         coalesce(sum(f.sites) FILTER (WHERE f.approved), 0) AS sites,
         coalesce(sum(f."routeM") FILTER (WHERE f.approved), 0)::float8 AS "routeM"
    FROM (${PLAN_FACTS}) f
   GROUP BY 1
   ORDER BY 1`

/** The versions approved in the period with their decisions, by decision date. */
export const PLAN_DECISIONS = `
  SELECT f.id, f.carriers[1] AS carrier, f.title, f.number, f."decisionNumber", f."decisionDate", f.sites,
         f."routeM"
    FROM (${PLAN_FACTS}) f
   WHERE f.approved
   ORDER BY f."decisionDate", f.id`

/** The flags of the inspection facts, each counted by INSPECTION_COUNTS. */
export const INSPECTION_FLAGS = [
  'inspected',
  'violation',
  'heightOver',
  'classMismatch',
  'positionOff',
  'checklistFailed',
  'otherRule',
  'followUpOpened',
  'followUpResolved',
  'followUpOverdue',
] as const
const INSPECTION_SUMS = INSPECTION_FLAGS.map((k) => `count(*) FILTER (WHERE f."${k}") AS "${k}"`).join(', ')

/** True when inspection `i` found a violation of this rule (server/inspections/compare.ts). */
const BROKE = (rule: string) => `(i.verdict = 'violation' AND i.violations @> '[{"rule": "${rule}"}]')`
const NAMED_RULES = ['height_over', 'class_mismatch', 'position_off', 'checklist_item']

/**
 * The rows of `x` (INSPECTION_FACTS) whose asset is of `kinds`, joined to it as `a` in `table`: the label is the
 * asset's kind in words and its `name` between the row's prefix and suffix. One branch per kind of asset keeps the
 * planner's estimate to the rows of that kind (a route's districts, route_district_split, cost nothing for the
 * stations), which keeps the statement under PostgreSQL's JIT threshold: compiling it took seconds.
 */
const INSPECTED = (kinds: string, table: string, words: string, name: string, districts: string, join = '') => `
  SELECT x.id, x.prefix || ${words} || ' ' || coalesce(a.${name}, x.asset_id::text) || x.suffix AS label,
         x.url, x.carriers, ${districts} AS districts, NULL::int AS programme,
         ${INSPECTION_FLAGS.map((k) => `x."${k}"`).join(', ')}
    FROM x LEFT JOIN ${table} a ON a.id = x.asset_id ${join}
   WHERE x.asset_kind IN (${kinds})`

/**
 * Inspections recorded in the period, with the kinds of violation found (one row each), and the follow-ups of
 * violations (one row each, their own flags): opened in the period, resolved in it (closed by a re-check that found
 * the asset compliant: a re-check closes the follow-up whatever it finds, a new violation opening another), and
 * overdue at its
 * end (open — not answered, not closed — past the due date on the period's last day, as the follow-up list counts
 * "overdue" on the day it is read). A follow-up links to the inspection that found the violation. The districts are
 * the asset's on the units of $4: a station's or a pole's, or every district a cable route crosses.
 */
export const INSPECTION_FACTS = `
  WITH x AS (
    SELECT i.id, i.asset_kind, i.asset_id, '' AS prefix,
           ' — ' || to_char(${DAY('i.recorded_at')}, 'DD/MM/YYYY') AS suffix, '/api/inspections/' || i.id AS url,
           ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = i.carrier_id) AS carriers,
           true AS inspected, i.verdict = 'violation' AS violation,
           ${BROKE('height_over')} AS "heightOver", ${BROKE('class_mismatch')} AS "classMismatch",
           ${BROKE('position_off')} AS "positionOff", ${BROKE('checklist_item')} AS "checklistFailed",
           (i.verdict = 'violation' AND EXISTS (
              SELECT 1 FROM jsonb_array_elements(i.violations) v
               WHERE v->>'rule' NOT IN (${NAMED_RULES.map((r) => `'${r}'`).join(', ')}))) AS "otherRule",
           false AS "followUpOpened", false AS "followUpResolved", false AS "followUpOverdue"
      FROM inspections i
     WHERE i.province_code = $1 AND i.state = 'recorded'
       AND i.recorded_at >= ${AT_START} AND i.recorded_at < ${AFTER_END}
    UNION ALL
    SELECT f.id, i.asset_kind, i.asset_id, 'Khắc phục vi phạm: ' AS prefix,
           ' — hạn ' || to_char(f.due_on, 'DD/MM/YYYY') AS suffix, '/api/inspections/' || f.inspection_id AS url,
           ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = f.carrier_id) AS carriers,
           false, false, false, false, false, false, false,
           ${IN_PERIOD('f.created_at')} AS "followUpOpened",
           ${IN_PERIOD('f.closed_at')} AND r.verdict IS NOT DISTINCT FROM 'compliant' AS "followUpResolved",
           f.due_on < $3::date AND (f.answered_at IS NULL OR f.answered_at >= ${AFTER_END})
             AND (f.closed_at IS NULL OR f.closed_at >= ${AFTER_END}) AS "followUpOverdue"
      FROM inspection_follow_ups f
      JOIN inspections i ON i.id = f.inspection_id
      LEFT JOIN inspections r ON r.id = f.recheck_inspection_id
     WHERE f.province_code = $1 AND f.created_at < ${AFTER_END}
       AND (f.closed_at IS NULL OR f.closed_at >= ${AT_START}))
  ${INSPECTED(`'station'`, 'stations', `'Trạm BTS'`, 'site_code', `ARRAY[${DISTRICT_OF('a')}]`)}
  UNION ALL
  ${INSPECTED(`'pole'`, 'poles', `'Cột'`, 'code', `ARRAY[${DISTRICT_OF('a')}]`)}
  UNION ALL
  ${INSPECTED(
    `'cable_route', 'duct'`,
    'cable_routes',
    `CASE x.asset_kind WHEN 'duct' THEN 'Cống bể' ELSE 'Tuyến cáp' END`,
    'name',
    'rd.districts',
    // joined, not a column's subquery: a filter on the districts (the records of a district) is then costed on the
    // routes' rows only, not on every row of x
    `CROSS JOIN LATERAL (
       SELECT coalesce(array_agg(DISTINCT coalesce(d.district_code, '-') ORDER BY coalesce(d.district_code, '-')),
                       ARRAY['-']) AS districts
         FROM route_district_split($4::date) d WHERE d.route_id = x.asset_id) rd`,
  )}`

/**
 * The inspection figures: the totals (district NULL), then one row per district on the units of $4 (a route in two
 * districts counts in both, so the districts may add up to more than the total).
 */
export const INSPECTION_COUNTS = `
  WITH f AS (${INSPECTION_FACTS})
  SELECT NULL::text AS district, ${INSPECTION_SUMS} FROM f
  UNION ALL
  (SELECT d.district, ${INSPECTION_SUMS}
     FROM f CROSS JOIN LATERAL unnest(f.districts) d(district)
    GROUP BY 1
    ORDER BY 1)`

/**
 * Citizen reports (1022) received in the period and resolved in it: resolved within the SLA when resolved by the
 * deadline the ticket was given on receipt (tickets.due_at: its category's hours, table ticket_sla), with the hours
 * from receipt to resolution. A reopened ticket counts by its latest resolution.
 */
export const TICKET_FACTS = `
  SELECT t.id, t.number || ' — ' || left(t.description, 80) AS label, '/api/tickets/' || t.id AS url,
         ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = t.carrier_id) AS carriers,
         ARRAY[${DISTRICT_OF('t')}] AS districts, NULL::int AS programme, t.category AS kind,
         ${IN_PERIOD('t.created_at')} AS received,
         t.status = 'resolved' AND ${IN_PERIOD('t.resolved_at')} AS resolved,
         t.status = 'resolved' AND ${IN_PERIOD('t.resolved_at')} AND t.resolved_at <= t.due_at AS "withinSla",
         extract(epoch FROM t.resolved_at - t.created_at)::float8 / 3600 AS hours
    FROM tickets t
   WHERE t.province_code = $1
     AND (t.created_at >= ${AT_START} AND t.created_at < ${AFTER_END}
          OR t.resolved_at >= ${AT_START} AND t.resolved_at < ${AFTER_END})`

/** The citizen-report figures by category and district, with the median hours to resolve (of each group). */
export const TICKET_COUNTS = `
  SELECT f.kind AS category, f.districts[1] AS district, count(*) FILTER (WHERE f.received) AS received,
         count(*) FILTER (WHERE f.resolved) AS resolved, count(*) FILTER (WHERE f."withinSla") AS "withinSla"
    FROM (${TICKET_FACTS}) f
   GROUP BY 1, 2
   ORDER BY 1, 2`

/** The median hours from receipt to resolution of the reports resolved in the period. */
export const TICKET_MEDIAN = `
  SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY f.hours) FILTER (WHERE f.resolved))::float8 AS "medianHours"
    FROM (${TICKET_FACTS}) f`

/**
 * The records behind one figure: the facts of a part (built from the constants above; the flag is a column name
 * from the part's allow-list) filtered by $5 carrier, $6 district, $7 programme (each NULL = any), and, for a part
 * whose facts have a `kind` column to filter on (`byKind`), by $8 kind.
 */
export const recordsSql = (facts: string, flag: string, byKind = false) => `
  SELECT f.id, f.label, f.url, count(*) OVER () AS total
    FROM (${facts}) f
   WHERE f."${flag}" AND ($5::text IS NULL OR $5::text = ANY (f.carriers))
     AND ($6::text IS NULL OR $6::text = ANY (f.districts)) AND ($7::int IS NULL OR f.programme = $7::int)
     ${byKind ? 'AND ($8::text IS NULL OR f.kind = $8::text)' : ''}
   ORDER BY f.id, f.url
   LIMIT 1000`

/** The districts in force on $2 in province $1, with their names. */
export const DISTRICTS_ON = `
  SELECT code, name FROM units_in_force($2::date) WHERE level = 'district' AND province_code = $1 ORDER BY code`

/** The name of province $1: its unit in force on $2, else the name of its VN-2000 zone, else null. */
export const PROVINCE_NAME = `
  SELECT coalesce(
    (SELECT name FROM units_in_force($2::date) WHERE level = 'province' AND code = $1 LIMIT 1),
    (SELECT province_name FROM vn2000_zones WHERE province_code = $1)) AS name`

/** The carriers by short name. */
export const CARRIER_NAMES = `SELECT short_name AS "shortName", name FROM carriers ORDER BY short_name`

/**
 * The districts of province $1 in force on $2 for the DOCX's map figure: outlines simplified to about 20 m (a page
 * shows a city at roughly 1:150,000) as GeoJSON, and a point inside each for its label.
 */
export const DISTRICT_SHAPES = `
  SELECT u.code, u.name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(u.geom, 0.0002), 5)::json AS geometry,
         ARRAY[ST_X(ST_PointOnSurface(u.geom)), ST_Y(ST_PointOnSurface(u.geom))] AS label
    FROM units_in_force($2::date) u
   WHERE u.level = 'district' AND u.province_code = $1
   ORDER BY u.code`
