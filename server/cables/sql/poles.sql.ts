// SQL of poles. Values are always bind parameters.

/** $1 province, $2 date: stores the district in force of every pole whose stored district differs. */
export const REDERIVE_POLE_DISTRICTS = `
  UPDATE poles p SET district_code = n.code
    FROM (SELECT id, district_at(province_code, geom, $2::date) AS code FROM poles WHERE province_code = $1) n
   WHERE p.id = n.id AND p.district_code IS DISTINCT FROM n.code`

/** Poles columns over `poles p`; `$carrier` decides whether the carrier list is shown. */
export const POLE_COLUMNS = `
  p.id, p.code, o.short_name AS owner, p.district_code AS "districtCode", cardinality(p.carrier_ids) AS "carrierCount",
  ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.version`

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
