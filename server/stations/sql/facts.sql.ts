// SQL that gathers the facts a rule check needs. The point is always built from the bind parameters
// ($1 lon, $2 lat), so the GiST index on stations.geom serves both the KNN order and ST_DWithin.
import { stationScope } from './scope.sql'

const POINT = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)'
/**
 * $3 province: inside it (its own outline, or any of its districts when only districts are loaded)? which
 * district in force today (migration 030's district_at, the one used to store it), urban or rural?
 */
export const PLACE = `
SELECT EXISTS (
         SELECT 1 FROM units_in_force(current_date) u
          WHERE ((u.level = 'province' AND u.code = $3) OR (u.level = 'district' AND u.province_code = $3))
            AND u.geom && ${POINT} AND ST_Intersects(u.geom, ${POINT})
       ) AS "inProvince",
       d.code AS "districtCode", district_name(d.code, current_date) AS "districtName",
       coalesce(k.area_kind, r.default_area_kind) AS "areaKind"
  FROM station_rules r
  CROSS JOIN LATERAL (SELECT district_at($3, ${POINT}, current_date) AS code) d
  LEFT JOIN district_area_kinds k ON k.province_code = r.province_code AND k.district_code = d.code
 WHERE r.province_code = $3`

/** $3 province: the zones containing the point. */
export const ZONES = `
SELECT id, name, kind, allowed_classes AS "allowedClasses", max_height_m AS "maxHeightM"
  FROM planning_zones
 WHERE province_code = $3 AND ST_Intersects(geom, ${POINT})
 ORDER BY id`

const NEIGHBOUR_COLUMNS = `s.id, s.site_code AS "siteCode", s.carrier_id AS "carrierId", c.short_name AS operator,
       s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM", s.state, s.temporary,
       (${stationScope({ kind: 'public' }, 's', '$3')}) AS public,
       ST_Distance(s.geom::geography, ${POINT}::geography) AS "distanceM"`

/**
 * $3 province, $4 radius in degrees (an over-estimate, so the index prefilter misses nothing), $5 station to
 * leave out (or null), $6 radius in metres: every live station within the radius, nearest first.
 */
export const WITHIN = `
SELECT * FROM (
  SELECT ${NEIGHBOUR_COLUMNS}
    FROM stations s JOIN carriers c ON c.id = s.carrier_id
   WHERE s.province_code = $3 AND ST_DWithin(s.geom, ${POINT}, $4)
     AND s.id IS DISTINCT FROM $5::bigint AND s.state NOT IN ('decommissioned', 'rejected')
) n
WHERE n."distanceM" < $6
ORDER BY n."distanceM", n.id`

const EXISTING = `s.state IN ('approved', 'built', 'in_service')`

/** $3 province, $4 station to leave out: the five nearest existing masts by the index's KNN order. */
export const NEAREST = `
SELECT ${NEIGHBOUR_COLUMNS}
  FROM stations s JOIN carriers c ON c.id = s.carrier_id
 WHERE s.province_code = $3 AND ${EXISTING} AND s.id IS DISTINCT FROM $4::bigint
 ORDER BY s.geom <-> ${POINT}
 LIMIT 5`

/** $3 province, $4 station to leave out: the nearest existing mast of every mobile operator. */
export const NEAREST_BY_OPERATOR = `
SELECT n.* FROM carriers op
 CROSS JOIN LATERAL (
   SELECT ${NEIGHBOUR_COLUMNS}
     FROM stations s JOIN carriers c ON c.id = s.carrier_id
    WHERE s.carrier_id = op.id AND s.province_code = $3 AND ${EXISTING} AND s.id IS DISTINCT FROM $4::bigint
    ORDER BY s.geom <-> ${POINT}
    LIMIT 1
 ) n
 WHERE op.kind = 'mobile'
 ORDER BY n."distanceM"`

/** $1 province: the rule values. */
export const RULE_VALUES = `
SELECT a1_max_ratio AS "a1MaxRatio", a1_max_height_m AS "a1MaxHeightM", a1_max_reach_m AS "a1MaxReachM",
       share_distance_urban_m AS "shareDistanceUrbanM", share_distance_rural_m AS "shareDistanceRuralM",
       duplicate_distance_m AS "duplicateDistanceM", default_area_kind AS "defaultAreaKind",
       coalesce((SELECT jsonb_agg(jsonb_build_object('mastClass', mast_class, 'areaKind', area_kind,
                  'minHeightM', min_height_m, 'maxHeightM', max_height_m, 'minDistanceM', min_distance_m) ORDER BY id)
                   FROM spacing_rules WHERE province_code = $1), '[]') AS spacing
  FROM station_rules WHERE province_code = $1`
