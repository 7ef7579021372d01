// SQL for the station registry and its workflow. Values are bind parameters; the few identifiers that vary
// (sort order) come from the allow-list in list.ts.
import { inPlanAt } from '../../plans/in-plan.sql'

/** The API shape of a station, selected from `stations s`. */
export const STATION_COLUMNS = `
  s.id, s.province_code AS "provinceCode",
  jsonb_build_object('id', c.id, 'shortName', c.short_name, 'name', c.name) AS operator,
  coalesce((SELECT jsonb_agg(sc.short_name ORDER BY sc.short_name)
              FROM carriers sc WHERE sc.id = ANY (s.shared_carrier_ids)), '[]') AS "sharedOperators",
  s.site_code AS "siteCode", s.name, s.address,
  ST_AsGeoJSON(s.geom, 7)::jsonb AS position,
  s.district_code AS "districtCode",
  district_name(s.district_code, current_date) AS "districtName",
  s.mast_class AS "mastClass", s.camouflage_kind AS "camouflageKind",
  s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM",
  s.reach_beyond_edge_m AS "reachBeyondEdgeM", s.technologies,
  s.state, s.state_since AS "stateSince", s.submitted_at AS "submittedAt",
  s.decision_no AS "decisionNo", s.decision_date AS "decisionDate", s.decision_note AS "decisionNote",
  s.temporary, s.mobile, s.event_id AS "eventId", s.valid_from AS "validFrom", s.valid_to AS "validTo",
  (s.temporary AND s.valid_to < current_date) AS expired,
  s.rule_results AS "ruleResults", s.rules_checked_at AS "rulesCheckedAt", s.rule_overrides AS "ruleOverrides",
  s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt",
  ${inPlanAt('s.province_code', 's.carrier_id', 's.geom')} AS "inPlan"`

export const STATION_FROM = `stations s JOIN carriers c ON c.id = s.carrier_id`

/** $1 id, then the visibility parameters (see visibility in service.ts). */
export const selectStation = (visibility: string) =>
  `SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE s.id = $1 AND ${visibility}`

/** Columns of a new station, in the order of the INSERT's parameters $1–$21 (rules_checked_at is now()). */
export const INSERT_STATION = `
INSERT INTO stations (province_code, carrier_id, shared_carrier_ids, site_code, name, address, geom, district_code,
                      mast_class, camouflage_kind, mast_height_m, building_height_m, technologies, state,
                      temporary, mobile, event_id, valid_from, valid_to, rule_results, rules_checked_at,
                      reach_beyond_edge_m)
VALUES ($1, $2, $3, $4, $5, $6, ST_SetSRID(ST_MakePoint($7, $8), 4326), $9, $10, $11, $12, $13, $14, $15,
        $16, $17, $18, $19, $20, $21, now(), $22)
RETURNING id`

/** Changes the attributes of version $2 of station $1; answers no row when the version moved on. */
export const UPDATE_STATION = `
UPDATE stations SET shared_carrier_ids = $3, site_code = $4, name = $5, address = $6,
       geom = ST_SetSRID(ST_MakePoint($7, $8), 4326), district_code = $9, mast_class = $10, camouflage_kind = $11,
       mast_height_m = $12, building_height_m = $13, technologies = $14, temporary = $15, mobile = $16,
       event_id = $17, valid_from = $18, valid_to = $19, rule_results = $20, rules_checked_at = now(),
       reach_beyond_edge_m = $21,
       version = version + 1, updated_at = now()
 WHERE id = $1 AND version = $2
RETURNING id`

/**
 * Moves version $2 of station $1 to state $3, with the decision fields ($4 number, $5 date, $6 note; null keeps
 * them) and, for a field check that moved the site, a new position ($7 lon, $8 lat, $9 district, $10 rule results).
 */
export const TRANSITION_STATION = `
UPDATE stations SET state = $3, state_since = now(), version = version + 1, updated_at = now(),
       submitted_at = CASE WHEN $3 = 'submitted' THEN now() ELSE submitted_at END,
       decision_no = coalesce($4, decision_no), decision_date = coalesce($5::date, decision_date),
       decision_note = coalesce($6, decision_note),
       geom = CASE WHEN $7::float8 IS NULL THEN geom ELSE ST_SetSRID(ST_MakePoint($7, $8), 4326) END,
       district_code = CASE WHEN $7::float8 IS NULL THEN district_code ELSE $9 END,
       rule_results = coalesce($10::jsonb, rule_results),
       rules_checked_at = CASE WHEN $10::jsonb IS NULL THEN rules_checked_at ELSE now() END,
       rule_overrides = CASE WHEN $11::jsonb IS NULL THEN rule_overrides ELSE rule_overrides || $11::jsonb END
 WHERE id = $1 AND version = $2
RETURNING id`

/** One history row: $1 station, $2 version, $3 action, $4 state, $5 actor id, $6 actor name, $7 note, $8 snapshot. */
export const INSERT_HISTORY = `
INSERT INTO station_history (station_id, version, action, state, actor_id, actor_name, note, snapshot)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`

export const SELECT_HISTORY = `
SELECT version, action, state, actor_name AS "actorName", note, at, snapshot
  FROM station_history WHERE station_id = $1 ORDER BY version`

export const SELECT_FIELD_CHECKS = `
SELECT id, outcome, notes, photos, ST_AsGeoJSON(from_geom, 7)::jsonb AS "from", ST_AsGeoJSON(to_geom, 7)::jsonb AS "to",
       ST_Distance(from_geom::geography, to_geom::geography) AS "movedM", actor_name AS "actorName", at
  FROM station_field_checks WHERE station_id = $1 ORDER BY at, id`

/** $1 station, $2 outcome, $3 notes, $4 photos, $5/$6 the new lon/lat (the old position is read from the row). */
export const INSERT_FIELD_CHECK = `
INSERT INTO station_field_checks (station_id, outcome, notes, photos, from_geom, to_geom, actor_id, actor_name)
SELECT s.id, $2, $3, $4, s.geom, ST_SetSRID(ST_MakePoint($5, $6), 4326), $7, $8 FROM stations s WHERE s.id = $1`

/** $1 VN-2000 northing, $2 easting, $3 province: the WGS84 point, through the province zone's pinned SRID. */
export const FROM_VN2000 = `
SELECT ST_X(g) AS lon, ST_Y(g) AS lat
  FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($2, $1), z.srid), 4326) AS g
          FROM vn2000_zones z WHERE z.province_code = $3) t`

/** $1 short names: the carriers that are mobile operators. */
export const OPERATORS_BY_NAME = `
SELECT id, short_name AS "shortName" FROM carriers WHERE short_name = ANY ($1::text[]) AND kind = 'mobile'`

/** $1 carrier, $2 short name: a row when that is the carrier's short name. */
export const OWN_SHORT_NAME = 'SELECT 1 FROM carriers WHERE id = $1 AND short_name = $2'

/** $1 station: the carriers sharing its mast. */
export const SHARED_CARRIER_IDS = 'SELECT shared_carrier_ids AS ids FROM stations WHERE id = $1'

/** $1 carrier, $2 site codes: those already registered to the carrier (a decommissioned site frees its code). */
export const TAKEN_SITE_CODES = `
SELECT site_code AS "siteCode" FROM stations
 WHERE carrier_id = $1 AND site_code = ANY ($2::text[]) AND state <> 'decommissioned'`

/** $1 station: what its rule check needs (position, operator, mast). */
export const RULE_CHECK_INPUT = `
SELECT province_code AS "provinceCode", ST_X(geom) AS lon, ST_Y(geom) AS lat, carrier_id AS "carrierId",
       mast_class AS "mastClass", mast_height_m AS "mastHeightM", building_height_m AS "buildingHeightM",
       reach_beyond_edge_m AS "reachBeyondEdgeM"
  FROM stations WHERE id = $1`

/** $1 station, $2 rule results: stored without a version bump (the results follow from the data). */
export const SAVE_RULE_RESULTS = 'UPDATE stations SET rule_results = $2, rules_checked_at = now() WHERE id = $1'

/**
 * $1 lon, $2 lat, $3 province, $4 radius in degrees (an over-estimate for the index), $5 station to leave out,
 * $6 radius in metres: the existing masts within the radius, nearest first (at most 200).
 */
export const MASTS_NEAR = `
SELECT * FROM (
  SELECT s.id, s.site_code AS "siteCode", c.short_name AS operator, s.mast_class AS "mastClass",
         s.mast_height_m AS "mastHeightM", s.state, ST_AsGeoJSON(s.geom, 7)::jsonb AS position,
         ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) AS "distanceM"
    FROM stations s JOIN carriers c ON c.id = s.carrier_id
   WHERE s.province_code = $3 AND ST_DWithin(s.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326), $4) AND s.id <> $5
     AND s.state IN ('approved', 'built', 'in_service')
) m WHERE m."distanceM" <= $6 ORDER BY m."distanceM" LIMIT 200`

/**
 * $1 province, $2 date: stores the district in force (migration 030's district_at, the one a new station gets
 * through the rule check) of every station whose stored district differs; answers the moved ids.
 */
export const REDERIVE_DISTRICTS = `
UPDATE stations s SET district_code = n.code
  FROM (SELECT id, district_at(province_code, geom, $2::date) AS code FROM stations WHERE province_code = $1) n
 WHERE s.id = n.id AND s.district_code IS DISTINCT FROM n.code
RETURNING s.id`

/** A verified mast conversion (conversion-effects.ts): $1 station, $2 class, $3 camouflage design, $4 height. */
export const CONVERT_MAST = `
UPDATE stations SET mast_class = $2, camouflage_kind = $3, mast_height_m = $4, version = version + 1, updated_at = now()
 WHERE id = $1
RETURNING id`

/** A verified move onto a shared mast (conversion-effects.ts): adds carrier $2 to the sharers of host mast $1. */
export const SHARE_MAST = `
UPDATE stations
   SET shared_carrier_ids = array(SELECT DISTINCT x FROM unnest(shared_carrier_ids || $2::int) x ORDER BY x),
       version = version + 1, updated_at = now()
 WHERE id = $1
RETURNING id`
