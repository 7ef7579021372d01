// Shared SQL of the cable ledger: route columns, writes and pole links. Not yet every statement of the domain:
// service.ts, summary.ts, ducts.ts and poles.ts still hold their own (to be moved here, issue 10). Values are always
// bind parameters.
import { metresToDegreesSql } from '../geo/degrees'

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
         COALESCE((SELECT json_agg(json_build_object('districtCode', d.district_code, 'lengthM', round(d.length_m::numeric, 2)::float8)
                                   ORDER BY d.district_code NULLS LAST)
                     FROM route_district_split(current_date) d WHERE d.route_id = r.id), '[]') AS districts,
         COALESCE((SELECT json_agg(rp.pole_id ORDER BY rp.pole_id) FROM route_poles rp WHERE rp.route_id = r.id), '[]') AS "poleIds"
    FROM cable_routes r
   WHERE r.id = $1 AND r.province_code = $2 AND ($3::int IS NULL OR $3::int = ANY (r.carrier_ids))`

/** The geometry parameter as stored: RFC 7946 GeoJSON → SRID 4326 MultiLineString. */
export const GEOM_PARAM = (n: number) => `ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($${n}::text), 4326)))`

/** Inserts a route, measuring it on the ellipsoid. */
export const INSERT_ROUTE = `
  INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, planned_on, started_on, completed_on, accepted_on,
                            geom, length_m, created_by, is_demo)
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
         started_on = CASE WHEN $3 = 'under_construction' THEN COALESCE(started_on, $4::date) WHEN $3 = 'planned' THEN NULL ELSE started_on END,
         completed_on = CASE WHEN $3 = 'completed' THEN $4::date WHEN $3 IN ('planned', 'under_construction') THEN NULL ELSE completed_on END,
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

/** $1 province, $2 date: stores the district in force of every pole whose stored district differs. */
export const REDERIVE_POLE_DISTRICTS = `
  UPDATE poles p SET district_code = n.code
    FROM (SELECT id, district_at(province_code, geom, $2::date) AS code FROM poles WHERE province_code = $1) n
   WHERE p.id = n.id AND p.district_code IS DISTINCT FROM n.code`

/** Unlinks every pole of route $1 before the links are chosen again. */
export const CLEAR_POLES = `DELETE FROM route_poles WHERE route_id = $1`

/** Links chosen poles ($2 bigint[]) or poles within $3 metres of route $1, and stores the count. */
export const LINK_POLES = `
  WITH r AS (SELECT id, geom, province_code FROM cable_routes WHERE id = $1),
  found AS (
    SELECT p.id FROM poles p, r
     WHERE p.province_code = r.province_code
       AND (p.id = ANY ($2::bigint[])
            OR ($3::float8 IS NOT NULL
                -- the index finds candidates in a degree box wide enough at the route's farthest latitude; geography decides
                AND p.geom && ST_Expand(r.geom, ${metresToDegreesSql('$3::float8', 'greatest(abs(ST_YMin(r.geom)), abs(ST_YMax(r.geom)))')})
                AND ST_DWithin(p.geom::geography, r.geom::geography, $3::float8)))
  ), linked AS (
    INSERT INTO route_poles (route_id, pole_id) SELECT $1, id FROM found RETURNING pole_id
  )
  UPDATE cable_routes SET pole_count = (SELECT count(*) FROM linked) WHERE id = $1
  RETURNING pole_count AS "poleCount"`

/** Poles columns over `poles p`; `$carrier` decides whether the carrier list is shown. */
export const POLE_COLUMNS = `
  p.id, p.code, o.short_name AS owner, p.district_code AS "districtCode", cardinality(p.carrier_ids) AS "carrierCount",
  ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.version`

/** Poles of province $1 among the ids $2 (bigint[]): what a route may name. */
export const KNOWN_POLES = `SELECT id FROM poles WHERE province_code = $1 AND id = ANY ($2::bigint[])`

/** Locks a route the user may change; $1 id, $2 province, $3 carrier id or NULL for staff. */
export const LOCK_VISIBLE_ROUTE = `
  SELECT id FROM cable_routes
   WHERE id = $1 AND province_code = $2 AND ($3::int IS NULL OR $3::int = ANY (carrier_ids))
     FOR UPDATE`

/** Deletes route $1. */
export const DELETE_ROUTE = `DELETE FROM cable_routes WHERE id = $1`

/** Invites carriers to routes: $1 route ids (bigint[]) paired with $2 carrier ids (int[]), $3 user, $4 carrier. */
export const INVITE = `
  INSERT INTO route_invitations (route_id, carrier_id, invited_by, invited_by_carrier_id)
  SELECT r, c, $3, $4 FROM unnest($1::bigint[], $2::int[]) AS t(r, c)
  ON CONFLICT (route_id, carrier_id) DO NOTHING`

/** Drops the invitations of route $1 for carriers $2 (int[]) that now take part. */
export const DROP_INVITATIONS = `DELETE FROM route_invitations WHERE route_id = $1 AND carrier_id = ANY ($2::int[])`

/** The carriers invited to route $1. */
export const INVITED = `SELECT carrier_id AS "carrierId" FROM route_invitations WHERE route_id = $1`

/** Locks route $1 of province $2 if carrier $3 takes part in it or is invited to it. */
export const LOCK_FOR_PARTICIPANT = `
  SELECT r.id, r.carrier_ids AS "carrierIds", r.version,
         EXISTS (SELECT 1 FROM route_invitations i WHERE i.route_id = r.id AND i.carrier_id = $3) AS invited
    FROM cable_routes r
   WHERE r.id = $1 AND r.province_code = $2
     AND ($3 = ANY (r.carrier_ids) OR EXISTS (SELECT 1 FROM route_invitations i WHERE i.route_id = r.id AND i.carrier_id = $3))
     FOR UPDATE OF r`

/** Sets the carriers taking part in route $1 to $2 (int[]). */
export const SET_PARTICIPANTS = `
  UPDATE cable_routes SET carrier_ids = $2, version = version + 1, updated_at = now() WHERE id = $1`

/**
 * Invitations a carrier ($2, or every carrier for staff when NULL) has not answered, in province $1,
 * with what the invitee needs to decide: the route's fields, its line, and who invited it.
 */
export const INVITATIONS = `
  SELECT i.route_id AS "routeId", ic.short_name AS carrier, r.name, r.street, r.kind, r.status,
         round(r.length_m::numeric, 2)::float8 AS "lengthM", ST_AsGeoJSON(r.geom, 7)::json AS geometry,
         ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (r.carrier_ids) ORDER BY c.short_name) AS carriers,
         bc.short_name AS "invitedBy", i.invited_at AS "invitedAt"
    FROM route_invitations i
    JOIN cable_routes r ON r.id = i.route_id
    JOIN carriers ic ON ic.id = i.carrier_id
    LEFT JOIN carriers bc ON bc.id = i.invited_by_carrier_id
   WHERE r.province_code = $1 AND ($2::int IS NULL OR i.carrier_id = $2::int)
   ORDER BY i.invited_at, i.route_id`

/** Drops the stored split over unit versions $1 (bigint[]) before those versions are removed. */
export const FORGET_UNIT_SPLITS = `DELETE FROM route_district_lengths WHERE unit_id = ANY ($1::bigint[])`
