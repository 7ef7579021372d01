// Every statement of the planning domain: rule values and district classes, planning zones, events.
// Values are bind parameters. The rule check reads these tables in its own fact queries
// (server/stations/sql/facts.sql.ts), timed by the bench as one unit.

/** $1 province: the urban/rural class of each district. */
export const DISTRICT_AREA_KINDS = `
SELECT district_code AS "districtCode", area_kind AS "areaKind"
  FROM district_area_kinds WHERE province_code = $1 ORDER BY district_code`

/**
 * $1 province, $2–$8 the station rule values, $9 plan match distance, $10 shared-trench distance, $11 its
 * minimum length: replaces them and marks them reviewed.
 */
export const UPSERT_RULE_VALUES = `
INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m,
                           share_distance_rural_m, duplicate_distance_m, default_area_kind, a1_max_reach_m,
                           plan_match_m, trench_distance_m, trench_min_length_m, updated_at, reviewed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())
ON CONFLICT (province_code) DO UPDATE SET a1_max_ratio = $2, a1_max_height_m = $3, share_distance_urban_m = $4,
  share_distance_rural_m = $5, duplicate_distance_m = $6, default_area_kind = $7, a1_max_reach_m = $8,
  plan_match_m = $9, trench_distance_m = $10, trench_min_length_m = $11, updated_at = now(), reviewed_at = now()`

/** $1 province, $2–$11 the rule values (as UPSERT_RULE_VALUES): the national ones for a province that has none. */
export const INSERT_DEFAULT_RULE_VALUES = `
INSERT INTO station_rules (province_code, a1_max_ratio, a1_max_height_m, share_distance_urban_m,
                           share_distance_rural_m, duplicate_distance_m, default_area_kind, a1_max_reach_m,
                           plan_match_m, trench_distance_m, trench_min_length_m)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (province_code) DO NOTHING`

export const DELETE_SPACING_RULES = 'DELETE FROM spacing_rules WHERE province_code = $1'

/** $1 province, $2–$6 arrays of class, area kind, min height, max height, min distance. */
export const INSERT_SPACING_RULES = `
INSERT INTO spacing_rules (province_code, mast_class, area_kind, min_height_m, max_height_m, min_distance_m)
SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])`

export const DELETE_DISTRICT_AREA_KINDS = 'DELETE FROM district_area_kinds WHERE province_code = $1'

/** $1 province, $2 district codes, $3 their area kinds. */
export const INSERT_DISTRICT_AREA_KINDS = `
INSERT INTO district_area_kinds (province_code, district_code, area_kind)
SELECT $1, * FROM unnest($2::text[], $3::text[])`

/** The API shape of a zone, selected from `planning_zones`. */
const ZONE_COLUMNS = `
  id, province_code AS "provinceCode", name, kind, allowed_classes AS "allowedClasses",
  max_height_m AS "maxHeightM", ST_AsGeoJSON(geom, 7)::jsonb AS geometry, version, updated_at AS "updatedAt"`

/** $1 province. */
export const LIST_ZONES = `SELECT ${ZONE_COLUMNS} FROM planning_zones WHERE province_code = $1 ORDER BY id`

/** $1 province, $2–$5 the bbox. */
export const LIST_ZONES_IN_BBOX = `
SELECT ${ZONE_COLUMNS} FROM planning_zones
 WHERE province_code = $1 AND geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
 ORDER BY id`

/** $1 zone, $2 province. */
export const FIND_ZONE = `SELECT ${ZONE_COLUMNS} FROM planning_zones WHERE id = $1 AND province_code = $2`

/** $1 province, $2 name, $3 kind, $4 allowed classes, $5 max height, $6 GeoJSON. */
export const INSERT_ZONE = `
INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
VALUES ($1, $2, $3, $4, $5, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)))
RETURNING ${ZONE_COLUMNS}`

/** Changes version $2 of zone $1 ($3–$7 as in INSERT_ZONE's $2–$6); no row when the version moved on. */
export const UPDATE_ZONE = `
UPDATE planning_zones SET name = $3, kind = $4, allowed_classes = $5, max_height_m = $6,
       geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($7), 4326)), version = version + 1, updated_at = now()
 WHERE id = $1 AND version = $2
RETURNING ${ZONE_COLUMNS}`

export const DELETE_ZONE = 'DELETE FROM planning_zones WHERE id = $1'

export const DELETE_PROVINCE_ZONES = 'DELETE FROM planning_zones WHERE province_code = $1'

/**
 * $1 lon, $2 lat, $3 province, $4 radius in degrees (an over-estimate, found through the GiST index): the zones
 * near a point, with their outlines.
 */
export const ZONES_NEAR = `
SELECT id, name, kind, allowed_classes AS "allowedClasses", max_height_m AS "maxHeightM",
       ST_AsGeoJSON(geom, 7)::jsonb AS geometry
  FROM planning_zones
 WHERE province_code = $3 AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326), $4)
 ORDER BY id`

const EVENT_COLUMNS = `id, name, starts_on AS "startsOn", ends_on AS "endsOn", ST_AsGeoJSON(area, 7)::jsonb AS area`

/** $1 province: its events, newest first, with how many submitted stations each has (from the station counts). */
export const LIST_EVENTS = `
SELECT e.id, e.name, e.starts_on AS "startsOn", e.ends_on AS "endsOn", ST_AsGeoJSON(e.area, 7)::jsonb AS area,
       (SELECT coalesce(sum(s.n), 0) FROM station_counts s
         WHERE s.province_code = e.province_code AND s.event_id = e.id AND s.state <> 'draft') AS stations
  FROM station_events e WHERE e.province_code = $1 ORDER BY e.starts_on DESC, e.id`

/** $1 province, $2 name, $3 start, $4 end, $5 area as GeoJSON or null. */
export const INSERT_EVENT = `
INSERT INTO station_events (province_code, name, starts_on, ends_on, area)
VALUES ($1, $2, $3, $4,
        CASE WHEN $5::text IS NULL THEN NULL ELSE ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)) END)
RETURNING ${EVENT_COLUMNS}`

/** $1 event, $2 province: answers a row when the event exists there. */
export const EVENT_EXISTS = 'SELECT 1 FROM station_events WHERE id = $1 AND province_code = $2'
