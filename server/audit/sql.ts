// Every statement of the audit trail. Values are bind parameters.
import { DRAFT_AUDIT_ROW } from '../stations/access'

/** $1 actor id, $2 actor name, $3 action, $4 entity, $5 entity id, $6 before (JSON), $7 after (JSON), $8 request id. */
export const INSERT_AUDIT = `
INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, request_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`

/**
 * Many rows of one actor at once, in the order given: $1 actor id, $2 actor name, $3 request id, $4 the rows
 * [{action, entity, entityId, before, after}] as JSON.
 */
export const INSERT_AUDIT_MANY = `
INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, request_id)
SELECT $1, $2, e.r->>'action', e.r->>'entity', e.r->>'entityId', nullif(e.r->'before', 'null'),
       nullif(e.r->'after', 'null'), $3
  FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(r, n)
 ORDER BY e.n`

/**
 * Newest first, rows about carriers' drafts left out. $1 entity, $2 entity id, $3 actor name, $4 action, $5 first
 * day, $6 last day (Vietnamese days; each NULL for any), $7 rows with an id below this (NULL: from the newest),
 * $8 limit.
 */
export const LIST_AUDIT = `
SELECT id, at, actor_id AS "actorId", actor_name AS "actorName", action, entity, entity_id AS "entityId",
       before, after
  FROM audit_log a
 WHERE NOT (${DRAFT_AUDIT_ROW}) AND ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
   AND ($3::text IS NULL OR actor_name = $3) AND ($4::text IS NULL OR action = $4)
   AND ($5::date IS NULL OR at >= $5::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
   AND ($6::date IS NULL OR at < ($6::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
   AND ($7::bigint IS NULL OR id < $7)
 ORDER BY id DESC LIMIT $8`

/** The distinct values of an indexed audit column, by skipping through its index (one probe per value). */
const distinctValues = (column: 'action' | 'entity' | 'actor_name') => `
WITH RECURSIVE v AS (
  SELECT min(${column}) AS value FROM audit_log
  UNION ALL
  SELECT (SELECT min(${column}) FROM audit_log WHERE ${column} > v.value) FROM v WHERE v.value IS NOT NULL
)
SELECT value FROM v WHERE value IS NOT NULL`

/** The actions, record kinds and actors the trail holds: the values of its filters. */
export const AUDIT_ACTIONS = distinctValues('action')
export const AUDIT_ENTITIES = distinctValues('entity')
export const AUDIT_ACTORS = distinctValues('actor_name')
