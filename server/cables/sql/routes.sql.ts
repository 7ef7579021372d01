// SQL of cable routes: their columns, writes, imports, pole links and the split of their length by district.
// Values are always bind parameters.
import { metresToDegreesSql } from '../../geo/degrees'
import { containsSql } from '../../http/text'

/** Columns of a route as the API answers it, over `cable_routes r`. */
export const ROUTE_COLUMNS = `
  r.id, r.name, r.street, r.kind, r.status, r.carrier_ids AS "carrierIds",
  ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (r.carrier_ids) ORDER BY c.short_name) AS carriers,
  ARRAY(SELECT c.short_name FROM route_invitations i JOIN carriers c ON c.id = i.carrier_id
         WHERE i.route_id = r.id ORDER BY c.short_name) AS "invitedCarriers",
  to_char(r.planned_on, 'YYYY-MM-DD') AS "plannedOn", to_char(r.started_on, 'YYYY-MM-DD') AS "startedOn",
  to_char(r.completed_on, 'YYYY-MM-DD') AS "completedOn", to_char(r.accepted_on, 'YYYY-MM-DD') AS "acceptedOn",
  round(r.length_m::numeric, 2)::float8 AS "lengthM", r.pole_count AS "poleCount", r.version,
  r.updated_at AS "updatedAt"`

/** One route with its geometry and per-district lengths; $1 id, $2 province, $3 carrier id or NULL for staff. */
export const ROUTE_BY_ID = `
  SELECT ${ROUTE_COLUMNS}, ST_AsGeoJSON(r.geom, 7)::json AS geometry,
         COALESCE((SELECT json_agg(json_build_object('districtCode', d.district_code,
                                                     'lengthM', round(d.length_m::numeric, 2)::float8)
                                   ORDER BY d.district_code NULLS LAST)
                     FROM route_district_split(current_date) d WHERE d.route_id = r.id), '[]') AS districts,
         COALESCE((SELECT json_agg(rp.pole_id ORDER BY rp.pole_id) FROM route_poles rp WHERE rp.route_id = r.id),
                  '[]') AS "poleIds"
    FROM cable_routes r
   WHERE r.id = $1 AND r.province_code = $2 AND ($3::int IS NULL OR $3::int = ANY (r.carrier_ids))`

/** The geometry parameter as stored: RFC 7946 GeoJSON → SRID 4326 MultiLineString. */
export const GEOM_PARAM = (n: number) => `ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($${n}::text), 4326)))`

/** Inserts a route, measuring it on the ellipsoid. */
export const INSERT_ROUTE = `
  INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, planned_on, started_on,
                            completed_on, accepted_on, geom, length_m, created_by, is_demo)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, g, ST_Length(g::geography, true), $12, false
    FROM (SELECT ${GEOM_PARAM(11)} AS g) AS input
  RETURNING id`

/** Changes the editable fields of a route; $1 id, $2 expected version. */
export const UPDATE_ROUTE = `
  UPDATE cable_routes
     SET name = $3, street = $4, kind = $5, carrier_ids = $6, planned_on = $7,
         geom = COALESCE(${GEOM_PARAM(8)}, geom),
         length_m = COALESCE(ST_Length((${GEOM_PARAM(8)})::geography, true), length_m),
         version = version + 1, updated_at = now()
   WHERE id = $1 AND version = $2
  RETURNING id`

/** Moves a route to a new status with its date; $1 id, $2 version, $3 status, $4 date. */
export const SET_STATUS = `
  UPDATE cable_routes
     SET status = $3,
         started_on = CASE WHEN $3 = 'under_construction' THEN COALESCE(started_on, $4::date)
                           WHEN $3 = 'planned' THEN NULL ELSE started_on END,
         completed_on = CASE WHEN $3 = 'completed' THEN $4::date
                             WHEN $3 IN ('planned', 'under_construction') THEN NULL ELSE completed_on END,
         accepted_on = CASE WHEN $3 = 'accepted' THEN $4::date ELSE NULL END,
         version = version + 1, updated_at = now()
   WHERE id = $1 AND version = $2
  RETURNING id`

/**
 * Splits the length of routes $1 (bigint[]) by every district version of their province (migration 030), so
 * creation, import and re-derivation after a boundary import share one statement.
 */
export const SPLIT_ROUTE_LENGTHS = `SELECT split_route_lengths($1::bigint[]) AS rows`

// Re-splitting a province after a boundary import: $1 province, $2 the date whose units count ("in force now").
const SPLIT_NOW = `
  SELECT s.route_id, coalesce(s.district_code, '-') AS code, round(s.length_m::numeric, 2) AS m
    FROM route_district_split($2::date) s JOIN cable_routes r ON r.id = s.route_id WHERE r.province_code = $1`

/** Keeps each route's split by the units in force before the routes are split again. */
export const SNAPSHOT_SPLITS = `CREATE TEMP TABLE split_before ON COMMIT DROP AS ${SPLIT_NOW}`

/** Splits every route of province $1 again. */
export const SPLIT_PROVINCE = `
  SELECT split_route_lengths(array_agg(id)) AS rows FROM cable_routes WHERE province_code = $1 HAVING count(*) > 0`

/** How many routes' split by the units in force differs from the snapshot; drops the snapshot. */
export const CHANGED_SPLITS = `
  WITH now AS (${SPLIT_NOW})
  SELECT count(DISTINCT coalesce(n.route_id, b.route_id)) AS routes
    FROM now n FULL JOIN split_before b ON b.route_id = n.route_id AND b.code = n.code AND b.m = n.m
   WHERE n.route_id IS NULL OR b.route_id IS NULL`

export const DROP_SNAPSHOT = `DROP TABLE split_before`

/** Unlinks every pole of route $1 before the links are chosen again. */
export const CLEAR_POLES = `DELETE FROM route_poles WHERE route_id = $1`

// The absolute latitude of route r's point farthest from the equator, where a metre spans the most longitude.
const FARTHEST_LATITUDE = 'greatest(abs(ST_YMin(r.geom)), abs(ST_YMax(r.geom)))'

/** Links chosen poles ($2 bigint[]) or poles within $3 metres of route $1, and stores the count. */
export const LINK_POLES = `
  WITH r AS (SELECT id, geom, province_code FROM cable_routes WHERE id = $1),
  found AS (
    SELECT p.id FROM poles p, r
     WHERE p.province_code = r.province_code
       AND (p.id = ANY ($2::bigint[])
            OR ($3::float8 IS NOT NULL
                -- the index finds candidates in a degree box wide enough at the route's farthest latitude;
                -- geography decides
                AND p.geom && ST_Expand(r.geom, ${metresToDegreesSql('$3::float8', FARTHEST_LATITUDE)})
                AND ST_DWithin(p.geom::geography, r.geom::geography, $3::float8)))
  ), linked AS (
    INSERT INTO route_poles (route_id, pole_id) SELECT $1, id FROM found RETURNING pole_id
  )
  UPDATE cable_routes SET pole_count = (SELECT count(*) FROM linked) WHERE id = $1
  RETURNING pole_count AS "poleCount"`

/** Poles of province $1 among the ids $2 (bigint[]): what a route may name. */
export const KNOWN_POLES = `SELECT id FROM poles WHERE province_code = $1 AND id = ANY ($2::bigint[])`

/** Locks a route the user may change; $1 id, $2 province, $3 carrier id or NULL for staff. */
export const LOCK_VISIBLE_ROUTE = `
  SELECT id FROM cable_routes
   WHERE id = $1 AND province_code = $2 AND ($3::int IS NULL OR $3::int = ANY (carrier_ids))
     FOR UPDATE`

/** Deletes route $1. */
export const DELETE_ROUTE = `DELETE FROM cable_routes WHERE id = $1`

/** Drops the stored split over unit versions $1 (bigint[]) before those versions are removed. */
export const FORGET_UNIT_SPLITS = `DELETE FROM route_district_lengths WHERE unit_id = ANY ($1::bigint[])`

/** $1 short names (text[]): the carriers known by those names. */
export const CARRIERS_BY_NAME = 'SELECT id, short_name FROM carriers WHERE short_name = ANY ($1)'

/**
 * Routes of province $1 the user may see ($2 carrier id or NULL for staff), filtered by $3 kind, $4 status,
 * $5 carrier short name, $6 district code, $7 name or street pattern, $8 bbox (float8[4]); keyset paging after
 * id $9, $10 rows at most.
 */
export const LIST_ROUTES = `
  SELECT ${ROUTE_COLUMNS}
    FROM cable_routes r
   WHERE r.province_code = $1 AND ($2::int IS NULL OR $2::int = ANY (r.carrier_ids))
     AND ($3::text IS NULL OR r.kind = $3) AND ($4::text IS NULL OR r.status = $4)
     AND ($5::text IS NULL OR (SELECT id FROM carriers WHERE short_name = $5) = ANY (r.carrier_ids))
     AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM route_district_split(current_date) d
                                       WHERE d.route_id = r.id AND d.district_code = $6))
     AND ($7::text IS NULL OR ${containsSql('r.name', '$7')} OR ${containsSql('r.street', '$7')})
     AND ($8::float8[] IS NULL OR r.geom && ST_MakeEnvelope($8[1], $8[2], $8[3], $8[4], 4326))
     AND r.id > $9
   ORDER BY r.id LIMIT $10`

/**
 * Inserts the routes of an import in file order: $1 province, $2–$10 one text[] each of name, street, kind, status,
 * carrier ids (comma-separated), started, completed, accepted dates and GeoJSON geometry; $11 user.
 */
export const IMPORT_ROUTES = `
  INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, started_on, completed_on,
                            accepted_on, geom, length_m, created_by)
  SELECT $1, name, street, kind, status, string_to_array(carriers, ',')::int[], started::date, completed::date,
         accepted::date, g, ST_Length(g::geography, true), $11
    FROM (SELECT *, ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))) AS g
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[])
                 WITH ORDINALITY AS t(name, street, kind, status, carriers, started, completed, accepted, geometry,
                                      ord)) s
   ORDER BY ord
  RETURNING id`
