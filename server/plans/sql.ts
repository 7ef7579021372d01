// Every statement of the plans domain. Values are bind parameters; parameters are numbered in each comment.
// Who may see what is decided here once, in VISIBLE_VERSION: an officer (viewer carrier NULL) sees every
// version, a carrier its own plans' versions and the approved versions of other carriers' plans.

const PLAN_COLUMNS = `p.id, p.carrier_id AS "carrierId", c.name AS "carrierName", p.title,
  p.period_from AS "periodFrom", p.period_to AS "periodTo", p.created_at AS "createdAt"`

// $1 viewer's carrier id (NULL: staff); columns p (plans) and v (plan_versions) in scope.
const VISIBLE_VERSION = `($1::int IS NULL OR p.carrier_id = $1::int OR v.state = 'approved')`

// $1 province, $2 carrier, $3 title, $4 first year, $5 last year, $6 user.
export const INSERT_PLAN = `
INSERT INTO plans (province_code, carrier_id, title, period_from, period_to, created_by)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`

// $1 viewer's carrier (NULL: staff), $2 province. Plans with at least one version the viewer may see, or the
// viewer's own (an empty plan too); the latest visible version's number and state.
export const LIST_PLANS = `
SELECT ${PLAN_COLUMNS}, lv.number AS "latestNumber", lv.state AS "latestState"
  FROM plans p JOIN carriers c ON c.id = p.carrier_id
  LEFT JOIN LATERAL (
    SELECT v.number, v.state FROM plan_versions v WHERE v.plan_id = p.id AND ${VISIBLE_VERSION}
     ORDER BY v.number DESC LIMIT 1) lv ON true
 WHERE p.province_code = $2 AND (lv.number IS NOT NULL OR $1::int IS NULL OR p.carrier_id = $1::int)
 ORDER BY p.created_at DESC, p.id DESC`

// $1 viewer's carrier (NULL: staff), $2 province, $3 plan id. The plan when the viewer may see it.
export const GET_PLAN = `
SELECT ${PLAN_COLUMNS}
  FROM plans p JOIN carriers c ON c.id = p.carrier_id
 WHERE p.id = $3 AND p.province_code = $2
   AND ($1::int IS NULL OR p.carrier_id = $1::int
        OR EXISTS (SELECT 1 FROM plan_versions v WHERE v.plan_id = p.id AND v.state = 'approved'))`

// $1 plan id, $2 province. What an upload needs to know of the plan: owner, period, latest version.
export const UPLOAD_PLAN = `
SELECT p.id, p.carrier_id AS "carrierId", p.period_from AS "periodFrom", p.period_to AS "periodTo",
       (SELECT max(number) FROM plan_versions v WHERE v.plan_id = p.id) AS "latestNumber",
       (SELECT state FROM plan_versions v WHERE v.plan_id = p.id ORDER BY number DESC LIMIT 1) AS "latestState"
  FROM plans p WHERE p.id = $1 AND p.province_code = $2`

// $1 plan id, $2 province. The same, locking the plan for a new version (two uploads cannot take one number).
export const LOCK_PLAN = `${UPLOAD_PLAN} FOR UPDATE`

const VERSION_COLUMNS = `v.id, v.plan_id AS "planId", v.number, v.state, v.uploaded_at AS "uploadedAt",
  u.display_name AS "uploadedBy", v.source_name AS "sourceName", v.source_format AS "sourceFormat",
  v.feature_count AS "featureCount", v.site_count AS "siteCount", v.route_count AS "routeCount",
  v.area_count AS "areaCount", v.version, p.carrier_id AS "carrierId", v.decision_number AS "decisionNumber",
  v.decision_date::text AS "decisionDate"`

// $1 plan id, $2 number, $3 user, $4 file name, $5 format, $6–$9 counts of features, sites, routes, areas,
// $10 report (jsonb).
export const INSERT_VERSION = `
INSERT INTO plan_versions (plan_id, number, uploaded_by, source_name, source_format, feature_count, site_count,
                           route_count, area_count, report)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`

// $1 version id, $2 feature indexes, $3 keys, $4 mast classes, $5 heights, $6 years, $7 phases, $8 sharing,
// $9 attributes (json texts), $10 geometries (GeoJSON texts, through the gate and PostGIS's check already).
export const INSERT_SITES = `
INSERT INTO planned_sites (version_id, feature_index, site_key, mast_class, height_m, year, phase, sharing,
                           attributes, geom)
SELECT $1, i, k, c, h, y, ph, s, a::jsonb, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)
  FROM unnest($2::int[], $3::text[], $4::text[], $5::numeric[], $6::int[], $7::text[], $8::text[], $9::text[],
              $10::text[]) AS t(i, k, c, h, y, ph, s, a, g)`

// $1 version id, $2 feature indexes, $3 keys, $4 kinds, $5 years, $6 phases, $7 declared lengths (NULL: none),
// $8 attributes, $9 geometries. The length is ellipsoidal, measured once here (never in Web Mercator).
export const INSERT_ROUTES = `
INSERT INTO planned_routes (version_id, feature_index, route_key, kind, year, phase, length_m, declared_length_m,
                            length_source, attributes, geom)
SELECT $1, i, k, kd, y, ph, ST_Length(g::geography), dl, CASE WHEN dl IS NULL THEN 'geometry' ELSE 'declared' END,
       a::jsonb, g
  FROM (SELECT i, k, kd, y, ph, dl, a, ST_SetSRID(ST_GeomFromGeoJSON(gj), 4326) AS g
          FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::numeric[], $8::text[],
                      $9::text[]) AS t(i, k, kd, y, ph, dl, a, gj)) r`

// $1 version id, $2 feature indexes, $3 keys, $4 years, $5 phases, $6 attributes, $7 geometries.
export const INSERT_AREAS = `
INSERT INTO planned_areas (version_id, feature_index, area_key, year, phase, attributes, geom)
SELECT $1, i, k, y, ph, a::jsonb, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)
  FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS t(i, k, y, ph, a, g)`

// $1 viewer's carrier (NULL: staff), $2 province, $3 plan id. The versions the viewer may see, newest first.
export const LIST_VERSIONS = `
SELECT ${VERSION_COLUMNS}
  FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN users u ON u.id = v.uploaded_by
 WHERE v.plan_id = $3 AND p.province_code = $2 AND ${VISIBLE_VERSION}
 ORDER BY v.number DESC`

// $1 viewer's carrier (NULL: staff), $2 province, $3 plan id, $4 version number. One visible version and its report.
export const GET_VERSION = `
SELECT ${VERSION_COLUMNS}, v.report
  FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN users u ON u.id = v.uploaded_by
 WHERE v.plan_id = $3 AND p.province_code = $2 AND v.number = $4 AND ${VISIBLE_VERSION}`

// $1 version id. The version's features as one GeoJSON FeatureCollection (sites, routes, areas).
export const VERSION_FEATURES = `
WITH f AS (
  SELECT feature_index, json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 7)::json,
    'properties', json_build_object('kind', 'site', 'key', site_key, 'index', feature_index, 'mastClass', mast_class,
      'heightM', height_m::float8, 'year', year, 'phase', phase, 'sharing', sharing, 'attributes', attributes)) AS j
    FROM planned_sites WHERE version_id = $1
  UNION ALL
  SELECT feature_index, json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 7)::json,
    'properties', json_build_object('kind', 'route', 'key', route_key, 'index', feature_index, 'routeKind', kind,
      'year', year, 'phase', phase, 'lengthM', length_m::float8, 'declaredLengthM', declared_length_m::float8,
      'lengthSource', length_source, 'attributes', attributes))
    FROM planned_routes WHERE version_id = $1
  UNION ALL
  SELECT feature_index, json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 7)::json,
    'properties', json_build_object('kind', 'area', 'key', area_key, 'index', feature_index, 'year', year,
      'phase', phase, 'attributes', attributes))
    FROM planned_areas WHERE version_id = $1
)
SELECT json_build_object('type', 'FeatureCollection',
                         'features', coalesce(json_agg(j ORDER BY feature_index), '[]'::json)) AS collection
  FROM f`

// Attribute keys whose values differ between a and b (rows a and b in scope).
const CHANGED_ATTRIBUTES = `(SELECT array_agg('attributes.' || k ORDER BY k)
  FROM (SELECT jsonb_object_keys(a.attributes) AS k UNION SELECT jsonb_object_keys(b.attributes)) ks
 WHERE a.attributes -> k IS DISTINCT FROM b.attributes -> k)`

// How far the geometry moved: 0 when equal, else the largest distance (metres, ellipsoidal) from a vertex of
// either geometry to the other one (the vertex Hausdorff distance).
const MOVED_M = `CASE WHEN a.id IS NULL OR b.id IS NULL THEN NULL WHEN ST_Equals(a.geom, b.geom) THEN 0 ELSE
  greatest((SELECT max(ST_Distance(d.geom::geography, b.geom::geography)) FROM ST_DumpPoints(a.geom) d),
           (SELECT max(ST_Distance(d.geom::geography, a.geom::geography)) FROM ST_DumpPoints(b.geom) d)) END`

const diffOf = (table: string, kind: string, key: string, fields: [string, string][]) => `
SELECT '${kind}' AS kind, coalesce(a.${key}, b.${key}) AS key, a.feature_index AS "fromIndex",
       b.feature_index AS "toIndex", ${MOVED_M} AS "movedM",
       array_cat(array_remove(ARRAY[${fields
         .map(([column, name]) => `CASE WHEN a.${column} IS DISTINCT FROM b.${column} THEN '${name}' END`)
         .join(', ')}]::text[], NULL), coalesce(${CHANGED_ATTRIBUTES}, '{}')) AS changed,
       ${fields.map(([column, name]) => `a.${column} AS "${name}From", b.${column} AS "${name}To"`).join(', ')},
       a.attributes AS "attributesFrom", b.attributes AS "attributesTo",
       ST_AsGeoJSON(coalesce(b.geom, a.geom), 7)::json AS geometry
  FROM (SELECT * FROM ${table} WHERE version_id = $1) a
  FULL JOIN (SELECT * FROM ${table} WHERE version_id = $2) b ON a.${key} = b.${key}`

// $1 the earlier version id, $2 the later one. Every feature of either version, matched by the carrier's key
// (a feature without a key never matches: it is removed from a and added in b), with how far it moved and
// which fields changed; the caller applies the tolerance.
export const DIFF_SITES = diffOf('planned_sites', 'site', 'site_key', [
  ['mast_class', 'mastClass'],
  ['height_m::float8', 'heightM'],
  ['year', 'year'],
  ['phase', 'phase'],
  ['sharing', 'sharing'],
])
export const DIFF_ROUTES = diffOf('planned_routes', 'route', 'route_key', [
  ['kind', 'routeKind'],
  ['year', 'year'],
  ['phase', 'phase'],
  ['declared_length_m::float8', 'declaredLengthM'],
])
export const DIFF_AREAS = diffOf('planned_areas', 'area', 'area_key', [
  ['year', 'year'],
  ['phase', 'phase'],
])

// $1 plan id, $2 province, $3 version number. Locks one version for a state change.
export const LOCK_VERSION = `
SELECT v.id, v.state, v.version FROM plan_versions v JOIN plans p ON p.id = v.plan_id
 WHERE v.plan_id = $1 AND p.province_code = $2 AND v.number = $3 FOR UPDATE OF v`

// $1 version id, $2 the version (row lock) read, $3 next state, $4 decision number, $5 decision date, $6 user.
// Only the workflow's transition table decides $3 (server/plans/workflow.ts).
export const TRANSITION_VERSION = `
UPDATE plan_versions SET state = $3, decision_number = $4, decision_date = $5::date,
       decided_by = CASE WHEN $4::text IS NULL THEN NULL ELSE $6::int END, version = version + 1
 WHERE id = $1 AND version = $2 RETURNING id`

// $1 version id, $2 feature index (NULL: the whole version), $3 author, $4 text, $5 internal, $6 the comment it
// answers (NULL: none).
export const INSERT_COMMENT = `
INSERT INTO plan_comments (version_id, feature_index, author_id, body, internal, answers_id)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`

// $1 comment id, $2 plan id, $3 the answering version's number: a comment the carrier may answer there — the
// department's, not internal, on an earlier version of the same plan.
export const ANSWERABLE_COMMENT = `
SELECT c.id FROM plan_comments c JOIN plan_versions v ON v.id = c.version_id JOIN users u ON u.id = c.author_id
 WHERE c.id = $1 AND v.plan_id = $2 AND v.number < $3 AND NOT c.internal AND u.role <> 'carrier'`

// $1 version id, $2 whether internal comments are shown (staff only).
export const LIST_COMMENTS = `
SELECT c.id, c.feature_index AS "featureIndex", u.display_name AS author, u.role AS "authorRole", c.body,
       c.internal, c.created_at AS "createdAt", c.answers_id AS "answersId",
       (SELECT k FROM (SELECT site_key AS k FROM planned_sites
                        WHERE version_id = c.version_id AND feature_index = c.feature_index
                       UNION ALL SELECT route_key FROM planned_routes
                        WHERE version_id = c.version_id AND feature_index = c.feature_index
                       UNION ALL SELECT area_key FROM planned_areas
                        WHERE version_id = c.version_id AND feature_index = c.feature_index) f
         LIMIT 1) AS "featureKey"
  FROM plan_comments c JOIN users u ON u.id = c.author_id
 WHERE c.version_id = $1 AND ($2::boolean OR NOT c.internal)
 ORDER BY c.created_at, c.id`
