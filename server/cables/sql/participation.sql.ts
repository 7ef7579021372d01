// SQL of who takes part in a cable route: the carriers of a route and the invitations to join it.

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
