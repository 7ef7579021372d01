// SQL of a version's appraisal report (server/plans/appraisal-report.ts): counts by district, class and year, and
// the map figure's outlines and features. Districts are today's units (migration 030's district_at); a route
// counts in the district of a point on it.

/** $1 version id, $2 province: planned sites by district, mast class and year. */
export const SITE_COUNTS = `
SELECT d.code AS "districtCode", district_name(d.code, current_date) AS "districtName", s.mast_class AS "mastClass",
       s.year, count(*)::int AS n
  FROM planned_sites s CROSS JOIN LATERAL (SELECT district_at($2::text, s.geom, current_date) AS code) d
 WHERE s.version_id = $1
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 3, 4`

/** $1 version id, $2 province: planned routes by district, kind and year, with their counted length (m). */
export const ROUTE_COUNTS = `
SELECT d.code AS "districtCode", district_name(d.code, current_date) AS "districtName", r.kind, r.year,
       count(*)::int AS n,
       sum(CASE WHEN r.length_source = 'declared' THEN r.declared_length_m ELSE r.length_m END)::float8 AS "lengthM"
  FROM planned_routes r
  CROSS JOIN LATERAL (SELECT district_at($2::text, ST_PointOnSurface(r.geom), current_date) AS code) d
 WHERE r.version_id = $1
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 3, 4`

/** $1 province, $2 simplification tolerance (degrees): today's district outlines as GeoJSON. */
export const DISTRICT_OUTLINES = `
SELECT ST_AsGeoJSON(ST_Boundary(ST_SimplifyPreserveTopology(u.geom, $2)), 5)::json AS geometry
  FROM units_in_force(current_date) u
 WHERE u.level = 'district' AND u.province_code = $1
 ORDER BY u.code`

/** $1 version id, $2 simplification tolerance (degrees): the version's features for the figure. */
export const FIGURE_FEATURES = `
SELECT 'site' AS kind, feature_index AS index, ST_AsGeoJSON(geom, 6)::json AS geometry
  FROM planned_sites WHERE version_id = $1
UNION ALL
SELECT 'route', feature_index, ST_AsGeoJSON(ST_Simplify(geom, $2), 6)::json
  FROM planned_routes WHERE version_id = $1
UNION ALL
SELECT 'area', feature_index, ST_AsGeoJSON(ST_Boundary(ST_SimplifyPreserveTopology(geom, $2)), 6)::json
  FROM planned_areas WHERE version_id = $1`
