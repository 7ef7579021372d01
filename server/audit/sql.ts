// Every statement of the audit trail. Values are bind parameters.
import { DRAFT_AUDIT_ROW } from '../stations/access'

/** $1 actor id, $2 actor name, $3 action, $4 entity, $5 entity id, $6 before (JSON), $7 after (JSON), $8 request id. */
export const INSERT_AUDIT = `
INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, request_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`

/**
 * Newest first, rows about carriers' drafts left out. $1 entity, $2 entity id, $3 actor name (each NULL for any),
 * $4 rows with an id below this (NULL: from the newest), $5 limit.
 */
export const LIST_AUDIT = `
SELECT id, at, actor_id AS "actorId", actor_name AS "actorName", action, entity, entity_id AS "entityId",
       before, after
  FROM audit_log a
 WHERE NOT (${DRAFT_AUDIT_ROW}) AND ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
   AND ($3::text IS NULL OR actor_name = $3) AND ($4::bigint IS NULL OR id < $4)
 ORDER BY id DESC LIMIT $5`
