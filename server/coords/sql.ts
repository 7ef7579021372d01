// All coordinate SQL in one place. Values are bind parameters; SRIDs come from vn2000_zones or the
// fixed constants in `plausibility.ts`, and are bound too.

const ZONE_COLUMNS = `province_code AS "provinceCode", province_name AS "provinceName",
  central_meridian::float8 AS "centralMeridian", srid, epsg`

export const LIST_ZONES = `SELECT ${ZONE_COLUMNS} FROM vn2000_zones ORDER BY province_code`

// $1: province code.
export const FIND_ZONE = `SELECT ${ZONE_COLUMNS} FROM vn2000_zones WHERE province_code = $1`

// $1, $2: the first and second numbers of every point; $3: their SRID; $4: the target SRID;
// $5–$8: the box (first min/max, second min/max) outside which a reading is not even attempted,
// so PROJ is never handed a value it cannot place.
// For each point, both readings are placed in WGS84 (as given: first = x; swapped: first = y) so the
// caller can tell a swapped pair from a wrong one, and the reading as given is transformed to the
// target directly (not through WGS84, which would apply the datum shift twice).
export const TRANSFORM_POINTS = `
WITH input AS (
  SELECT n, a, b FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS t(a, b, n)
), readings AS (
  SELECT n,
         CASE WHEN a BETWEEN $5 AND $6 AND b BETWEEN $7 AND $8
              THEN ST_SetSRID(ST_MakePoint(a, b), $3::int) END AS given,
         CASE WHEN b BETWEEN $5 AND $6 AND a BETWEEN $7 AND $8
              THEN ST_SetSRID(ST_MakePoint(b, a), $3::int) END AS swapped
  FROM input
), placed AS (
  SELECT n, ST_Transform(given, 4326) AS given_wgs84, ST_Transform(swapped, 4326) AS swapped_wgs84,
         ST_Transform(given, $4::int) AS target
  FROM readings
)
SELECT n::int AS n,
       ST_X(given_wgs84) AS "givenLon", ST_Y(given_wgs84) AS "givenLat",
       ST_X(swapped_wgs84) AS "swappedLon", ST_Y(swapped_wgs84) AS "swappedLat",
       ST_X(target) AS x, ST_Y(target) AS y
FROM placed
ORDER BY n`

// $1: province code. The zone with its PROJ definition as PostGIS applies it (migration 002), and the pinned
// TOWGS84 parameters read from that same definition, so an export's CRS cannot drift from the stored one.
export const ZONE_CRS = `SELECT z.*, s.proj4text AS proj,
  string_to_array(substring(s.proj4text from '\\+towgs84=([-0-9.,]+)'), ',')::float8[] AS towgs84
  FROM (${FIND_ZONE}) z JOIN spatial_ref_sys s ON s.srid = z.srid`

// $1 province code, $2 lon, $3 lat (WGS84). Whether the province's boundary in force is known here, and whether the
// point lies in it or within 0,01° (~1 km) of it; the point is built from the parameters, so the GiST index serves.
export const IN_PROVINCE = `
SELECT EXISTS (SELECT 1 FROM admin_units WHERE level = 'province' AND code = $1 AND valid_to IS NULL) AS known,
       EXISTS (SELECT 1 FROM admin_units WHERE level = 'province' AND code = $1 AND valid_to IS NULL
                 AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326), 0.01)) AS inside`
