// Every statement of the citizen reports (1022 tickets). Values are bind parameters; fragments come from the
// builders below, never from request text.

const POINT = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)'

// ---- SLA -------------------------------------------------------------------------------------------------------

/** $1 province, $2 category: the hours to resolve, the province's own row or else the default ('00'). */
export const SLA_HOURS = `
SELECT hours FROM ticket_sla
 WHERE category = $2 AND province_code IN ($1, '00')
 ORDER BY province_code = $1 DESC LIMIT 1`

/** $1 province: the hours of every category (the province's own or the default), with whether it is its own. */
export const SLA_TABLE = `
SELECT DISTINCT ON (category) category, hours, province_code = $1 AS own, updated_at AS "updatedAt"
  FROM ticket_sla WHERE province_code IN ($1, '00')
 ORDER BY category, province_code = $1 DESC`

/** $1 province, $2 category, $3 hours, $4 user: sets the province's hours; answers the row before (or none). */
export const SET_SLA = `
WITH before AS (SELECT hours FROM ticket_sla WHERE province_code = $1 AND category = $2)
INSERT INTO ticket_sla (province_code, category, hours, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
ON CONFLICT (province_code, category) DO UPDATE SET hours = $3, updated_by = $4, updated_at = now()
RETURNING (SELECT hours FROM before) AS "before"`

// ---- numbers and places ----------------------------------------------------------------------------------------

/** $1 province, $2 year: the next number of the year (the counter row is locked until the transaction ends). */
export const NEXT_NUMBER = `
INSERT INTO ticket_counters (province_code, year, last) VALUES ($1, $2, 1)
ON CONFLICT (province_code, year) DO UPDATE SET last = ticket_counters.last + 1
RETURNING last`

/** $1 lon, $2 lat, $3 province: the district in force today (migration 030's district_at) and its name. */
export const DISTRICT_AT = `
SELECT d.code AS "districtCode", district_name(d.code, current_date) AS "districtName"
  FROM (SELECT district_at($3, ${POINT}, current_date) AS code) d`

// ---- nearest assets ----------------------------------------------------------------------------------------------

// The index's KNN order (`<->`, GiST) finds the candidates nearest in degrees; the ellipsoidal distance then ranks
// them and keeps those within the radius. $1 lon, $2 lat, $3 province, $4 radius in metres, $5 how many.
const nearest = (from: string, columns: string, where: string) => `
SELECT * FROM (
  SELECT ${columns}, ST_Distance(a.geom::geography, ${POINT}::geography) AS "distanceM"
    FROM ${from}
   WHERE a.province_code = $3${where}
   ORDER BY a.geom <-> ${POINT}
   LIMIT 20
) n
 WHERE n."distanceM" <= $4
 ORDER BY n."distanceM", n."assetId"
 LIMIT $5`

/** Poles; the responsible carrier is the pole's owner. */
export const NEAREST_POLES = nearest(
  'poles a',
  `'pole' AS "assetKind", a.id AS "assetId", a.code AS label, a.owner_carrier_id AS "carrierId"`,
  '',
)

/** Cable routes; the responsible carrier is the first on the route. */
export const NEAREST_ROUTES = nearest(
  'cable_routes a',
  `'cable_route' AS "assetKind", a.id AS "assetId", a.name AS label, a.carrier_ids[1] AS "carrierId"`,
  '',
)

/** Stations past a carrier's own draft and not taken down (a rejected application stands nowhere). */
export const NEAREST_STATIONS = nearest(
  'stations a',
  `'station' AS "assetKind", a.id AS "assetId", a.site_code AS label, a.carrier_id AS "carrierId"`,
  ` AND a.state IN ('submitted', 'field_checked', 'returned', 'approved', 'built', 'in_service')`,
)

/** $1 ticket, $2 rank, $3 kind, $4 asset, $5 label, $6 carrier, $7 distance. */
export const INSERT_TICKET_ASSET = `
INSERT INTO ticket_assets (ticket_id, rank, asset_kind, asset_id, label, carrier_id, distance_m)
VALUES ($1, $2, $3, $4, $5, $6, $7)`

/** $1 ticket: the assets found near it, nearest first. */
export const TICKET_ASSETS = `
SELECT a.rank, a.asset_kind AS "assetKind", a.asset_id AS "assetId", a.label, a.carrier_id AS "carrierId",
       c.name AS "carrierName", round(a.distance_m::numeric, 1)::float8 AS "distanceM"
  FROM ticket_assets a LEFT JOIN carriers c ON c.id = a.carrier_id
 WHERE a.ticket_id = $1 ORDER BY a.rank`

// ---- tickets -----------------------------------------------------------------------------------------------------

/**
 * $1 province, $2 number, $3 check code, $4 channel, $5 category, $6 description, $7 place note, $8 lon, $9 lat,
 * $10 district, $11 reporter name, $12 reporter phone, $13 asset kind, $14 asset, $15 SLA hours, $16 created by.
 */
export const INSERT_TICKET = `
INSERT INTO tickets (province_code, number, check_code, channel, category, description, place_note, geom,
                     district_code, reporter_name, reporter_phone, status, asset_kind, asset_id, sla_hours, due_at,
                     created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, ST_SetSRID(ST_MakePoint($8, $9), 4326), $10, $11, $12, 'received', $13, $14,
        $15, now() + make_interval(hours => $15), $16)
RETURNING id, number, status, created_at AS "createdAt", due_at AS "dueAt"`

/** $1 ticket, $2 action, $3 from, $4 to, $5 actor, $6 note, $7 whether the note is public. */
export const INSERT_EVENT = `
INSERT INTO ticket_events (ticket_id, action, from_status, to_status, actor_id, note, public)
VALUES ($1, $2, $3, $4, $5, $6, $7)`

/** Whether a ticket's SLA deadline has passed while it is open. */
const OVERDUE = `(t.status NOT IN ('resolved', 'rejected') AND t.due_at < now())`

const ASSET_LABEL = `CASE t.asset_kind
         WHEN 'pole' THEN (SELECT code FROM poles WHERE id = t.asset_id)
         WHEN 'cable_route' THEN (SELECT name FROM cable_routes WHERE id = t.asset_id)
         WHEN 'station' THEN (SELECT site_code FROM stations WHERE id = t.asset_id) END`

/** What anyone who may see a ticket sees: never the reporter's name, phone or the lookup code. */
const SHARED_COLUMNS = `t.id, t.number, t.channel, t.category, t.description, t.place_note AS "placeNote",
       ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, t.district_code AS "districtCode",
       district_name(t.district_code, current_date) AS "districtName", t.status,
       t.asset_kind AS "assetKind", t.asset_id AS "assetId", ${ASSET_LABEL} AS "assetLabel",
       t.carrier_id AS "carrierId", c.name AS "carrierName", t.inspector_id AS "inspectorId",
       iu.display_name AS "inspectorName", t.inspection_id AS "inspectionId", ins.state AS "inspectionState",
       ins.verdict AS "inspectionVerdict", ins.recorded_at AS "inspectionRecordedAt", t.sla_hours AS "slaHours",
       t.due_at AS "dueAt", ${OVERDUE} AS overdue, t.carrier_response AS "carrierResponse",
       t.responded_at AS "respondedAt", t.resolution_note AS "resolutionNote", t.resolved_at AS "resolvedAt",
       t.created_at AS "createdAt", t.updated_at AS "updatedAt", t.version`

/** The department's own columns: the reporter's contact and the lookup code. */
const OFFICE_COLUMNS = `, t.reporter_name AS "reporterName", t.reporter_phone AS "reporterPhone",
       t.check_code AS "checkCode", cu.display_name AS "createdByName"`

const JOINS = `LEFT JOIN carriers c ON c.id = t.carrier_id
  LEFT JOIN inspections ins ON ins.id = t.inspection_id
  LEFT JOIN users iu ON iu.id = t.inspector_id
  LEFT JOIN users cu ON cu.id = t.created_by`

/** The columns a user's answer carries: the office's include the reporter's contact, nobody else's do. */
export const columnsFor = (office: boolean) => SHARED_COLUMNS + (office ? OFFICE_COLUMNS : '')

/**
 * The tickets a user may reach, as a WHERE fragment over `tickets t` with parameters from `$first`: the office
 * every ticket of the province; an inspector those assigned to them; a carrier those assigned to it.
 */
export function ticketScope(role: string, first: number): { sql: string; param: 'none' | 'carrier' | 'inspector' } {
  const province = `t.province_code = $${first}`
  if (role === 'carrier') return { sql: `${province} AND t.carrier_id = $${first + 1}`, param: 'carrier' }
  if (role === 'inspector') return { sql: `${province} AND t.inspector_id = $${first + 1}`, param: 'inspector' }
  return { sql: province, param: 'none' }
}

/** Filters of the list as SQL over `tickets t`, each with its bind parameter (numbered by the caller). */
export const FILTERS = {
  status: (n: string) => `t.status = ${n}`,
  category: (n: string) => `t.category = ${n}`,
  district: (n: string) => `t.district_code = ${n}`,
  carrier: (n: string) => `t.carrier_id = ${n}`,
  channel: (n: string) => `t.channel = ${n}`,
  number: (n: string) => `t.number LIKE ${n}`,
} as const
export const OVERDUE_ONLY = OVERDUE
export const NOT_OVERDUE = `NOT ${OVERDUE}`

/** $1 … the scope's and filters' parameters (`where`), then limit and offset: a page, earliest deadline first. */
export const ticketPage = (where: string, n: number, office: boolean) => `
SELECT ${columnsFor(office)}
  FROM tickets t ${JOINS}
 WHERE ${where}
 ORDER BY ${OVERDUE} DESC, t.status IN ('resolved', 'rejected'), t.due_at, t.id
 LIMIT $${n + 1} OFFSET $${n + 2}`

export const countTickets = (where: string) => `SELECT count(*)::int AS total FROM tickets t WHERE ${where}`

/** $1 ticket, then the scope's parameters from $2: one ticket (locked for a write when `lock`). */
export const ticketById = (scope: string, office: boolean, lock: boolean) => `
SELECT ${columnsFor(office)}
  FROM tickets t ${JOINS}
 WHERE t.id = $1 AND ${scope}${lock ? ' FOR UPDATE OF t' : ''}`

/** $1 ticket, $2 … : the steps, oldest first; who took them by display name (the office's answer only). */
export const TICKET_EVENTS = `
SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.note, e.public, e.at,
       u.display_name AS "actorName", u.role AS "actorRole"
  FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
 WHERE e.ticket_id = $1 ORDER BY e.id`

/**
 * $1 ticket, $2 version, $3 status, $4 carrier, $5 inspector, $6 asset kind, $7 asset, $8 carrier response,
 * $9 responded at, $10 resolution note, $11 resolved at: the one write of a ticket's state, with its version.
 */
export const UPDATE_TICKET = `
UPDATE tickets
   SET status = $3, carrier_id = $4, inspector_id = $5, asset_kind = $6, asset_id = $7, carrier_response = $8,
       responded_at = $9, resolution_note = $10, resolved_at = $11, updated_at = now(), version = version + 1
 WHERE id = $1 AND version = $2
RETURNING version`

/** $1 ticket, $2 inspection: the inspection made for the ticket (INSPECT's createInspections). */
export const SET_INSPECTION = `UPDATE tickets SET inspection_id = $2 WHERE id = $1`

/** $1 user: an active inspector. */
export const ACTIVE_INSPECTOR = `SELECT id, display_name AS "displayName" FROM users
 WHERE id = $1 AND role = 'inspector' AND active`

/** The active inspectors, for the office's assignment form. */
export const INSPECTORS = `SELECT id, display_name AS "displayName" FROM users
 WHERE role = 'inspector' AND active ORDER BY display_name, id`

/** $1 carrier: a carrier (with whether any of its users can sign in to act on a ticket). */
export const CARRIER = `SELECT id, name FROM carriers WHERE id = $1`

/** $1 kind, $2 asset, $3 province: the asset exists (a relink names one of the province's assets). */
export const ASSET_EXISTS = `
SELECT CASE $1::text
         WHEN 'pole' THEN (SELECT code FROM poles WHERE id = $2 AND province_code = $3)
         WHEN 'cable_route' THEN (SELECT name FROM cable_routes WHERE id = $2 AND province_code = $3)
         WHEN 'station' THEN (SELECT site_code FROM stations WHERE id = $2 AND province_code = $3
                                 AND state <> 'draft') END AS label`

// ---- the public lookup -------------------------------------------------------------------------------------------

/** $1 province, $2 number, $3 check code: the ticket as the reporter may see it (no personal data, no position). */
export const PUBLIC_TICKET = `
SELECT t.id, t.number, t.channel, t.category, t.status, district_name(t.district_code, current_date) AS "districtName",
       t.created_at AS "createdAt", t.due_at AS "dueAt", t.resolved_at AS "resolvedAt",
       t.resolution_note AS "resolutionNote", t.updated_at AS "updatedAt",
       (SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'assign') AS "assignedAt"
  FROM tickets t
 WHERE t.province_code = $1 AND t.number = $2 AND t.check_code = $3`

/** $1 province, $2 number, $3 check code: the ticket's id and state (locked for adding a photo when `lock`). */
export const publicTicketRef = (lock: boolean) => `
SELECT id, status, created_at AS "createdAt" FROM tickets
 WHERE province_code = $1 AND number = $2 AND check_code = $3${lock ? ' FOR UPDATE' : ''}`

/** $1 ticket: the status changes the reporter sees (when, to what, and only the notes marked public). */
export const PUBLIC_EVENTS = `
SELECT e.to_status AS status, e.at, CASE WHEN e.public THEN e.note END AS note
  FROM ticket_events e
 WHERE e.ticket_id = $1 AND (e.from_status IS DISTINCT FROM e.to_status OR e.public)
 ORDER BY e.id`

// ---- photos ------------------------------------------------------------------------------------------------------

/** $1 ticket, $2 purpose: how many photos of the purpose the ticket holds. */
export const COUNT_PHOTOS = `SELECT count(*)::int AS n FROM ticket_photos WHERE ticket_id = $1 AND purpose = $2`

/**
 * $1 ticket, $2 purpose, $3 type, $4 size, $5 sha256, $6 original, $7 public type, $8 public bytes, $9 taken at,
 * $10 lon, $11 lat, $12 uploaded by.
 */
export const INSERT_PHOTO = `
INSERT INTO ticket_photos (ticket_id, purpose, media_type, byte_size, sha256, content, public_media_type,
                           public_content, taken_at, geom, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
        CASE WHEN $10::float8 IS NOT NULL THEN ST_SetSRID(ST_MakePoint($10, $11), 4326) END, $12)
RETURNING id, purpose, media_type AS "mediaType", byte_size AS "byteSize", taken_at AS "takenAt",
          created_at AS "createdAt"`

/** $1 ticket: its photos, without bytes; the EXIF position only in the office's answer (the caller picks). */
export const TICKET_PHOTOS = `
SELECT id, purpose, media_type AS "mediaType", byte_size AS "byteSize", taken_at AS "takenAt",
       ST_X(geom) AS lon, ST_Y(geom) AS lat, created_at AS "createdAt"
  FROM ticket_photos WHERE ticket_id = $1 ORDER BY id`

/** $1 ticket: the photos' ids and purposes, for the public lookup. */
export const PUBLIC_PHOTOS = `
SELECT id, purpose, created_at AS "createdAt" FROM ticket_photos WHERE ticket_id = $1 ORDER BY id`

/** $1 photo: its ticket, both versions' types. */
export const PHOTO_TICKET = `SELECT ticket_id AS "ticketId" FROM ticket_photos WHERE id = $1`

/** $1 photo, $2 ticket: the original as sent. */
export const PHOTO_ORIGINAL = `
SELECT media_type AS "mediaType", content FROM ticket_photos WHERE id = $1 AND ticket_id = $2`

/** $1 photo, $2 ticket: the copy without metadata. */
export const PHOTO_PUBLIC = `
SELECT public_media_type AS "mediaType", public_content AS content FROM ticket_photos WHERE id = $1 AND ticket_id = $2`

// ---- the per-address limit ---------------------------------------------------------------------------------------

/**
 * $1 scope, $2 key (hash of the address), $3 window in seconds: counts one request in the key's current window
 * (a new window once the last one has passed), atomically; answers the count and the seconds left in the window.
 */
export const HIT = `
INSERT INTO public_rate_limits AS r (scope, key, window_start, hits) VALUES ($1, $2, now(), 1)
ON CONFLICT (scope, key) DO UPDATE
   SET hits = CASE WHEN r.window_start <= now() - make_interval(secs => $3) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $3) THEN now() ELSE r.window_start END
RETURNING hits, greatest(1, ceil(extract(epoch FROM r.window_start + make_interval(secs => $3) - now())))::int
          AS "retryAfter"`

/** Forgets windows older than a day (the longest window), at most 500 rows a call, so the table stays bounded. */
export const PURGE_HITS = `
DELETE FROM public_rate_limits
 WHERE (scope, key) IN (SELECT scope, key FROM public_rate_limits
                         WHERE window_start < now() - interval '1 day' LIMIT 500)`
