// Every statement of the inspections domain (migration 150). Values are bind parameters; the only text put into
// a statement is the scope condition built by access.ts from fixed fragments.

/** An instant as ISO 8601 in UTC ('…Z'), as JSON answers write instants, whatever the session's time zone. */
const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** Today in Vietnam, as SQL (a deadline is a Vietnamese day). */
const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/**
 * The asset an inspection names, as the API shows it, over a relation `r` with columns `kind` and `id` and the
 * province in `$province`: its current version, responsible carrier, label, a point to walk to, the approved
 * record and the geometry (for the position comparison). A station's draft is nobody's asset yet.
 */
const assetLateral = (r: string, province: string) => `
LEFT JOIN LATERAL (
  SELECT s.version, s.carrier_id, s.site_code AS label, s.geom, s.geom AS point, s.state,
         jsonb_build_object('mastClass', s.mast_class, 'heightM', s.mast_height_m, 'state', s.state,
           'name', s.name, 'address', s.address,
           'operators', (SELECT coalesce(jsonb_agg(c.short_name ORDER BY c.short_name), '[]')
                           FROM carriers c WHERE c.id = s.carrier_id OR c.id = ANY (s.shared_carrier_ids))) AS approved
    FROM stations s
   WHERE ${r}.kind = 'station' AND s.id = ${r}.id AND s.province_code = ${province} AND s.state <> 'draft'
  UNION ALL
  SELECT p.version, p.owner_carrier_id, p.code, p.geom, p.geom, NULL,
         jsonb_build_object('code', p.code,
           'operators', (SELECT coalesce(jsonb_agg(c.short_name ORDER BY c.short_name), '[]')
                           FROM carriers c WHERE c.id = ANY (p.carrier_ids)))
    FROM poles p
   WHERE ${r}.kind = 'pole' AND p.id = ${r}.id AND p.province_code = ${province}
  UNION ALL
  SELECT c.version, c.carrier_ids[1], c.name, c.geom, ST_PointOnSurface(c.geom), c.status,
         jsonb_build_object('kind', c.kind, 'status', c.status, 'street', c.street, 'lengthM', round(c.length_m),
           'completedOn', c.completed_on,
           'operators', (SELECT coalesce(jsonb_agg(k.short_name ORDER BY k.short_name), '[]')
                           FROM carriers k WHERE k.id = ANY (c.carrier_ids)))
    FROM cable_routes c
   WHERE ${r}.kind = 'cable_route' AND c.id = ${r}.id AND c.province_code = ${province}
  UNION ALL
  SELECT d.version, c.carrier_ids[1], c.name, c.geom, ST_PointOnSurface(c.geom), c.status,
         jsonb_build_object('ducts', d.ducts, 'tubesPerDuct', d.tubes_per_duct, 'lengthM', round(c.length_m))
    FROM duct_capacities d JOIN cable_routes c ON c.id = d.route_id
   WHERE ${r}.kind = 'duct' AND d.route_id = ${r}.id AND c.province_code = ${province}
) a ON true
LEFT JOIN carriers ac ON ac.id = a.carrier_id`

/** The asset's JSON as the API shows it (over the lateral `a` and its carrier `ac`). */
const ASSET_JSON = `
CASE WHEN a.version IS NULL THEN NULL ELSE jsonb_build_object(
  'label', a.label, 'lon', round(ST_X(a.point)::numeric, 7), 'lat', round(ST_Y(a.point)::numeric, 7),
  'version', a.version, 'carrierId', a.carrier_id, 'carrierName', ac.name, 'approved', a.approved) END`

/** An inspection's columns as the API shows them, over `inspections i`, the lateral `a`, and inspector `u`. */
const COLUMNS = `
i.id, i.province_code AS "provinceCode", i.asset_kind AS "assetKind", i.asset_id AS "assetId",
i.asset_version AS "assetVersion", ${ASSET_JSON} AS asset, i.purpose, i.campaign_id AS "campaignId",
(SELECT c.name FROM campaigns c WHERE c.id = i.campaign_id) AS "campaignName",
i.ticket_id AS "ticketId", i.carrier_id AS "carrierId", i.inspector_id AS "inspectorId",
u.display_name AS "inspectorName", i.due_on AS "dueOn", i.state, i.verdict, i.violations, i.measured, i.answers,
i.checklist_version AS "checklistVersion",
CASE WHEN i.position IS NULL THEN NULL
     ELSE jsonb_build_object('lon', round(ST_X(i.position)::numeric, 7), 'lat', round(ST_Y(i.position)::numeric, 7))
END AS position,
i.position_offset_m AS "positionOffsetM", i.note, i.follow_up_due AS "followUpDue", i.client_id AS "clientId",
i.recorded_at AS "recordedAt", i.synced_at AS "syncedAt", i.created_at AS "createdAt", i.version,
(SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'source', p.source, 'mediaType', p.media_type,
          'takenAt', ${isoUtc('p.taken_at')},
          'lon', round(ST_X(p.geom)::numeric, 7), 'lat', round(ST_Y(p.geom)::numeric, 7),
          'url', '/api/inspections/photos/' || p.id) ORDER BY p.id), '[]')
   FROM inspection_photos p WHERE p.inspection_id = i.id) AS photos,
(SELECT jsonb_build_object('id', f.id, 'dueOn', f.due_on, 'state', f.state,
          'overdue', f.state = 'open' AND f.due_on < ${TODAY}, 'answer', f.answer,
          'answeredAt', ${isoUtc('f.answered_at')},
          'answerPhotoId', f.answer_photo_id, 'recheckInspectionId', f.recheck_inspection_id,
          'closedAt', ${isoUtc('f.closed_at')}, 'version', f.version)
   FROM inspection_follow_ups f WHERE f.inspection_id = i.id) AS "followUp"`

/**
 * One page of inspections in scope. $1 province, then the scope's parameters ($2 user id, $3 carrier id), $4 only
 * the user's own assignments, $5 state, $6 asset kind, $7 asset id, $8 campaign, $9 limit, $10 offset. The page's
 * ids are chosen first (over the inspections alone, with the total); only they get their asset, photos, follow-up.
 */
export const listInspections = (scope: string) => `
WITH page AS (
  SELECT i.id, count(*) OVER () AS total, CASE WHEN i.state = 'assigned' THEN 0 ELSE 1 END AS k1,
         CASE WHEN i.state = 'assigned' THEN i.due_on END AS k2, i.recorded_at AS k3
    FROM inspections i
   CROSS JOIN (SELECT $2::int AS uid, $3::int AS cid) me
   WHERE i.province_code = $1 AND ${scope}
     AND (NOT $4::boolean OR i.inspector_id = me.uid)
     AND ($5::text IS NULL OR i.state = $5) AND ($6::text IS NULL OR i.asset_kind = $6)
     AND ($7::bigint IS NULL OR i.asset_id = $7) AND ($8::bigint IS NULL OR i.campaign_id = $8)
   ORDER BY k1, k2, k3 DESC NULLS LAST, i.id DESC
   LIMIT $9 OFFSET $10
)
SELECT ${COLUMNS}, p.total
FROM page p
JOIN inspections i ON i.id = p.id
CROSS JOIN LATERAL (SELECT i.asset_kind AS kind, i.asset_id AS id) r
${assetLateral('r', '$1').trim()}
LEFT JOIN users u ON u.id = i.inspector_id
ORDER BY p.k1, p.k2, p.k3 DESC NULLS LAST, p.id DESC`

/** One inspection in scope: $1 province, $2 user id, $3 carrier id, $4 inspection. */
export const selectInspection = (scope: string) => `
SELECT ${COLUMNS}
FROM inspections i
CROSS JOIN (SELECT $2::int AS uid, $3::int AS cid) me
CROSS JOIN LATERAL (SELECT i.asset_kind AS kind, i.asset_id AS id) r
${assetLateral('r', '$1').trim()}
LEFT JOIN users u ON u.id = i.inspector_id
WHERE i.province_code = $1 AND i.id = $4 AND ${scope}`

/** Recorded inspections of one asset, newest first: $1 province, $2 user, $3 carrier, $4 kind, $5 asset id. */
export const assetHistory = (scope: string) => `
SELECT ${COLUMNS}
FROM inspections i
CROSS JOIN (SELECT $2::int AS uid, $3::int AS cid) me
CROSS JOIN LATERAL (SELECT i.asset_kind AS kind, i.asset_id AS id) r
${assetLateral('r', '$1').trim()}
LEFT JOIN users u ON u.id = i.inspector_id
WHERE i.province_code = $1 AND i.asset_kind = $4 AND i.asset_id = $5 AND ${scope}
ORDER BY i.recorded_at DESC NULLS LAST, i.id DESC
LIMIT 200`

/** The asset itself, whatever inspection names it: $1 province, $2 kind, $3 id. */
export const SELECT_ASSET = `
SELECT a.version, a.carrier_id AS "carrierId", ${ASSET_JSON} AS asset, a.state
FROM (SELECT $2::text AS kind, $3::bigint AS id) r
${assetLateral('r', '$1').trim()}`

/**
 * The assets of many new inspections at once, in the order given: $1 province, $2 kinds, $3 ids. A row with a NULL
 * version names no asset of the province.
 */
export const ASSETS_OF = `
SELECT r.n, r.kind, r.id, a.version, a.carrier_id AS "carrierId"
FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS r(kind, id, n)
${assetLateral('r', '$1').trim()}
ORDER BY r.n`

/** The active inspectors, with how many open inspections of the province each holds: $1 province. */
export const INSPECTORS = `
SELECT u.id, u.display_name AS "displayName", u.username,
       (SELECT count(*) FROM inspections i
         WHERE i.inspector_id = u.id AND i.province_code = $1 AND i.state = 'assigned')::int AS open
  FROM users u WHERE u.role = 'inspector' AND u.active
 ORDER BY u.display_name, u.id`

/** Of $1 user ids, those of active inspectors. */
export const ACTIVE_INSPECTORS = `
SELECT id FROM users WHERE id = ANY ($1::int[]) AND role = 'inspector' AND active`

/**
 * Creates inspections from JSON rows {assetKind, assetId, assetVersion, purpose, campaignId, ticketId, carrierId,
 * inspectorId, dueOn}: $1 province, $2 rows, $3 creator. Answers their ids in the order given.
 */
export const INSERT_INSPECTIONS = `
INSERT INTO inspections (province_code, asset_kind, asset_id, asset_version, purpose, campaign_id, ticket_id,
                         carrier_id, inspector_id, due_on, created_by)
SELECT $1, e.r->>'assetKind', (e.r->>'assetId')::bigint, (e.r->>'assetVersion')::int, e.r->>'purpose',
       (e.r->>'campaignId')::bigint, (e.r->>'ticketId')::bigint, (e.r->>'carrierId')::int,
       (e.r->>'inspectorId')::int, (e.r->>'dueOn')::date, $3
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(r, n)
 ORDER BY e.n
RETURNING id`

/** The open post-construction inspection of an asset, if any: $1 kind, $2 asset id. */
export const OPEN_POST_CONSTRUCTION = `
SELECT id, inspector_id AS "inspectorId", version FROM inspections
 WHERE asset_kind = $1 AND asset_id = $2 AND purpose = 'post_construction' AND state = 'assigned'`

/** Cancels the open post-construction inspection of an asset: $1 kind, $2 asset id. Answers what it cancelled. */
export const CANCEL_OPEN_POST_CONSTRUCTION = `
UPDATE inspections SET state = 'cancelled', version = version + 1
 WHERE asset_kind = $1 AND asset_id = $2 AND purpose = 'post_construction' AND state = 'assigned'
RETURNING id, inspector_id AS "inspectorId"`

/** Locks an inspection for a write: $1 inspection, $2 province. */
export const LOCK_INSPECTION = `
SELECT id, asset_kind AS "assetKind", asset_id AS "assetId", asset_version AS "assetVersion", purpose,
       carrier_id AS "carrierId", inspector_id AS "inspectorId", state, verdict, client_id AS "clientId",
       due_on AS "dueOn", version
  FROM inspections WHERE id = $1 AND province_code = $2 FOR UPDATE`

/** Which inspection a device's record id was used for: $1 client id. */
export const INSPECTION_BY_CLIENT_ID = `SELECT id FROM inspections WHERE client_id = $1`

/** (Re)assigns an assigned inspection: $1 id, $2 version, $3 inspector, $4 due date. */
export const ASSIGN_INSPECTION = `
UPDATE inspections SET inspector_id = $3, due_on = $4, version = version + 1
 WHERE id = $1 AND version = $2 AND state = 'assigned'
RETURNING id`

/** Cancels an assigned inspection: $1 id, $2 version. */
export const CANCEL_INSPECTION = `
UPDATE inspections SET state = 'cancelled', version = version + 1
 WHERE id = $1 AND version = $2 AND state = 'assigned'
RETURNING id`

/** The province's inspection rule values, or the defaults (province '00'): $1 province. */
export const RULES = `
SELECT province_code AS "provinceCode", height_tolerance_m AS "heightToleranceM",
       position_tolerance_m AS "positionToleranceM", max_sag_cm AS "maxSagCm", follow_up_days AS "followUpDays",
       recheck_days AS "recheckDays"
  FROM inspection_rules WHERE province_code IN ($1, '00')
 ORDER BY province_code = $1 DESC LIMIT 1`

/**
 * Saves the province's rule values: $1 province, $2 height tolerance, $3 position tolerance, $4 largest sag,
 * $5 follow-up days, $6 re-check days, $7 user.
 */
export const UPSERT_RULES = `
INSERT INTO inspection_rules (province_code, height_tolerance_m, position_tolerance_m, max_sag_cm, follow_up_days,
                              recheck_days, updated_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, now())
ON CONFLICT (province_code) DO UPDATE
   SET height_tolerance_m = excluded.height_tolerance_m, position_tolerance_m = excluded.position_tolerance_m,
       max_sag_cm = excluded.max_sag_cm, follow_up_days = excluded.follow_up_days,
       recheck_days = excluded.recheck_days, updated_by = excluded.updated_by, updated_at = now()`

/** The checklist of a kind for the province, or the default one: $1 province, $2 kind. */
export const CHECKLIST = `
SELECT province_code AS "provinceCode", asset_kind AS "assetKind", items, version, updated_at AS "updatedAt"
  FROM inspection_checklists WHERE province_code IN ($1, '00') AND asset_kind = $2
 ORDER BY province_code = $1 DESC LIMIT 1`

/** Every kind's checklist for the province (its own row or the default): $1 province. */
export const CHECKLISTS = `
SELECT DISTINCT ON (asset_kind) province_code AS "provinceCode", asset_kind AS "assetKind", items, version,
       updated_at AS "updatedAt"
  FROM inspection_checklists WHERE province_code IN ($1, '00')
 ORDER BY asset_kind, province_code = $1 DESC`

/**
 * Saves the province's checklist of a kind: $1 province, $2 kind, $3 items, $4 the version read (the default's
 * when the province has none yet), $5 user. Answers nothing when someone saved it meanwhile.
 */
export const SAVE_CHECKLIST = `
INSERT INTO inspection_checklists AS c (province_code, asset_kind, items, version, updated_by, updated_at)
VALUES ($1, $2, $3, $4 + 1, $5, now())
ON CONFLICT (province_code, asset_kind) DO UPDATE
   SET items = excluded.items, version = c.version + 1, updated_by = excluded.updated_by, updated_at = now()
 WHERE c.version = $4
RETURNING version`

/**
 * The measured position's distance to the asset's recorded geometry, on the ellipsoid, in centimetres-rounded
 * metres (numeric, so the comparison with the tolerance is exact): $1 province, $2 kind, $3 id, $4 lon, $5 lat.
 */
export const POSITION_OFFSET = `
SELECT round(ST_Distance(a.geom::geography, ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography)::numeric, 2) AS m
FROM (SELECT $2::text AS kind, $3::bigint AS id) r
${assetLateral('r', '$1').trim()}`

/**
 * Records the result: $1 id, $2 verdict, $3 violations, $4 measured, $5 answers, $6 checklist version, $7 lon,
 * $8 lat, $9 offset m, $10 note, $11 follow-up due, $12 client id, $13 recorded at, $14 recorder, $15 the asset
 * version seen.
 */
export const RECORD_RESULT = `
UPDATE inspections
   SET state = 'recorded', verdict = $2, violations = $3, measured = $4, answers = $5, checklist_version = $6,
       position = CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($7, $8), 4326) END,
       position_offset_m = $9, note = $10, follow_up_due = $11, client_id = $12, recorded_at = $13,
       recorded_by = $14, asset_version = $15, synced_at = now(), version = version + 1
 WHERE id = $1 AND state = 'assigned'
RETURNING id`

/** A day N days after today in Vietnam: $1 days. */
export const DAYS_FROM_TODAY = `SELECT (${TODAY} + $1::int)::text AS day`

/** Opens the follow-up of a violation: $1 province, $2 inspection, $3 carrier, $4 due date. */
export const INSERT_FOLLOW_UP = `
INSERT INTO inspection_follow_ups (province_code, inspection_id, carrier_id, due_on)
VALUES ($1, $2, $3, $4) RETURNING id`

/** Closes the follow-up re-checked by inspection $1. */
export const CLOSE_RECHECKED = `
UPDATE inspection_follow_ups SET state = 'closed', closed_at = now(), version = version + 1
 WHERE recheck_inspection_id = $1 AND state <> 'closed'
RETURNING id, inspection_id AS "inspectionId"`

const FOLLOW_UP_COLUMNS = `
f.id, f.inspection_id AS "inspectionId", f.carrier_id AS "carrierId", ac.name AS "carrierName", f.due_on AS "dueOn",
f.state, f.state = 'open' AND f.due_on < ${TODAY} AS overdue, f.answer, f.answer_photo_id AS "answerPhotoId",
f.answered_at AS "answeredAt", f.recheck_inspection_id AS "recheckInspectionId", f.closed_at AS "closedAt",
f.version, f.created_at AS "createdAt", i.asset_kind AS "assetKind", i.asset_id AS "assetId",
i.violations, i.recorded_at AS "recordedAt", u.display_name AS "inspectorName", i.inspector_id AS "inspectorId"`

/**
 * Follow-ups in scope (the scope is over their inspection `i`): $1 province, $2 user, $3 carrier, $4 only overdue,
 * $5 state, $6 limit, $7 offset. Overdue first, by due date.
 */
export const listFollowUps = (scope: string) => `
SELECT ${FOLLOW_UP_COLUMNS}, count(*) OVER () AS total
  FROM inspection_follow_ups f
  CROSS JOIN (SELECT $2::int AS uid, $3::int AS cid) me
  JOIN inspections i ON i.id = f.inspection_id
  LEFT JOIN carriers ac ON ac.id = f.carrier_id
  LEFT JOIN users u ON u.id = i.inspector_id
 WHERE f.province_code = $1 AND ${scope}
   AND (NOT $4::boolean OR (f.state = 'open' AND f.due_on < ${TODAY}))
   AND ($5::text IS NULL OR f.state = $5)
 ORDER BY f.state = 'closed', f.due_on, f.id
 LIMIT $6 OFFSET $7`

/** Locks one follow-up in scope: $1 province, $2 user, $3 carrier, $4 follow-up. */
export const lockFollowUp = (scope: string) => `
SELECT ${FOLLOW_UP_COLUMNS}, i.province_code AS "provinceCode", i.recorded_by AS "recordedBy"
  FROM inspection_follow_ups f
  CROSS JOIN (SELECT $2::int AS uid, $3::int AS cid) me
  JOIN inspections i ON i.id = f.inspection_id
  LEFT JOIN carriers ac ON ac.id = f.carrier_id
  LEFT JOIN users u ON u.id = i.inspector_id
 WHERE f.province_code = $1 AND f.id = $4 AND ${scope}
   FOR UPDATE OF f`

/** The carrier's answer: $1 follow-up, $2 version, $3 text, $4 photo, $5 user, $6 re-check inspection. */
export const ANSWER_FOLLOW_UP = `
UPDATE inspection_follow_ups
   SET state = 'answered', answer = $3, answer_photo_id = $4, answered_at = now(), answered_by = $5,
       recheck_inspection_id = $6, version = version + 1
 WHERE id = $1 AND version = $2 AND state = 'open'
RETURNING id`

/** How many photos an inspection holds: $1 inspection (read under its lock). */
export const COUNT_PHOTOS = `SELECT count(*)::int AS n FROM inspection_photos WHERE inspection_id = $1`

/** A photo by the device's id: $1 client id. */
export const PHOTO_BY_CLIENT_ID = `
SELECT p.id, p.inspection_id AS "inspectionId", p.taken_at AS "takenAt",
       round(ST_X(p.geom)::numeric, 7) AS lon, round(ST_Y(p.geom)::numeric, 7) AS lat
  FROM inspection_photos p WHERE p.client_id = $1`

/**
 * Stores a photo: $1 province, $2 inspection, $3 source, $4 client id, $5 media type, $6 size, $7 SHA-256,
 * $8 bytes, $9 taken at, $10 lon, $11 lat, $12 uploader.
 */
export const INSERT_PHOTO = `
INSERT INTO inspection_photos (province_code, inspection_id, source, client_id, media_type, byte_size, sha256,
                               content, taken_at, geom, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
        CASE WHEN $10::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($10, $11), 4326) END, $12)
RETURNING id, taken_at AS "takenAt", round(ST_X(geom)::numeric, 7) AS lon, round(ST_Y(geom)::numeric, 7) AS lat`

/** A photo's bytes and its inspection: $1 photo, $2 province. */
export const SELECT_PHOTO = `
SELECT inspection_id AS "inspectionId", media_type AS "mediaType", source, content
  FROM inspection_photos WHERE id = $1 AND province_code = $2`

/** A carrier's photo of an inspection not yet named by an answer: $1 photo, $2 inspection. */
export const ANSWER_PHOTO = `
SELECT id FROM inspection_photos WHERE id = $1 AND inspection_id = $2 AND source = 'carrier'`
