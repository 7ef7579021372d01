// "In plan" (issue 12): the site of a carrier's approved plan that a station of that carrier matches, within the
// province's tolerance (station_rules.plan_match_m). Written once over the SQL of the province, the carrier and the
// point, so the station columns (lists, panel) and the editor's preview ask the same question; the box in degrees
// lets the GiST index on planned_sites.geom find the candidates, the ellipsoidal distance decides.
import { metresToDegreesSql } from '../geo/degrees'

/** Each plan's latest approved version counts (an amendment's approval replaces the earlier one). */
export const inPlanAt = (province: string, carrier: string, point: string) => `(
SELECT jsonb_build_object('planId', p.id, 'title', p.title, 'version', v.number, 'decisionNumber', v.decision_number,
         'siteKey', ps.site_key, 'featureIndex', ps.feature_index,
         'distanceM', round(ST_Distance(ps.geom::geography, ${point}::geography)::numeric, 2))
  FROM station_rules r
  JOIN plans p ON p.province_code = r.province_code AND p.carrier_id = ${carrier}
  JOIN plan_versions v ON v.plan_id = p.id AND v.state = 'approved'
   AND v.number = (SELECT max(w.number) FROM plan_versions w WHERE w.plan_id = p.id AND w.state = 'approved')
  JOIN planned_sites ps ON ps.version_id = v.id
   AND ST_DWithin(ps.geom, ${point}, ${metresToDegreesSql('r.plan_match_m::float8', `ST_Y(${point})`)})
 WHERE r.province_code = ${province}
   AND ST_DWithin(ps.geom::geography, ${point}::geography, r.plan_match_m::float8)
 ORDER BY ps.geom <-> ${point}, ps.id
 LIMIT 1)`

/** $1 province, $2 carrier, $3 lon, $4 lat: the approved planned site a station there would match, or NULL. */
const POINT = 'ST_SetSRID(ST_MakePoint($3, $4), 4326)'
export const IN_PLAN_AT = `SELECT ${inPlanAt('$1::text', '$2::int', POINT)} AS "inPlan"`
