// SQL of the cable summary (server/cables/summary.ts). Parameters of every statement: $1 province, $2 from
// (NULL = since the beginning), $3 to, $4 carrier id (NULL = all); the trend has its own.
//
// Two ways to the same figures:
// - from the aggregate `cable_summary_days` (migration 070, kept current by triggers in the same transaction as
//   each write): the totals, the table without grouping, the table by carrier when no carrier scope applies, and
//   the trend. Their cost follows the number of days and kinds, not the number of routes. The poles of a period
//   that has a start (a quarter, a year) are counted on the routes completed in that period (report index).
// - by scanning the routes (`tableSql`): the table by district (its groups are the boundary version in force at
//   the period's end, any version, and the part outside every district is per route) and the table by carrier
//   seen by a carrier (its groups are the other carriers of the routes it shares). Those are the rarely read
//   groupings; the page's first view and every figure of the sentence come from the aggregate.

/** The routes and their state at the period's end; shared by the scans. */
const ROUTES_IN_PERIOD = `
  WITH r AS (
    SELECT id, kind, length_m, carrier_ids,
           completed_on IS NOT NULL AND completed_on <= $3::date
             AND ($2::date IS NULL OR completed_on >= $2::date) AS done,
           started_on IS NOT NULL AND started_on <= $3::date
             AND (completed_on IS NULL OR completed_on > $3::date) AS building,
           coalesce((SELECT v.verified FROM cable_route_verifications v WHERE v.route_id = cable_routes.id), false)
             AS verified
      FROM cable_routes
     WHERE province_code = $1 AND ($4::int IS NULL OR $4::int = ANY (carrier_ids))
  )`

/**
 * The officers' figures scanning every route: the independent reference the aggregate is checked against (tests,
 * bench baseline of the scan). A route is done in the period when its completion date falls in it; it is under
 * construction at the period's end when it had started and was not yet complete.
 */
export const SUMMARY_SCAN = `${ROUTES_IN_PERIOD}
  SELECT count(*) FILTER (WHERE kind = 'underground' AND done) AS "undergroundRoutes",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'underground' AND done), 0) AS "undergroundM",
         count(*) FILTER (WHERE kind = 'underground' AND building) AS "undergroundBuilding",
         count(*) FILTER (WHERE kind = 'underground' AND done AND verified) AS "undergroundVerified",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'underground' AND done AND verified), 0)
           AS "undergroundVerifiedM",
         count(*) FILTER (WHERE kind = 'tidying' AND done) AS "tidyingRoutes",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'tidying' AND done), 0) AS "tidyingM",
         count(*) FILTER (WHERE kind = 'tidying' AND done AND verified) AS "tidyingVerified",
         COALESCE(sum(length_m) FILTER (WHERE kind = 'tidying' AND done AND verified), 0) AS "tidyingVerifiedM",
         (SELECT count(DISTINCT rp.pole_id)
            FROM route_poles rp JOIN r t ON t.id = rp.route_id
           WHERE t.kind = 'tidying' AND t.done) AS "tidyingPoles"
    FROM r`

/**
 * Districts are those in force at the period's end ($3), so a period keeps its figures when boundaries change
 * later; a period ending before the first loaded vintage ($1's earliest districts) is read on that vintage.
 */
const unitsDateOf = (date: string) => `greatest(${date}, (SELECT min(valid_from) FROM admin_units
                                         WHERE level = 'district' AND province_code = $1))`
const UNITS_DATE = unitsDateOf('$3::date')
/** True when no district version of $1 starts or ends between the period's units and today: stored codes hold. */
const sameUnitsAsToday = (unitsDate: string) => `NOT EXISTS (SELECT 1 FROM admin_units
  WHERE level = 'district' AND province_code = $1
  AND ((valid_from > ${unitsDate} AND valid_from <= current_date)
       OR (valid_to > ${unitsDate} AND valid_to <= current_date)))`

/**
 * Grouping by the districts in force on `unitsDate` (SQL); `activeOnly` keeps the routes done or under construction
 * in the period (a district without any then has no row).
 */
function districtGroup(unitsDate: string, activeOnly = false) {
  const routes = activeOnly ? '(SELECT * FROM r WHERE r.done OR r.building) r' : 'r'
  return {
    from: `${routes} JOIN route_district_split(${unitsDate}) dl ON dl.route_id = r.id`,
    key: `COALESCE(dl.district_code, '-')`,
    length: 'dl.length_m',
    poleKey: `COALESCE(CASE WHEN ${sameUnitsAsToday(unitsDate)} THEN p.district_code
                            ELSE district_at(p.province_code, p.geom, ${unitsDate}) END, '-')`,
    poleJoin: 'JOIN poles p ON p.id = rp.pole_id',
    // The name of a district code: the unit in force on the date the groups are read on.
    name: `district_name(l.grp, ${unitsDate})`,
    additive: { routes: false, lengths: true, poles: true },
  } as const
}

/**
 * The group each row of a table falls in, as SQL over `r` (routes) with its length column, and its name over
 * `l.grp`. `additive` says which columns add up over the groups of one kind: a route crossing two districts
 * counts in both (its length is split), and a route shared by two carriers counts, whole, for each.
 */
export const GROUPS = {
  none: {
    from: 'r',
    key: 'NULL::text',
    length: 'r.length_m',
    poleKey: 'NULL::text',
    poleJoin: '',
    name: 'NULL::text',
    additive: { routes: true, lengths: true, poles: true },
  },
  district: districtGroup(UNITS_DATE),
  carrier: {
    from: `r CROSS JOIN LATERAL unnest(r.carrier_ids) AS rc(carrier_id)
             JOIN carriers c ON c.id = rc.carrier_id`,
    key: 'c.short_name',
    length: 'r.length_m',
    poleKey: 'c.short_name',
    poleJoin: '',
    name: '(SELECT n.name FROM carriers n WHERE n.short_name = l.grp)',
    additive: { routes: false, lengths: false, poles: false },
  },
} as const

/** The table behind the sentence scanning every route: one row per group (district, carrier or none) and kind. */
export function tableSql(groupBy: keyof typeof GROUPS, g: Group = GROUPS[groupBy]): string {
  return `${ROUTES_IN_PERIOD}, lengths AS (
    SELECT ${g.key} AS grp, r.kind,
           count(DISTINCT r.id) FILTER (WHERE r.done) AS "completedRoutes",
           COALESCE(sum(${g.length}) FILTER (WHERE r.done), 0) AS "completedM",
           count(DISTINCT r.id) FILTER (WHERE r.building) AS "buildingRoutes",
           COALESCE(sum(${g.length}) FILTER (WHERE r.building), 0) AS "buildingM",
           count(DISTINCT r.id) FILTER (WHERE r.done AND r.verified) AS "verifiedRoutes",
           COALESCE(sum(${g.length}) FILTER (WHERE r.done AND r.verified), 0) AS "verifiedM"
      FROM ${g.from}
     GROUP BY 1, 2
  ), poles AS (
    SELECT ${g.poleKey} AS grp, r.kind, count(DISTINCT rp.pole_id) AS "completedPoles"
      FROM ${g.from} JOIN route_poles rp ON rp.route_id = r.id ${g.poleJoin}
     WHERE r.done
     GROUP BY 1, 2
  )
  SELECT l.grp AS "group", ${g.name} AS "groupName", l.kind, l."completedRoutes", l."completedM",
         l."buildingRoutes", l."buildingM", COALESCE(p."completedPoles", 0) AS "completedPoles",
         l."verifiedRoutes", l."verifiedM"
    FROM lengths l LEFT JOIN poles p ON p.grp IS NOT DISTINCT FROM l.grp AND p.kind = l.kind
   ORDER BY l.grp NULLS FIRST, l.kind`
}

type Group = (typeof GROUPS)[keyof typeof GROUPS]

/**
 * The table by district from the lengths stored per district version (route_district_lengths, migration 030)
 * rather than through route_district_split: the districts in force on `unitsDate` are read once, each route of the
 * scope finds its pieces by its key, the part outside every district is what its pieces leave of its length, and
 * the poles are counted by their own district (from cable_pole_district_days when the period starts at the
 * beginning), without the route's pieces in between. Same rows as
 * `tableSql('district', districtGroup(unitsDate, activeOnly))` (the scan stays as the reference the tests compare
 * with); `activeOnly` keeps the routes done or under construction in the period.
 */
export function districtTableSql(unitsDate: string, activeOnly = false): string {
  const active = activeOnly ? 'WHERE r.done OR r.building' : ''
  // Poles by district from the aggregate (migration 111) for a period from the beginning read on today's units
  // (the districts the poles store); else the scan of the route poles, which a period's start keeps small.
  const fromDays = `($2::date IS NULL AND ${sameUnitsAsToday(unitsDate)})`
  return `${ROUTES_IN_PERIOD}, units AS (
    SELECT u.id, u.code FROM units_in_force(${unitsDate}) u WHERE u.level = 'district' AND u.province_code = $1
  ), routes AS (
    SELECT * FROM r ${active}
  ), split AS (
    -- each route's pieces by district and what they leave of its length outside every district, found by the
    -- route's key (index) with the route's own columns carried along: no CTE is joined back to another, so the
    -- plan stays linear even where the planner has no statistics (PGlite runs no autovacuum)
    SELECT r.id AS route_id, r.kind, r.done, r.building, r.verified, x.grp, x.length_m
      FROM routes r
     CROSS JOIN LATERAL (
       SELECT u.code AS grp, l.length_m
         FROM route_district_lengths l JOIN units u ON u.id = l.unit_id
        WHERE l.route_id = r.id
       UNION ALL
       SELECT '-', r.length_m - coalesce((SELECT sum(l.length_m)
                                            FROM route_district_lengths l JOIN units u ON u.id = l.unit_id
                                           WHERE l.route_id = r.id), 0)
     ) x
     WHERE x.grp <> '-' OR x.length_m >= 0.01
  ), lengths AS (
    SELECT s.grp, s.kind,
           count(DISTINCT s.route_id) FILTER (WHERE s.done) AS "completedRoutes",
           COALESCE(sum(s.length_m) FILTER (WHERE s.done), 0) AS "completedM",
           count(DISTINCT s.route_id) FILTER (WHERE s.building) AS "buildingRoutes",
           COALESCE(sum(s.length_m) FILTER (WHERE s.building), 0) AS "buildingM",
           count(DISTINCT s.route_id) FILTER (WHERE s.done AND s.verified) AS "verifiedRoutes",
           COALESCE(sum(s.length_m) FILTER (WHERE s.done AND s.verified), 0) AS "verifiedM"
      FROM split s
     GROUP BY 1, 2
  ), poles AS (
    SELECT d.district_code AS grp, d.kind, sum(d.poles) AS "completedPoles"
      FROM cable_pole_district_days d
     WHERE ${fromDays} AND d.province_code = $1 AND d.carrier_id = coalesce($4::int, 0) AND d.day <= $3::date
     GROUP BY 1, 2
    HAVING sum(d.poles) <> 0
    UNION ALL
    SELECT ${districtGroup(unitsDate).poleKey} AS grp, r.kind, count(DISTINCT rp.pole_id) AS "completedPoles"
      FROM routes r JOIN route_poles rp ON rp.route_id = r.id JOIN poles p ON p.id = rp.pole_id
     WHERE r.done AND NOT (${fromDays})
     GROUP BY 1, 2
  )
  SELECT l.grp AS "group", district_name(l.grp, ${unitsDate}) AS "groupName", l.kind, l."completedRoutes",
         l."completedM", l."buildingRoutes", l."buildingM", COALESCE(p."completedPoles", 0) AS "completedPoles",
         l."verifiedRoutes", l."verifiedM"
    FROM lengths l LEFT JOIN poles p ON p.grp IS NOT DISTINCT FROM l.grp AND p.kind = l.kind
   ORDER BY l.grp NULLS FIRST, l.kind`
}

/** The table by district on the units in force at the period's end (the summary page's grouping by district). */
export const TABLE_DISTRICT = districtTableSql(UNITS_DATE)

/**
 * The table by district on the units in force on $5 (any boundary version, e.g. the report's "units on" date)
 * rather than at the period's end, over the routes done or under construction; parameters $1–$4 as above.
 */
export const DISTRICT_TABLE_ON = districtTableSql('$5::date', true)

/** DISTRICT_TABLE_ON by scanning through route_district_split: the reference the tests compare it with. */
export const DISTRICT_TABLE_ON_SCAN = tableSql('district', districtGroup('$5::date', true))

/** Sums of the aggregate's days for a period ending $3 (from $2), per carrier scope and kind. */
const DAY_SUMS = `
    SELECT carrier_id, kind, sum(routes) AS routes,
           sum(completed_routes) FILTER (WHERE day <= $3::date AND day >= coalesce($2::date, '-infinity'))
             AS completed_routes,
           sum(completed_m) FILTER (WHERE day <= $3::date AND day >= coalesce($2::date, '-infinity'))
             AS completed_m,
           sum(building_routes) FILTER (WHERE day <= $3::date) AS building_routes,
           sum(building_m) FILTER (WHERE day <= $3::date) AS building_m,
           sum(first_done_poles) FILTER (WHERE day <= $3::date) AS first_done_poles,
           sum(verified_routes) FILTER (WHERE day <= $3::date AND day >= coalesce($2::date, '-infinity'))
             AS verified_routes,
           sum(verified_m) FILTER (WHERE day <= $3::date AND day >= coalesce($2::date, '-infinity'))
             AS verified_m
      FROM cable_summary_days`

/** The distinct poles of the routes of kind a.kind (carrier scope a.carrier_id) completed in [$2, $3]. */
const PERIOD_POLES = `(SELECT count(DISTINCT rp.pole_id)
       FROM cable_routes r JOIN route_poles rp ON rp.route_id = r.id
      WHERE r.province_code = $1 AND r.kind = a.kind AND r.completed_on BETWEEN $2::date AND $3::date
        AND (a.carrier_id = 0 OR a.carrier_id = ANY (r.carrier_ids)))`

const DAY_COLUMNS = `a.kind,
         coalesce(a.completed_routes, 0) AS "completedRoutes",
         coalesce(a.completed_m, 0)::float8 AS "completedM",
         coalesce(a.building_routes, 0) AS "buildingRoutes",
         coalesce(a.building_m, 0)::float8 AS "buildingM",
         CASE WHEN $2::date IS NULL THEN coalesce(a.first_done_poles, 0) ELSE ${PERIOD_POLES} END
           AS "completedPoles",
         coalesce(a.verified_routes, 0) AS "verifiedRoutes",
         coalesce(a.verified_m, 0)::float8 AS "verifiedM"`

/** The table without grouping, from the aggregate: one row per kind the scope has routes of. */
export const TABLE_NONE_DAYS = `
  WITH a AS (${DAY_SUMS}
     WHERE province_code = $1 AND carrier_id = coalesce($4::int, 0)
     GROUP BY 1, 2
  )
  SELECT NULL::text AS "group", NULL::text AS "groupName", ${DAY_COLUMNS}
    FROM a WHERE a.routes > 0
   ORDER BY a.kind`

/** The table by carrier for every carrier's routes ($4 must be NULL), from the aggregate. */
export const TABLE_CARRIER_DAYS = `
  WITH a AS (${DAY_SUMS}
     WHERE province_code = $1 AND carrier_id <> 0 AND $4::int IS NULL
     GROUP BY 1, 2
  )
  SELECT c.short_name AS "group", c.name AS "groupName", ${DAY_COLUMNS}
    FROM a JOIN carriers c ON c.id = a.carrier_id
   WHERE a.routes > 0
   ORDER BY c.short_name, a.kind`

/** The cumulative totals at each date of $3 (the trend chart's year ends): $1 province, $2 carrier id (NULL = all). */
export const TREND_DAYS = `
  SELECT e.until::text AS until,
         coalesce(sum(d.completed_routes) FILTER (WHERE d.kind = 'underground'), 0) AS "undergroundRoutes",
         coalesce(sum(d.completed_m) FILTER (WHERE d.kind = 'underground'), 0)::float8 AS "undergroundM",
         coalesce(sum(d.building_routes) FILTER (WHERE d.kind = 'underground'), 0) AS "undergroundBuilding",
         coalesce(sum(d.completed_routes) FILTER (WHERE d.kind = 'tidying'), 0) AS "tidyingRoutes",
         coalesce(sum(d.completed_m) FILTER (WHERE d.kind = 'tidying'), 0)::float8 AS "tidyingM",
         coalesce(sum(d.first_done_poles) FILTER (WHERE d.kind = 'tidying'), 0) AS "tidyingPoles",
         coalesce(sum(d.verified_routes) FILTER (WHERE d.kind = 'underground'), 0) AS "undergroundVerified",
         coalesce(sum(d.verified_m) FILTER (WHERE d.kind = 'underground'), 0)::float8 AS "undergroundVerifiedM",
         coalesce(sum(d.verified_routes) FILTER (WHERE d.kind = 'tidying'), 0) AS "tidyingVerified",
         coalesce(sum(d.verified_m) FILTER (WHERE d.kind = 'tidying'), 0)::float8 AS "tidyingVerifiedM"
    FROM unnest($3::date[]) AS e(until)
    LEFT JOIN cable_summary_days d
      ON d.province_code = $1 AND d.carrier_id = coalesce($2::int, 0) AND d.day <= e.until
   GROUP BY e.until
   ORDER BY e.until`
