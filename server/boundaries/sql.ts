// All boundary SQL in one place. Values are bind parameters; the only varying text is the scope
// predicate, chosen from the fixed set in `scopeFilter`.

/** Serialises boundary imports so two of them cannot close the same versions at once. */
export const LOCK_IMPORTS = `SELECT pg_advisory_xact_lock(hashtext('boundary-import'))`

export const CREATE_STAGE = `
CREATE TEMP TABLE boundary_stage (
  idx int PRIMARY KEY, code text NOT NULL, name text NOT NULL, province_code text NOT NULL, parent_code text,
  raw geometry NOT NULL, geom geometry
) ON COMMIT DROP`

// $1: jsonb array of {index, code, name, provinceCode, parentCode, geometry}.
// Repair order: drop repeated vertices (zero-length segments that kink checkers count as
// self-intersections), make valid with the 'structure' method (overlapping parts are unioned rather
// than cut into holes, which is right for land areas), keep only polygons, make multi, and rewind to
// RFC 7946 (exterior rings counter-clockwise, holes clockwise).
export const FILL_STAGE = `
WITH input AS (
  SELECT (f ->> 'index')::int AS idx, f ->> 'code' AS code, f ->> 'name' AS name,
         f ->> 'provinceCode' AS province_code, f ->> 'parentCode' AS parent_code,
         ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(f -> 'geometry')), 4326) AS raw
  FROM jsonb_array_elements($1::jsonb) AS f
)
INSERT INTO boundary_stage (idx, code, name, province_code, parent_code, raw, geom)
SELECT idx, code, name, province_code, parent_code, raw,
       ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(
         ST_MakeValid(ST_RemoveRepeatedPoints(raw), 'method=structure'), 3)))
FROM input`

// Here "current" means the open version (valid_to NULL): what an import closes, whatever today's date; reads by
// date go through units_in_force (migration 030).
// $1: level, $2: tolerance in degrees. What each feature needed, whether its code is current in another
// province, and whether a district or ward lies away from its province's latest outline (null when none is stored).
export const ANALYSE_STAGE = `
SELECT s.idx AS index, s.code, s.name,
       ST_IsValidReason(s.raw) AS validity,
       ST_NPoints(s.raw) - ST_NPoints(ST_RemoveRepeatedPoints(s.raw)) AS "repeatedVertices",
       CASE WHEN ST_IsPolygonCCW(s.raw) THEN 'ccw' WHEN ST_IsPolygonCW(s.raw) THEN 'cw' ELSE 'mixed' END AS winding,
       ST_IsEmpty(s.geom) AS empty,
       ST_IsValid(s.geom) AS "validAfter",
       round(ST_Area(s.raw::geography)::numeric, 1) AS "areaBeforeM2",
       round(ST_Area(s.geom::geography)::numeric, 1) AS "areaAfterM2",
       (SELECT u.province_code FROM admin_units u
         WHERE u.level = $1 AND u.code = s.code AND u.valid_to IS NULL AND u.province_code <> s.province_code
         LIMIT 1) AS "currentInProvince",
       (SELECT NOT ST_DWithin(p.geom, s.geom, $2::float8) FROM admin_units p
         WHERE $1 <> 'province' AND p.level = 'province' AND p.code = s.province_code
         ORDER BY p.valid_from DESC LIMIT 1) AS "farFromProvince"
FROM boundary_stage s
ORDER BY s.idx`

/** Which existing units an import replaces: the file's provinces, every province, or one province's units. */
export type Scope = 'province-file' | 'national-file' | 'within-province'

/** The fixed WHERE text (alias `u`) and its leading parameters for an import's scope. */
export function scopeFilter(
  scope: Scope,
  level: string,
  provinceCode: string | undefined,
): { where: string; params: unknown[] } {
  switch (scope) {
    case 'province-file':
      return { where: 'u.level = $1 AND u.code IN (SELECT code FROM boundary_stage)', params: [level] }
    case 'national-file':
      return { where: 'u.level = $1', params: [level] }
    case 'within-province':
      return { where: 'u.level = $1 AND u.province_code = $2', params: [level, provinceCode] }
  }
}

/** Demo units, and province outlines derived from a district file: what a real file replaces. */
const REPLACEABLE_UNIT = `(u.is_demo OR u.source LIKE 'derived:%')`

/** Versions in scope that start on or after the new valid_from (parameter $n), replaceable ones marked. */
export const LATER_VERSIONS = (where: string, n: number) => `
SELECT u.id, u.code, u.name, u.valid_from AS "validFrom", coalesce(${REPLACEABLE_UNIT}, false) AS replaceable
  FROM admin_units u
WHERE ${where} AND u.valid_from >= $${n}::date
ORDER BY u.code, u.valid_from`

/** Removes unit versions $1 (bigint[]): demo or derived boundaries a real file replaces. */
export const DELETE_VERSIONS = `
DELETE FROM admin_units u WHERE u.id = ANY ($1::bigint[]) AND ${REPLACEABLE_UNIT}
RETURNING code, name, valid_from AS "validFrom"`

/** Current versions in scope. */
export const CURRENT_IN_SCOPE = (where: string) => `
SELECT u.code, u.name, u.valid_from AS "validFrom" FROM admin_units u
WHERE ${where} AND u.valid_to IS NULL
ORDER BY u.code`

/** Ends the current versions in scope on the new valid_from (parameter $n). */
export const CLOSE_CURRENT = (where: string, n: number) => `
UPDATE admin_units u SET valid_to = $${n}::date
WHERE ${where} AND u.valid_to IS NULL
RETURNING u.code, u.name, u.valid_from AS "validFrom"`

// $1 level, $2 valid_from, $3 source.
export const INSERT_VERSIONS = `
INSERT INTO admin_units (level, code, name, province_code, parent_code, geom, valid_from, source)
SELECT $1, code, name, province_code, parent_code, geom, $2::date, $3 FROM boundary_stage ORDER BY idx`

// The province outline of a district import, when the province has no real outline of its own open: demo and
// derived outlines are replaced by the union of the new districts. $1 province, $2 valid_from.
const REPLACEABLE = `level = 'province' AND code = $1 AND (is_demo OR source LIKE 'derived:%')`

/** Whether province $1 has a real (imported, not demo or derived) outline open. */
export const HAS_REAL_OUTLINE = `
SELECT EXISTS (SELECT 1 FROM admin_units WHERE level = 'province' AND code = $1 AND valid_to IS NULL
                AND NOT is_demo AND coalesce(source, '') NOT LIKE 'derived:%') AS real`

/** Removes replaceable outlines of $1 starting on or after $2. */
export const DELETE_LATER_OUTLINES = `DELETE FROM admin_units WHERE ${REPLACEABLE} AND valid_from >= $2::date`

/** Ends the open replaceable outline of $1 on $2. */
export const CLOSE_OUTLINE = `UPDATE admin_units SET valid_to = $2::date WHERE ${REPLACEABLE} AND valid_to IS NULL`

/** $1 province, $2 valid_from, $3 file name: the outline as the union of the staged districts. */
export const INSERT_DERIVED_OUTLINE = `
INSERT INTO admin_units (level, code, name, province_code, geom, valid_from, source)
SELECT 'province', $1, coalesce((SELECT province_name FROM vn2000_zones WHERE province_code = $1), $1), $1,
       ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_Union(geom), 3))), $2::date,
       'derived: union of the districts in ' || $3
  FROM boundary_stage`

// $1 file name, $2 level, $3 province code, $4 valid_from, $5 report.
export const RECORD_IMPORT = `
INSERT INTO boundary_imports (file_name, level, province_code, valid_from, report)
VALUES ($1, $2, $3, $4::date, $5::jsonb) RETURNING id`

// Read side: units_in_force(D) (migration 030) is the one definition of the units valid on a date.

// $1 level, $2 province code or null, $3 date, $4 tolerance (degrees), $5..$8 bbox or nulls.
// The envelope is built from the parameters so `geom &&` can use the GiST index.
export const UNITS_AS_FEATURE_COLLECTION = `
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(json_build_object(
    'type', 'Feature',
    'id', u.id,
    'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(u.geom, $4::float8)), 6)::json,
    'properties', json_build_object('code', u.code, 'name', u.name, 'level', u.level,
                                    'provinceCode', u.province_code, 'validFrom', u.valid_from,
                                    'validTo', u.valid_to, 'areaM2', round(u.area_m2::numeric, 1))
  ) ORDER BY u.code), '[]'::json)
)::text AS body
FROM units_in_force($3::date) u
WHERE u.level = $1
  AND ($2::text IS NULL OR u.province_code = $2)
  AND ($5::float8 IS NULL OR u.geom && ST_MakeEnvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326))`

// $1 level, $2 code.
export const UNIT_VERSIONS = `
SELECT u.id, u.code, u.name, u.level, u.province_code AS "provinceCode", u.parent_code AS "parentCode",
       u.valid_from AS "validFrom", u.valid_to AS "validTo", u.source,
       round((ST_Area(u.geom::geography) / 1e6)::numeric, 3) AS "areaKm2"
FROM admin_units u
WHERE u.level = $1 AND u.code = $2
ORDER BY u.valid_from`

// $1 lon, $2 lat, $3 date. One unit per level; a point on a shared border goes to the lower code.
export const LOCATE_POINT = `
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS pt)
SELECT DISTINCT ON (u.level) u.level, u.id, u.code, u.name, u.province_code AS "provinceCode",
       u.valid_from AS "validFrom", u.valid_to AS "validTo"
FROM units_in_force($3::date) u, p
WHERE u.geom && p.pt AND ST_Intersects(u.geom, p.pt)
ORDER BY u.level, u.code`

/** Every boundary vintage: one row per level, province and validity, with how many units and whether demo. */
export const VINTAGES = `
SELECT u.level, u.province_code AS "provinceCode", u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo",
       count(*) AS units, bool_or(u.is_demo) AS demo, min(u.source) AS source,
       u.valid_from <= current_date AND (u.valid_to IS NULL OR u.valid_to > current_date) AS "inForce"
  FROM admin_units u
 GROUP BY u.level, u.province_code, u.valid_from, u.valid_to
 ORDER BY u.level, u.province_code, u.valid_from`

/** The latest imports with what each moved. */
export const RECENT_IMPORTS = `
SELECT id, file_name AS "fileName", level, province_code AS "provinceCode", valid_from::text AS "validFrom",
       imported_at AS "importedAt",
       report -> 'moved' AS moved, jsonb_array_length(coalesce(report -> 'superseded', '[]')) AS superseded,
       (report ->> 'inserted')::int AS inserted
  FROM boundary_imports ORDER BY id DESC LIMIT 50`
