// SQL of a version's automatic appraisal (server/plans/checks.ts): set-based, every feature of the version in one
// statement per check, each neighbour found through a GiST index (the box in degrees from server/geo/degrees.ts,
// then the exact ellipsoidal distance). The station facts are the stations' own statements (facts.sql.ts) run
// over the planned site's column instead of a bind point, so the station rules see the same facts either way.
import { metresToDegreesSql } from '../geo/degrees'
import { placeAt, withinAt, zonesAt } from '../stations/sql/facts.sql'

const PROVINCE = '$2::text'

/**
 * $2 province, $3 the plan's carrier: the versions of the other carriers' plans the checks look at, each plan's
 * latest approved version and its latest version while it is under appraisal (submitted or passed).
 */
const OTHER_VERSIONS = `
SELECT v.id, v.state, v.number, p.id AS "planId", p.title, c.short_name AS operator
  FROM plans p JOIN carriers c ON c.id = p.carrier_id JOIN plan_versions v ON v.plan_id = p.id
 WHERE p.province_code = ${PROVINCE} AND p.carrier_id <> $3::int
   AND (v.number = (SELECT max(w.number) FROM plan_versions w WHERE w.plan_id = p.id AND w.state = 'approved')
        OR (v.state IN ('submitted', 'passed')
            AND v.number = (SELECT max(w.number) FROM plan_versions w WHERE w.plan_id = p.id)))`

const SITE_RADIUS_DEG = metresToDegreesSql('$3::float8', 'ST_Y(ps.geom)')

/**
 * $1 version id, $2 province, $3 the rules' search radius (m): for every planned site what the station rules need
 * to know, with the station statements' own columns (place, zones, live stations within the radius).
 */
export const SITE_FACTS = `
SELECT ps.feature_index AS index, ps.site_key AS key, ps.mast_class AS "mastClass", ps.height_m::float8 AS "heightM",
       pl."inProvince", pl."districtCode", pl."districtName", pl."areaKind",
       (SELECT coalesce(json_agg(z ORDER BY z.id), '[]') FROM (${zonesAt('ps.geom', PROVINCE)}) z) AS zones,
       (SELECT coalesce(json_agg(n ORDER BY n."distanceM", n.id), '[]')
          FROM (${withinAt('ps.geom', PROVINCE, SITE_RADIUS_DEG, 'NULL', '$3::float8')}) n) AS neighbours
  FROM planned_sites ps
  CROSS JOIN LATERAL (${placeAt('ps.geom', PROVINCE)}) pl
 WHERE ps.version_id = $1
 ORDER BY ps.feature_index`

/**
 * $1 version id, $2 province, $3 the plan's carrier, $4 radius (m): every pair of a site of this version and a
 * site of another carrier's current plan closer than the radius, nearest first (the rule decides what counts).
 */
export const PLAN_SITE_PAIRS = `
SELECT a.feature_index AS index, a.mast_class AS "mastClass", b.id AS "otherId", b.site_key AS "otherKey",
       b.mast_class AS "otherClass", o.operator, o.state, o."planId", o.title, o.number,
       ST_Distance(a.geom::geography, b.geom::geography) AS "distanceM"
  FROM planned_sites a
  JOIN planned_sites b ON ST_DWithin(b.geom, a.geom, ${metresToDegreesSql('$4::float8', 'ST_Y(a.geom)')})
  JOIN (${OTHER_VERSIONS}) o ON o.id = b.version_id
 WHERE a.version_id = $1 AND ST_Distance(a.geom::geography, b.geom::geography) < $4::float8
 ORDER BY a.feature_index, "distanceM", b.id`

/** A route's street as the carrier wrote it (attribute street or đường), compared lower-case and trimmed. */
const street = (attributes: string) =>
  `nullif(lower(btrim(coalesce(${attributes}->>'street', ${attributes}->>'duong', ${attributes}->>'đường'))), '')`

/** The routes of version $1 with their street and district (at a point on the route). */
const MINE = `(SELECT feature_index, route_key, geom, ${street('attributes')} AS street,
         district_at(${PROVINCE}, ST_PointOnSurface(geom), current_date) AS district_code
    FROM planned_routes WHERE version_id = $1)`

const ROUTE_BOX_DEG = metresToDegreesSql('$4::float8', 'greatest(abs(ST_YMin(m.geom)), abs(ST_YMax(m.geom)))')
/** How far (m) route m runs within $4 metres of the other route's geometry `g`. */
const along = (g: string) =>
  `ST_Length(ST_CollectionExtract(ST_Intersection(m.geom, ST_Buffer(${g}::geography, $4::float8)::geometry), 2)
     ::geography)`

/**
 * $1 version id, $2 province, $3 the plan's carrier, $4 trench distance (m): every pair of a route of this version
 * and a route of another carrier's current plan that come within the distance, with whether they name the same
 * street and how far the route runs along the other one (the rule decides what counts).
 */
export const PLAN_ROUTE_PAIRS = `
SELECT m.feature_index AS index, m.route_key AS key, m.district_code AS "districtCode", r.id AS "otherId",
       r.route_key AS "otherKey", o.operator, o.state, o."planId", o.title, o.number,
       coalesce(m.street = ${street('r.attributes')}, false) AS "sameStreet", m.street, ${along('r.geom')} AS "alongM"
  FROM ${MINE} m
  JOIN planned_routes r ON ST_DWithin(r.geom, m.geom, ${ROUTE_BOX_DEG})
  JOIN (${OTHER_VERSIONS}) o ON o.id = r.version_id
 WHERE ST_DWithin(r.geom::geography, m.geom::geography, $4::float8)
 ORDER BY m.feature_index, r.id`

/** As PLAN_ROUTE_PAIRS ($3 unused but typed), against the existing cable routes of the province. */
export const EXISTING_ROUTE_PAIRS = `
SELECT m.feature_index AS index, m.route_key AS key, m.district_code AS "districtCode", r.id AS "otherId",
       r.name AS "otherKey", r.status AS state, $3::int AS carrier,
       coalesce(m.street = nullif(lower(btrim(r.street)), ''), false) AS "sameStreet", m.street,
       ${along('r.geom')} AS "alongM"
  FROM ${MINE} m
  JOIN cable_routes r ON r.province_code = ${PROVINCE} AND ST_DWithin(r.geom, m.geom, ${ROUTE_BOX_DEG})
 WHERE ST_DWithin(r.geom::geography, m.geom::geography, $4::float8)
 ORDER BY m.feature_index, r.id`

/** $1 province: the rule values of the plans (the station rules are read with the stations' own statement). */
export const PLAN_RULE_VALUES = `
SELECT plan_match_m AS "planMatchM", trench_distance_m AS "trenchDistanceM", trench_min_length_m AS "trenchMinLengthM"
  FROM station_rules WHERE province_code = $1`

/** $1 version id: forgets the previous run's findings. */
export const DELETE_FINDINGS = 'DELETE FROM plan_findings WHERE version_id = $1'

/**
 * $1 version id, then one array per column: $2 feature indexes, $3 kinds, $4 keys, $5 rules, $6 outcomes,
 * $7 district codes, $8 what each was found against (json texts), $9 details (json texts), $10–$11 messages.
 */
export const INSERT_FINDINGS = `
INSERT INTO plan_findings (version_id, feature_index, feature_kind, feature_key, rule, outcome, district_code, other,
                           detail, message_vi, message_en)
SELECT $1, i, k, fk, r, o, d, oth::jsonb, det::jsonb, mv, me
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::text[]) AS t(i, k, fk, r, o, d, oth, det, mv, me)`

/** $1 version id: the run is done. */
export const MARK_CHECKED = `
UPDATE plan_versions SET checked_at = now() WHERE id = $1 RETURNING checked_at AS "checkedAt"`

/** $1 version id: when the checks last ran (NULL: never). */
export const CHECKED_AT = 'SELECT checked_at AS "checkedAt" FROM plan_versions WHERE id = $1'

/** $1 version id: the stored findings, by rule, district and feature. */
export const LIST_FINDINGS = `
SELECT f.id, f.feature_index AS "featureIndex", f.feature_kind AS "featureKind", f.feature_key AS "featureKey", f.rule,
       f.outcome, f.district_code AS "districtCode", district_name(f.district_code, current_date) AS "districtName",
       f.other, f.detail, f.message_vi AS "messageVi", f.message_en AS "messageEn"
  FROM plan_findings f
 WHERE f.version_id = $1
 ORDER BY f.rule, f.district_code NULLS LAST, f.feature_index, f.id`
