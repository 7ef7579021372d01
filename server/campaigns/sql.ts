// Every statement of the inspection campaigns (server/campaigns/). Values are bind parameters; the only varying
// text is the selection of one asset kind, chosen from the fixed fragments below by an allow-listed kind.
import { VIETNAM_TZ } from '../time'

/** Today in Vietnam: due dates are Vietnamese calendar days, districts are those in force today. */
const TODAY = `(now() AT TIME ZONE '${VIETNAM_TZ}')::date`

export type AssetKind = 'station' | 'pole' | 'cable_route'

/**
 * The selection's conditions as one row `f`: $1 province, $2 district codes, $3 drawn area (GeoJSON, any
 * polygon), $4 carrier ids, $5 states, $6 mast classes, $7 least height, $8 greatest height, $9 route kinds.
 * NULL means no condition.
 */
const FILTER = `
f AS (
  SELECT $1::text AS province, $2::text[] AS districts,
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4326)) AS area,
         $4::int[] AS carriers, $5::text[] AS states, $6::text[] AS classes,
         $7::numeric AS min_h, $8::numeric AS max_h, $9::text[] AS kinds
)`

/** The point asset `a` lies in one of the chosen districts in force today (an index probe before district_at). */
const IN_CHOSEN_DISTRICT = `(f.districts IS NULL OR EXISTS (
     SELECT 1 FROM units_in_force(${TODAY}) u
      WHERE u.level = 'district' AND u.province_code = f.province AND u.code = ANY (f.districts)
        AND u.geom && a.geom AND ST_Intersects(u.geom, a.geom)))`

const IN_AREA = `(f.area IS NULL OR (a.geom && f.area AND ST_Intersects(f.area, a.geom)))`

/**
 * The assets chosen, one row each: id, version, the carrier responsible (for the inspection's scope), the district
 * (the units in force today: district_at for a point, the district holding most of a route), a label and a point.
 * A point on a border belongs to the district district_at names, so the final filter keeps the rule one.
 */
const SELECTED: Record<AssetKind, string> = {
  station: `
SELECT * FROM (
  SELECT a.id, a.version, a.carrier_id AS "carrierId", district_at(a.province_code, a.geom, ${TODAY}) AS "districtCode",
         a.site_code AS label, ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat, f.districts
    FROM f JOIN stations a ON a.province_code = f.province
   WHERE a.state = ANY (coalesce(f.states, ARRAY['built', 'in_service']))
     AND (f.carriers IS NULL OR a.carrier_id = ANY (f.carriers))
     AND (f.classes IS NULL OR a.mast_class = ANY (f.classes))
     AND (f.min_h IS NULL OR a.mast_height_m >= f.min_h)
     AND (f.max_h IS NULL OR a.mast_height_m <= f.max_h)
     AND ${IN_AREA} AND ${IN_CHOSEN_DISTRICT}
) s WHERE s.districts IS NULL OR s."districtCode" = ANY (s.districts)`,
  pole: `
SELECT * FROM (
  SELECT a.id, a.version, a.owner_carrier_id AS "carrierId",
         district_at(a.province_code, a.geom, ${TODAY}) AS "districtCode",
         a.code AS label, ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat, f.districts
    FROM f JOIN poles a ON a.province_code = f.province
   WHERE (f.carriers IS NULL OR a.owner_carrier_id = ANY (f.carriers) OR a.carrier_ids && f.carriers)
     AND ${IN_AREA} AND ${IN_CHOSEN_DISTRICT}
) s WHERE s.districts IS NULL OR s."districtCode" = ANY (s.districts)`,
  // A route is in a chosen district when some of its length lies there (its split by the units in force today);
  // it is counted in the chosen district holding most of it, else in the district holding most of it.
  cable_route: `
SELECT a.id, a.version, a.carrier_ids[1] AS "carrierId", d.code AS "districtCode",
       a.name AS label, ST_X(p.pt) AS lon, ST_Y(p.pt) AS lat
  FROM f JOIN cable_routes a ON a.province_code = f.province
  CROSS JOIN LATERAL (SELECT ST_PointOnSurface(a.geom) AS pt) p
  LEFT JOIN LATERAL (
    SELECT l.district_code AS code FROM route_district_lengths l JOIN units_in_force(${TODAY}) u ON u.id = l.unit_id
     WHERE l.route_id = a.id
     ORDER BY coalesce(l.district_code = ANY (f.districts), false) DESC, l.length_m DESC, l.district_code LIMIT 1
  ) d ON true
 WHERE a.status = ANY (coalesce(f.states, ARRAY['completed', 'accepted']))
   AND (f.kinds IS NULL OR a.kind = ANY (f.kinds))
   AND (f.carriers IS NULL OR a.carrier_ids && f.carriers)
   AND ${IN_AREA}
   AND (f.districts IS NULL OR EXISTS (
     SELECT 1 FROM route_district_lengths l JOIN units_in_force(${TODAY}) u ON u.id = l.unit_id
      WHERE l.route_id = a.id AND l.district_code = ANY (f.districts) AND l.length_m > 0))`,
}

/** How many assets the selection holds, by district, and a sample of them with every point (up to $10). */
export const PREVIEW = (kind: AssetKind) => `
WITH ${FILTER}, sel AS MATERIALIZED (${SELECTED[kind]})
SELECT (SELECT count(*) FROM sel) AS count,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.code NULLS LAST), '[]') FROM (
     SELECT sel."districtCode" AS code, district_name(sel."districtCode", ${TODAY}) AS name, count(*) AS count
       FROM sel GROUP BY sel."districtCode") x) AS "byDistrict",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.id), '[]') FROM (
     SELECT sel.id, sel.label, sel."districtCode", c.short_name AS carrier, round(sel.lon::numeric, 7) AS lon,
            round(sel.lat::numeric, 7) AS lat
       FROM sel LEFT JOIN carriers c ON c.id = sel."carrierId" ORDER BY sel.id LIMIT 20) x) AS sample,
  (SELECT coalesce(jsonb_agg(jsonb_build_array(round(x.lon::numeric, 6), round(x.lat::numeric, 6))), '[]')
     FROM (SELECT sel.lon, sel.lat FROM sel ORDER BY sel.id LIMIT $10) x) AS points`

/** The assets to generate inspections for, grouped by district (the round-robin reads them in this order). */
export const SELECT_ASSETS = (kind: AssetKind) => `
WITH ${FILTER}
SELECT s.id, s.version, s."carrierId", s."districtCode" FROM (${SELECTED[kind]}) s
 ORDER BY s."districtCode" NULLS LAST, s.id`

const CAMPAIGN_COLUMNS = `
  c.id, c.province_code AS "provinceCode", c.name, c.description, c.asset_kind AS "assetKind",
  c.starts_on AS "startsOn", c.ends_on AS "endsOn",
  jsonb_build_object('districtCodes', c.district_codes, 'area', ST_AsGeoJSON(c.area, 7)::jsonb,
                     'mastClasses', c.mast_classes, 'minHeightM', c.min_height_m, 'maxHeightM', c.max_height_m,
                     'carrierIds', c.carrier_ids, 'states', c.states, 'routeKinds', c.route_kinds) AS selection,
  c.state, c.inspector_ids AS "inspectorIds", c.due_on AS "dueOn", c.generated_at AS "generatedAt",
  c.inspection_count AS "inspectionCount", c.version, c.created_at AS "createdAt",
  (SELECT u.display_name FROM users u WHERE u.id = c.created_by) AS "createdBy"`

/** Progress figures of one campaign `c` (over its inspections, index on campaign_id). */
const PROGRESS = `
  (SELECT jsonb_build_object('total', count(*), 'done', count(*) FILTER (WHERE i.state = 'recorded'),
                             'remaining', count(*) FILTER (WHERE i.state = 'assigned'))
     FROM inspections i WHERE i.campaign_id = c.id AND i.state <> 'cancelled') AS progress`

/**
 * $1 province, $2 inspector (NULL: every campaign of the province): the campaigns, latest first; an inspector
 * sees those in which an inspection is assigned to them, with their own share.
 */
export const LIST_CAMPAIGNS = `
SELECT ${CAMPAIGN_COLUMNS}, ${PROGRESS},
  CASE WHEN $2::int IS NOT NULL THEN (
    SELECT jsonb_build_object('total', count(*), 'remaining', count(*) FILTER (WHERE i.state = 'assigned'))
      FROM inspections i WHERE i.campaign_id = c.id AND i.inspector_id = $2 AND i.state <> 'cancelled')
  END AS mine
  FROM campaigns c
 WHERE c.province_code = $1
   AND ($2::int IS NULL OR EXISTS (SELECT 1 FROM inspections i WHERE i.campaign_id = c.id AND i.inspector_id = $2))
 ORDER BY c.starts_on DESC, c.id DESC`

/** $1 id, $2 province: one campaign. */
export const CAMPAIGN_BY_ID = `
SELECT ${CAMPAIGN_COLUMNS}, ${PROGRESS} FROM campaigns c WHERE c.id = $1 AND c.province_code = $2`

/** $1 campaign, $2 inspector: whether an inspection of the campaign is assigned to the inspector. */
export const INSPECTOR_IN_CAMPAIGN = `
SELECT 1 AS yes FROM inspections WHERE campaign_id = $1 AND inspector_id = $2 LIMIT 1`

/** $1 id, $2 province: the campaign's selection and state, locked until the transaction ends (generation). */
export const LOCK_CAMPAIGN = `
SELECT id, state, asset_kind AS "assetKind", starts_on AS "startsOn", ends_on AS "endsOn",
       district_codes AS "districtCodes", ST_AsGeoJSON(area) AS area, carrier_ids AS "carrierIds", states,
       mast_classes AS "mastClasses", min_height_m AS "minHeightM", max_height_m AS "maxHeightM",
       route_kinds AS "routeKinds", ${TODAY}::text AS today
  FROM campaigns WHERE id = $1 AND province_code = $2 FOR UPDATE`

/** $1 province, $2 name, $3 description, $4 asset kind, $5 start, $6 end, $7–$14 the selection, $15 officer. */
export const INSERT_CAMPAIGN = `
INSERT INTO campaigns (province_code, name, description, asset_kind, starts_on, ends_on, district_codes, area,
                       carrier_ids, states, mast_classes, min_height_m, max_height_m, route_kinds, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($8::text), 4326)), $9, $10, $11, $12,
        $13, $14, $15)
RETURNING id`

/** $1 campaign, $2 inspectors, $3 due date, $4 officer, $5 how many inspections: the campaign is generated. */
export const MARK_GENERATED = `
UPDATE campaigns SET state = 'generated', inspector_ids = $2, due_on = $3, generated_by = $4, generated_at = now(),
       inspection_count = $5, version = version + 1, updated_at = now()
 WHERE id = $1 AND state = 'draft'`

/** $1 campaign, $2 inspection ids, $3 their districts: the district each generated inspection is counted in. */
export const INSERT_CAMPAIGN_INSPECTIONS = `
INSERT INTO campaign_inspections (inspection_id, campaign_id, district_code)
SELECT x.id, $1, x.district FROM unnest($2::bigint[], $3::text[]) AS x (id, district)`

/** $1 user ids: those that are active inspectors. */
export const ACTIVE_INSPECTORS_AMONG = `
SELECT id FROM users WHERE id = ANY ($1::int[]) AND role = 'inspector' AND active`

/** Every active inspector, by name (the officer picks from them). */
export const LIST_INSPECTORS = `
SELECT id, username, display_name AS "displayName" FROM users WHERE role = 'inspector' AND active
 ORDER BY display_name, id`

/** $1 district codes, $2 province: those of the codes that name a district in force today. */
export const DISTRICTS_IN_FORCE = `
SELECT coalesce(array_agg(u.code), '{}') AS codes FROM units_in_force(${TODAY}) u
 WHERE u.level = 'district' AND u.province_code = $2 AND u.code = ANY ($1::text[])`

// The dashboard: counts over the campaign's inspections (not cancelled) in one scan, so they cannot disagree.
const COUNTS = `count(*) AS total,
  count(*) FILTER (WHERE d.state = 'recorded') AS done,
  count(*) FILTER (WHERE d.verdict = 'compliant') AS compliant,
  count(*) FILTER (WHERE d.verdict = 'violation') AS violations,
  count(*) FILTER (WHERE d.verdict = 'no_access') AS "noAccess",
  count(*) FILTER (WHERE d.overdue) AS overdue,
  count(*) FILTER (WHERE d.state = 'assigned') AS remaining`

/** $1 campaign: the totals, by district (name in force today) and by inspector. */
export const DASHBOARD = `
WITH d AS MATERIALIZED (
  SELECT i.state, i.verdict, i.inspector_id, ci.district_code, (i.state = 'assigned' AND i.due_on < ${TODAY}) AS overdue
    FROM inspections i LEFT JOIN campaign_inspections ci ON ci.inspection_id = i.id
   WHERE i.campaign_id = $1 AND i.state <> 'cancelled'
)
SELECT ${TODAY}::text AS "asOf",
  (SELECT to_jsonb(x) FROM (SELECT ${COUNTS} FROM d) x) AS totals,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.code NULLS LAST), '[]') FROM (
     SELECT d.district_code AS code, district_name(d.district_code, ${TODAY}) AS name, ${COUNTS}
       FROM d GROUP BY d.district_code) x) AS "byDistrict",
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.name, x.id), '[]') FROM (
     SELECT d.inspector_id AS id, u.display_name AS name, ${COUNTS}
       FROM d LEFT JOIN users u ON u.id = d.inspector_id GROUP BY d.inspector_id, u.display_name) x) AS "byInspector"`

/** $1 carrier ids: those that exist. */
export const KNOWN_CARRIERS = `SELECT coalesce(array_agg(id), '{}') AS ids FROM carriers WHERE id = ANY ($1::int[])`
