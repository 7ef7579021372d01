// Every statement of the conversion programme except the dashboard's (dashboard.ts). Values are bind parameters;
// the only varying text is the WHERE clause assembled in access.ts from fixed fragments.
import { metresToDegreesSql } from '../geo/degrees'
import { notDraft } from '../stations/access'
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
  i.reported_at AS "reportedAt", i.measured_height_m AS "measuredHeightM", i.completed_on AS "completedOn",
  i.report_note AS "reportNote", i.verified_at AS "verifiedAt", i.verified_by AS "verifiedBy",
  i.inspected_height_m AS "inspectedHeightM", i.return_reasons AS "returnReasons",
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

/** $1 date: whether it is after today in Vietnam. */
export const AFTER_TODAY = `SELECT $1::date > ${TODAY} AS future`

/** Item $1 and then the parameters of `scope` (access.ts), locked for a change when `lock`. */
export const itemById = (scope: string, lock: boolean) =>
  `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id = $1 AND ${scope}${lock ? ' FOR UPDATE OF i' : ''}`

/** A page of the items matching `where` (parameters $1…$n): $n+1 rows at most after $n+2, earliest due first. */
export const itemPage = (where: string, n: number) =>
  `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where} ORDER BY i.due_date, i.id LIMIT $${n + 1} OFFSET $${n + 2}`

/** How many items match `where`. */
export const countItems = (where: string) => `SELECT count(*) AS total FROM ${ITEM_FROM} WHERE ${where}`

/** The map layer of the items matching `where`: one GeoJSON point per item with what the style needs. */
export const itemLayer = (where: string) => `
SELECT jsonb_build_object('type', 'FeatureCollection', 'features', coalesce(jsonb_agg(jsonb_build_object(
         'type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(s.geom, 6)::jsonb,
         'properties', jsonb_build_object('id', i.id, 'siteCode', s.site_code, 'status', i.status, 'kind', i.kind,
           'carrier', c.short_name, 'phase', ph.seq, 'district', s.district_code, 'toHeightM', i.to_height_m,
           'measuredHeightM', i.measured_height_m, 'overdue', i.status <> 'verified' AND i.due_date < ${TODAY}))
       ORDER BY i.id), '[]'::jsonb)) AS fc
  FROM ${ITEM_FROM} WHERE ${where}`

/** Programme $1 of province $2, what the items need of it. */
export const PROGRAMME_BRIEF = `
SELECT id, height_tolerance_m AS "heightToleranceM", starts_on AS "startsOn"
  FROM conversion_programmes WHERE id = $1 AND province_code = $2`

/** The programmes of province $1, the longest-running first. */
export const LIST_PROGRAMMES = `
SELECT ${PROGRAMME_COLUMNS} FROM conversion_programmes p WHERE p.province_code = $1 ORDER BY p.starts_on, p.id`

/** Programme $1 of province $2 with its phases. */
export const PROGRAMME_BY_ID = `
SELECT ${PROGRAMME_COLUMNS} FROM conversion_programmes p WHERE p.id = $1 AND p.province_code = $2`

/** $1 province, $2 name, $3 decision number, $4 decision date, $5 legal basis, $6 start, $7 height tolerance. */
export const INSERT_PROGRAMME = `
INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, legal_basis, starts_on,
                                   height_tolerance_m)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id`

/** The phases of programme $1 in order: $2 names, $3 deadlines, $4 cumulative targets (arrays, paired). */
export const INSERT_PHASES = `
INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
SELECT $1, n, name, deadline, target
  FROM unnest($2::text[], $3::date[], $4::int[]) WITH ORDINALITY AS t(name, deadline, target, n)`

/** Sets the height tolerance of version $2 of programme $1 to $3. */
export const SET_TOLERANCE = `
UPDATE conversion_programmes SET height_tolerance_m = $3, version = version + 1 WHERE id = $1 AND version = $2`

/** Stores an after-photo of item $1: $2 media type, $3 size, $4 SHA-256, $5 bytes, $6 uploader. */
export const INSERT_PHOTO = `
INSERT INTO conversion_photos (item_id, media_type, byte_size, sha256, content, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, media_type AS "mediaType", byte_size AS "byteSize", uploaded_by AS "uploadedBy",
          uploaded_at AS "uploadedAt"`

/** The bytes of photo $1 if its item is within `scope` (access.ts; its parameters from $2). */
export const photoContent = (scope: string) => `
SELECT f.media_type AS "mediaType", f.content
  FROM conversion_photos f
  JOIN conversion_items i ON i.id = f.item_id
  JOIN conversion_programmes p ON p.id = i.programme_id
 WHERE f.id = $1 AND ${scope}`

// What an import matches a row against: a live station of province $1 (never a carrier's draft, which the
// report would show to the officer), with what an item records of it.
const CANDIDATE_COLUMNS = `
  s.id, s.site_code AS "siteCode", c.short_name AS carrier, c.id AS "carrierId", s.mast_class AS "mastClass",
  s.mast_height_m AS "mastHeightM", s.building_height_m AS "buildingHeightM", s.camouflage_kind AS "camouflageKind"`
const LIVE_STATION = `s.province_code = $1 AND s.state <> 'decommissioned' AND ${notDraft('s')}`

/**
 * Stations of province $1 by code for the rows $2 (lines), $3 (codes), $4 (carriers or NULL): a code is unique per
 * carrier only, so a code without a carrier may be ambiguous.
 */
export const STATIONS_BY_CODE = `
SELECT r.line, ${CANDIDATE_COLUMNS}, NULL::float8 AS "distanceM"
  FROM unnest($2::int[], $3::text[], $4::text[]) AS r(line, code, carrier)
  JOIN stations s ON s.site_code = r.code AND ${LIVE_STATION}
  JOIN carriers c ON c.id = s.carrier_id AND (r.carrier IS NULL OR c.short_name = r.carrier)`

/**
 * Stations of province $1 within $6 metres of the rows $2 (lines), $3/$4 (lon/lat), $5 (carriers or NULL): the
 * degree box uses the GiST index, the exact distance decides.
 */
export const STATIONS_NEAR = `
SELECT r.line, m.* FROM unnest($2::int[], $3::float8[], $4::float8[], $5::text[]) AS r(line, lon, lat, carrier)
 CROSS JOIN LATERAL (
   SELECT ${CANDIDATE_COLUMNS},
          ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography) AS "distanceM"
     FROM stations s JOIN carriers c ON c.id = s.carrier_id
    WHERE ${LIVE_STATION} AND (r.carrier IS NULL OR c.short_name = r.carrier)
      AND ST_DWithin(s.geom, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), ${metresToDegreesSql('$6', 'r.lat')})
 ) m WHERE m."distanceM" <= $6`

/** The phases of programme $1. */
export const PHASES_OF_PROGRAMME = 'SELECT seq, id, deadline FROM conversion_phases WHERE programme_id = $1'

/** The stations programme $1 already has an item about. */
export const STATIONS_OF_PROGRAMME = 'SELECT station_id AS id FROM conversion_items WHERE programme_id = $1'

/**
 * The items of an import into programme $1, paired arrays: $2 phase, $3 station, $4 carrier, $5 kind, $6 class
 * and $7 height before, $8 class and $9 height after, $10 camouflage design, $11 host station, $12 due date.
 */
export const INSERT_ITEMS = `
INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                              to_class, to_height_m, to_design, host_station_id, due_date)
SELECT $1, t.phase_id, t.station_id, t.carrier_id, t.kind, t.from_class, t.from_height, t.to_class, t.to_height,
       t.design, t.host, t.due
  FROM unnest($2::int[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::numeric[],
              $10::text[], $11::bigint[], $12::date[])
    AS t(phase_id, station_id, carrier_id, kind, from_class, from_height, to_class, to_height, design, host, due)`

/** $1 station: the programme of a conversion item of the station not yet verified (lookup.ts). */
export const OPEN_ITEM_PROGRAMME = `
SELECT p.name AS programme
  FROM conversion_items i JOIN conversion_programmes p ON p.id = i.programme_id
 WHERE i.station_id = $1 AND i.status <> 'verified'
 LIMIT 1`
