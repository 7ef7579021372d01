// Every statement of the OGC API Features domain: API tokens and the item queries (built from the collections'
// allow-listed columns; values are always bind parameters).

/** Carrier names of an id array column, in name order (a property of poles and routes). */
export const carrierNames = (column: string) =>
  `(SELECT array_agg(c.name ORDER BY c.name) FROM carriers c WHERE c.id = ANY (${column}))`

/** $1 token hash: the active user a live token acts as. */
export const USER_FOR_API_TOKEN = `
SELECT t.id AS token_id, u.id, u.username, u.display_name, u.role, u.carrier_id, c.name AS carrier_name, u.is_demo,
       t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' AS stale
  FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN carriers c ON c.id = u.carrier_id
 WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active`

/** $1 token id: last use, kept to the minute. */
export const TOUCH_API_TOKEN = 'UPDATE api_tokens SET last_used_at = now() WHERE id = $1'

/** $1 user, $2 name, $3 hash, $4 creator, $5 days to live (null: no expiry). */
export const INSERT_API_TOKEN = `
INSERT INTO api_tokens (user_id, name, token_hash, created_by, expires_at)
VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(days => $5::int) END)
RETURNING id, name, created_at AS "createdAt", expires_at AS "expiresAt"`

const TOKEN_COLUMNS = `
t.id, t.name, t.user_id AS "userId", u.username, u.role, c.name AS "carrierName", t.created_at AS "createdAt",
t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt"`

/** Every token, newest first. */
export const LIST_API_TOKENS = `
SELECT ${TOKEN_COLUMNS}
  FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN carriers c ON c.id = u.carrier_id
 ORDER BY t.id DESC`

/** $1 id: revokes a live token; answers it (no row when there is none or it was revoked already). */
export const REVOKE_API_TOKEN = `
UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
RETURNING id, name, user_id AS "userId", revoked_at AS "revokedAt"`

/** $1 user id: the user a token is issued for must exist and be active. */
export const ACTIVE_USER = 'SELECT id, username FROM users WHERE id = $1 AND active'

/** $1 province: the VN-2000 zone of the province (its EPSG code and the pinned SRID the database uses). */
export const PROVINCE_ZONE = 'SELECT epsg, srid FROM vn2000_zones WHERE province_code = $1'

/** The pieces of an item query: a FROM over `t`, a WHERE, the property columns and the output geometry. */
export interface ItemQuery {
  from: string
  where: string
  columns: string
  /** SQL of the geometry in the answer's CRS and axis order. */
  geometry: string
  /** Decimals kept: 9 for degrees (< 1 mm), 3 for metres (1 mm). */
  decimals: number
  /** The collection's aggregate (Collection.counts), when `where` reads only its columns. */
  counts?: string
}

// options 0: no "crs" member (GeoJSON has none; a VN-2000 SRID has no auth_srid to name it, see migration 002)
const asGeoJson = (q: ItemQuery) => `ST_AsGeoJSON(${q.geometry}, ${Number(q.decimals)}, 0)`

/**
 * A page of items: the features as GeoJSON text, in id order (the primary key's index, so a page costs its own rows
 * only; a window count here would build every matching row's answer before the first page could leave).
 */
export const itemsPage = (q: ItemQuery, limitParam: string, offsetParam: string) => `
SELECT t.id, ${q.columns}, ${asGeoJson(q)} AS geometry
  FROM ${q.from}
 WHERE ${q.where}
 ORDER BY t.id
 LIMIT ${limitParam} OFFSET ${offsetParam}`

/**
 * The number matched, asked only when the page itself cannot tell it (a full page, or one past the end): the sum of
 * the collection's aggregate when the query has one (no bbox), else a count of the table.
 */
export const itemsCount = (q: ItemQuery) =>
  q.counts
    ? `SELECT coalesce(sum(t.n), 0)::int AS n FROM ${q.counts} WHERE ${q.where}`
    : `SELECT count(*)::int AS n FROM ${q.from} WHERE ${q.where}`

/** One item by id. */
export const oneItem = (q: ItemQuery, idParam: string) => `
SELECT t.id, ${q.columns}, ${asGeoJson(q)} AS geometry
  FROM ${q.from}
 WHERE ${q.where} AND t.id = ${idParam}`

/** The extent of a collection's visible rows, in WGS84. */
export const extentOf = (q: ItemQuery) => `
SELECT ST_XMin(e) AS "minLon", ST_YMin(e) AS "minLat", ST_XMax(e) AS "maxLon", ST_YMax(e) AS "maxLat"
  FROM (SELECT ST_Extent(t.geom)::geometry AS e FROM ${q.from} WHERE ${q.where}) x`
