// SQL that gathers the facts a rule check needs. The point is always built from the bind parameters
// ($1 lon, $2 lat), so the GiST index on stations.geom serves both the KNN order and ST_DWithin.
import { stationScope } from './scope.sql'

const POINT = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)'

// Each statement is written once over the SQL of a point and a province (a bind parameter, or a column when the
// plans' appraisal runs it for every feature of a version at once, server/plans/checks.sql.ts).

/**
 * Inside the province (its own outline, or any of its districts when only districts are loaded)? which
 * district in force today (migration 030's district_at, the one used to store it), urban or rural?
 */
export const placeAt = (point: string, province: string) => `
SELECT EXISTS (
         SELECT 1 FROM units_in_force(current_date) u
          WHERE ((u.level = 'province' AND u.code = ${province})
                 OR (u.level = 'district' AND u.province_code = ${province}))
            AND u.geom && ${point} AND ST_Intersects(u.geom, ${point})
       ) AS "inProvince",
       d.code AS "districtCode", district_name(d.code, current_date) AS "districtName",
       coalesce(k.area_kind, r.default_area_kind) AS "areaKind"
  FROM station_rules r
  CROSS JOIN LATERAL (SELECT district_at(${province}, ${point}, current_date) AS code) d
  LEFT JOIN district_area_kinds k ON k.province_code = r.province_code AND k.district_code = d.code
 WHERE r.province_code = ${province}`
/** $3 province. */
export const PLACE = placeAt(POINT, '$3')

/** The zones containing the point. */
export const zonesAt = (point: string, province: string) => `
SELECT id, name, kind, allowed_classes AS "allowedClasses", max_height_m AS "maxHeightM"
  FROM planning_zones
 WHERE province_code = ${province} AND ST_Intersects(geom, ${point})
 ORDER BY id`
/** $3 province. */
export const ZONES = zonesAt(POINT, '$3')

const neighbourColumns = (point: string, province: string) => `s.id, s.site_code AS "siteCode",
       s.carrier_id AS "carrierId", c.short_name AS operator,
       s.mast_class AS "mastClass", s.mast_height_m AS "mastHeightM", s.state, s.temporary,
       (${stationScope({ kind: 'public' }, 's', province)}) AS public,
       ST_Distance(s.geom::geography, ${point}::geography) AS "distanceM"`
const NEIGHBOUR_COLUMNS = neighbourColumns(POINT, '$3')

/**
 * Every live station within a radius of the point, nearest first: `radiusDeg` in degrees (an over-estimate, so
 * the index prefilter misses nothing), `excludeId` the station to leave out (or NULL), `radiusM` in metres.
 */
export const withinAt = (point: string, province: string, radiusDeg: string, excludeId: string, radiusM: string) => `
SELECT * FROM (
  SELECT ${neighbourColumns(point, province)}
    FROM stations s JOIN carriers c ON c.id = s.carrier_id
   WHERE s.province_code = ${province} AND ST_DWithin(s.geom, ${point}, ${radiusDeg})
     AND s.id IS DISTINCT FROM ${excludeId}::bigint AND s.state NOT IN ('decommissioned', 'rejected')
) n
WHERE n."distanceM" < ${radiusM}
ORDER BY n."distanceM", n.id`
/**
 * $3 province, $4 radius in degrees, $5 station to leave out (or null), $6 radius in metres.
 */
export const WITHIN = withinAt(POINT, '$3', '$4', '$5', '$6')

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
