// SQL of the conversion programme. Values are bind parameters; the only varying text is the WHERE clause
// assembled in access.ts from fixed fragments.
import { VIETNAM_TZ } from '../time'

/** Today in Vietnam: due dates and completion dates are Vietnamese calendar days. */
export const TODAY = `(now() AT TIME ZONE '${VIETNAM_TZ}')::date`

/** The calendar day (Vietnam) an item was verified. */
export const VERIFIED_DAY = `(i.verified_at AT TIME ZONE '${VIETNAM_TZ}')::date`

export const ITEM_FROM = `conversion_items i
  JOIN conversion_programmes p ON p.id = i.programme_id
  JOIN conversion_phases ph ON ph.id = i.phase_id
  JOIN stations s ON s.id = i.station_id
  JOIN carriers c ON c.id = i.carrier_id`

/** The API shape of an item. */
export const ITEM_COLUMNS = `
  i.id, i.programme_id AS "programmeId",
  jsonb_build_object('id', ph.id, 'seq', ph.seq, 'name', ph.name, 'deadline', ph.deadline) AS phase,
  jsonb_build_object('id', s.id, 'siteCode', s.site_code, 'mastClass', s.mast_class, 'mastHeightM', s.mast_height_m,
                     'camouflageKind', s.camouflage_kind, 'districtCode', s.district_code,
                     'districtName', district_name(s.district_code, current_date)) AS station,
  ST_AsGeoJSON(s.geom, 7)::jsonb AS position,
  jsonb_build_object('id', c.id, 'shortName', c.short_name, 'name', c.name) AS carrier,
  i.kind, i.from_class AS "fromClass", i.from_height_m AS "fromHeightM",
  i.to_class AS "toClass", i.to_height_m AS "toHeightM", i.to_design AS "toDesign",
  (SELECT h.site_code FROM stations h WHERE h.id = i.host_station_id) AS "hostSiteCode",
  i.due_date AS "dueDate", i.status, i.status_since AS "statusSince",
  i.reported_at AS "reportedAt", i.measured_height_m AS "measuredHeightM", i.completed_on AS "completedOn", i.report_note AS "reportNote",
  i.verified_at AS "verifiedAt", i.verified_by AS "verifiedBy", i.inspected_height_m AS "inspectedHeightM", i.return_reasons AS "returnReasons",
  (SELECT count(*) FROM conversion_photos f WHERE f.item_id = i.id) AS "photoCount",
  (i.status <> 'verified' AND i.due_date < ${TODAY}) AS overdue,
  p.height_tolerance_m AS "heightToleranceM",
  i.version`

/**
 * Moves version $2 of item $1 to status $3 with what the step records: $4 measured height, $5 completion date,
 * $6 report note, $7 inspected height, $8 verifier, $9 return reasons (null keeps each).
 */
export const TRANSITION_ITEM = `
UPDATE conversion_items SET status = $3, status_since = now(), version = version + 1, updated_at = now(),
       measured_height_m = coalesce($4, measured_height_m),
       completed_on = coalesce($5::date, completed_on),
       report_note = CASE WHEN $3 = 'reported' THEN $6 ELSE report_note END,
       reported_at = CASE WHEN $3 = 'reported' THEN now() ELSE reported_at END,
       inspected_height_m = coalesce($7, inspected_height_m),
       verified_at = CASE WHEN $3 = 'verified' THEN now() ELSE verified_at END,
       verified_by = CASE WHEN $3 = 'verified' THEN $8 ELSE verified_by END,
       return_reasons = CASE WHEN $3 = 'returned' THEN $9::text[] WHEN $3 = 'reported' THEN '{}' ELSE return_reasons END
 WHERE id = $1 AND version = $2
RETURNING id`

/** $1 share item: the host station whose mast the item's carrier moves onto. */
export const HOST_OF_ITEM = `SELECT host_station_id AS id FROM conversion_items WHERE id = $1`

/** $1 item, $2 completion date: how many photos the item holds and whether the date is after today in Vietnam. */
export const REPORT_CHECKS = `
SELECT (SELECT count(*) FROM conversion_photos WHERE item_id = $1) AS n, $2::date > ${TODAY} AS future`

export const PROGRAMME_COLUMNS = `
  p.id, p.province_code AS "provinceCode", p.name, p.decision_no AS "decisionNo", p.decision_date AS "decisionDate",
  p.legal_basis AS "legalBasis", p.starts_on AS "startsOn", p.height_tolerance_m AS "heightToleranceM", p.version,
  coalesce((SELECT jsonb_agg(jsonb_build_object('id', ph.id, 'seq', ph.seq, 'name', ph.name, 'deadline', ph.deadline,
                                                'cumulativeTarget', ph.cumulative_target) ORDER BY ph.seq)
              FROM conversion_phases ph WHERE ph.programme_id = p.id), '[]') AS phases,
  (SELECT count(*) FROM conversion_items i WHERE i.programme_id = p.id) AS "itemCount"`

export const SELECT_PHOTOS = `
SELECT id, media_type AS "mediaType", byte_size AS "byteSize", uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"
  FROM conversion_photos WHERE item_id = $1 ORDER BY id`

export const SELECT_ITEM_HISTORY = `
SELECT at, actor_name AS "actorName", action, after->>'status' AS status, after->'returnReasons' AS "returnReasons"
  FROM audit_log WHERE entity = 'conversion_item' AND entity_id = $1 ORDER BY at, id`

/** $1 item: how many photos it holds (read after the item is locked, so no concurrent upload is missed). */
export const COUNT_ITEM_PHOTOS = `SELECT count(*)::int AS n FROM conversion_photos WHERE item_id = $1`

/** $1 station ids: how many conversion items are about those stations (their district is the station's). */
export const COUNT_ITEMS_OF_STATIONS = `
SELECT count(*) AS n FROM conversion_items WHERE station_id = ANY ($1::bigint[])`
