// Every statement of the notifications domain. Values are bind parameters.

// A user's notifications: those to its carrier, to its role, or to the user. $1 carrier id, $2 role, $3 user.
const MINE = `((n.recipient_carrier_id = $1) OR (n.recipient_role = $2) OR (n.recipient_user_id = $3))`

/** $1 carrier, $2 role, $3 user, $4 only unread (or null), $5 limit: newest first, with whether the user read it. */
export const LIST_NOTIFICATIONS = `
SELECT n.id, n.entity, n.entity_id AS "entityId", n.kind, n.message_vi AS "messageVi",
       n.message_en AS "messageEn", n.created_at AS "createdAt", (r.user_id IS NOT NULL) AS read
  FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $3
 WHERE ${MINE} AND ($4::boolean IS NOT TRUE OR r.user_id IS NULL)
 ORDER BY n.id DESC LIMIT $5`

/** $1 carrier, $2 role, $3 user: how many of the user's notifications it has not read. */
export const COUNT_UNREAD = `
SELECT count(*) AS unread FROM notifications n
 WHERE ${MINE}
   AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $3)`

/** $1 carrier, $2 role, $3 user, $4 notification: a row when the notification is the user's. */
export const FIND_MINE = `SELECT 1 FROM notifications n WHERE n.id = $4 AND ${MINE}`

/** $1 notification, $2 user. */
export const MARK_READ = `
INSERT INTO notification_reads (notification_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`

/**
 * $1 carrier, $2 role, $3 user (one of them set, the others null), $4 entity, $5 entity id, $6 kind,
 * $7 Vietnamese text, $8 English text.
 */
export const INSERT_NOTIFICATION = `
INSERT INTO notifications (recipient_carrier_id, recipient_role, recipient_user_id, entity, entity_id, kind,
                           message_vi, message_en)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
