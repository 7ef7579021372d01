// Every statement of the cable ledger (routes, poles, participation, ducts, imports) except the summary's, which
// summary.ts builds over its aggregates. Values are always bind parameters.
import { metresToDegreesSql } from '../geo/degrees'
import { containsSql } from '../http/text'

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

/** $1 province, $2 date: stores the district in force of every pole whose stored district differs. */
export const REDERIVE_POLE_DISTRICTS = `
  UPDATE poles p SET district_code = n.code
    FROM (SELECT id, district_at(province_code, geom, $2::date) AS code FROM poles WHERE province_code = $1) n
   WHERE p.id = n.id AND p.district_code IS DISTINCT FROM n.code`

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
     AND ($3 = ANY (r.carrier_ids)
          OR EXISTS (SELECT 1 FROM route_invitations i WHERE i.route_id = r.id AND i.carrier_id = $3))
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

// Officers see which carriers hang on a pole; a carrier ($3) sees only the count and whether it is one of them.
const POLE_SELECT = `
  SELECT ${POLE_COLUMNS},
         CASE WHEN $3::int IS NULL
              THEN ARRAY(SELECT c.short_name FROM carriers c WHERE c.id = ANY (p.carrier_ids) ORDER BY c.short_name)
         END AS carriers,
         ($3::int IS NOT NULL AND $3::int = ANY (p.carrier_ids)) AS mine
    FROM poles p JOIN carriers o ON o.id = p.owner_carrier_id`

/** Poles of province $1 in the box $2 (float8[4]), $3 the carrier or NULL for staff, $4 rows at most. */
export const POLES_IN_BOX = `${POLE_SELECT}
   WHERE p.province_code = $1
     AND p.geom && ST_MakeEnvelope(($2::float8[])[1], ($2::float8[])[2], ($2::float8[])[3], ($2::float8[])[4], 4326)
   ORDER BY p.id LIMIT $4`

/** Pole $2 of province $1, $3 the carrier or NULL for staff. */
export const POLE_BY_ID = `${POLE_SELECT} WHERE p.province_code = $1 AND p.id = $2`

/** The district in force today containing the point ($5, $6) of the province in `$province` (migration 030). */
const districtOf = (province: string) =>
  `district_at(${province}, ST_SetSRID(ST_MakePoint($5, $6), 4326), current_date)`

/** Adds a pole: $1 province, $2 code, $3 owner, $4 carriers (int[]), $5 lon, $6 lat; its district from its place. */
export const INSERT_POLE = `
  INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom, district_code)
  VALUES ($1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326), ${districtOf('$1')})
  RETURNING id`

/** Changes pole $1 of province $7 at version $8: $2 code, $3 owner, $4 carriers, $5 lon, $6 lat. */
export const UPDATE_POLE = `
  UPDATE poles
     SET code = $2, owner_carrier_id = $3, carrier_ids = $4, geom = ST_SetSRID(ST_MakePoint($5, $6), 4326),
         district_code = ${districtOf('$7')}, version = version + 1, updated_at = now()
   WHERE id = $1 AND province_code = $7 AND version = $8`

/** Takes pole $1 out of the pole count of the routes linked to it (the links go with the pole). */
export const UNCOUNT_POLE = `
  UPDATE cable_routes SET pole_count = pole_count - 1
   WHERE id IN (SELECT route_id FROM route_poles WHERE pole_id = $1)`

/** Deletes pole $1. */
export const DELETE_POLE = 'DELETE FROM poles WHERE id = $1'

/**
 * The shared ducts of the routes of province $1 ($3 one route or NULL for all): capacity, allocated tubes and
 * each allocation's monthly rent (tubes × length × price). $2 a carrier, who sees the routes it is on or rents in
 * and only its own allocations, or NULL for every route and allocation.
 */
export const DUCT_REPORT = `
  SELECT r.id AS "routeId", r.name, round(r.length_m::numeric, 1)::float8 AS "lengthM", d.ducts,
         d.tubes_per_duct AS "tubesPerDuct", d.ducts * d.tubes_per_duct AS "tubes",
         d.price_vnd_per_m_month::float8 AS "priceVndPerMMonth", d.version,
         COALESCE(sum(a.tubes), 0)::int AS "allocatedTubes",
         round(COALESCE(sum(a.tubes), 0)::numeric / (d.ducts * d.tubes_per_duct), 4)::float8 AS occupancy,
         COALESCE(json_agg(json_build_object('carrier', c.short_name, 'tubes', a.tubes,
                                             'fromDate', to_char(a.from_date, 'YYYY-MM-DD'),
                                             'monthlyRentVnd',
                                             round(a.tubes * r.length_m::numeric * d.price_vnd_per_m_month))
                           ORDER BY c.short_name)
                  FILTER (WHERE a.id IS NOT NULL AND ($2::int IS NULL OR a.carrier_id = $2::int)), '[]') AS allocations
    FROM duct_capacities d
    JOIN cable_routes r ON r.id = d.route_id
    LEFT JOIN duct_allocations a ON a.route_id = d.route_id
    LEFT JOIN carriers c ON c.id = a.carrier_id
   WHERE r.province_code = $1 AND ($3::bigint IS NULL OR r.id = $3::bigint)
     AND ($2::int IS NULL OR $2::int = ANY (r.carrier_ids)
          OR EXISTS (SELECT 1 FROM duct_allocations x WHERE x.route_id = r.id AND x.carrier_id = $2::int))
   GROUP BY r.id, d.route_id
   ORDER BY r.id`

/** Locks route $1 of province $2 before its ducts change; answers its kind. */
export const LOCK_ROUTE_KIND = 'SELECT kind FROM cable_routes WHERE id = $1 AND province_code = $2 FOR UPDATE'

/** Sets the duct capacity of route $1: $2 ducts, $3 tubes per duct, $4 price (VND per metre and month). */
export const UPSERT_DUCTS = `
  INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month) VALUES ($1, $2, $3, $4)
  ON CONFLICT (route_id) DO UPDATE
     SET ducts = $2, tubes_per_duct = $3, price_vnd_per_m_month = $4, version = duct_capacities.version + 1,
         updated_at = now()`

/** Drops the duct allocations of route $1 before they are stored again. */
export const CLEAR_ALLOCATIONS = 'DELETE FROM duct_allocations WHERE route_id = $1'

/** Allocates tubes of route $1: $2 carriers (int[]), $3 tubes (int[]), $4 from dates (text[]), paired. */
export const INSERT_ALLOCATIONS = `
  INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date)
  SELECT $1, c, t, f::date FROM unnest($2::int[], $3::int[], $4::text[]) AS x(c, t, f)`
