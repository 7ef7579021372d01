// Every statement of the users domain. Values are bind parameters.
import { containsSql } from '../http/text'

/** A user's public fields, over `users u LEFT JOIN carriers c` (FROM_USERS). */
export const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.carrier_id AS "carrierId",
  c.name AS "carrierName", u.active, u.is_demo AS "isDemo", u.created_at AS "createdAt",
  u.last_login_at AS "lastLoginAt"`

const FROM_USERS = 'FROM users u LEFT JOIN carriers c ON c.id = u.carrier_id'

// $1 role or NULL, $2 a containsPattern for the username or display name, or NULL.
const LIST_WHERE = `WHERE ($1::text IS NULL OR u.role = $1)
  AND ($2::text IS NULL OR ${containsSql('u.username', '$2')} OR ${containsSql('u.display_name', '$2')})`

/** One page of users: $1 role, $2 pattern (see LIST_WHERE), $3 offset, $4 limit. */
export const LIST_USERS = `SELECT ${USER_COLUMNS} ${FROM_USERS} ${LIST_WHERE}
  ORDER BY u.username OFFSET $3 LIMIT $4`

/** How many users the list filters match: $1 role, $2 pattern. */
export const COUNT_USERS = `SELECT count(*) AS n ${FROM_USERS} ${LIST_WHERE}`

/** $1 user id. */
export const USER_BY_ID = `SELECT ${USER_COLUMNS} ${FROM_USERS} WHERE u.id = $1`

/** $1 user id; the user's row stays locked until the transaction ends. */
export const USER_BY_ID_FOR_UPDATE = `${USER_BY_ID} FOR UPDATE OF u`

/** Locks every active administrator's row (so two admins demoting each other at once cannot both succeed). */
export const LOCK_ACTIVE_ADMINS = `SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`

/** $1 username (lower case), $2 display name, $3 password hash, $4 role, $5 carrier id, $6 demo account. */
export const INSERT_USER = `INSERT INTO users (username, display_name, password_hash, role, carrier_id, is_demo)
  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`

/** $1 id, $2 display name, $3 role, $4 carrier id, $5 active, $6 new password hash or NULL (kept). */
export const UPDATE_USER = `UPDATE users
   SET display_name = $2, role = $3, carrier_id = $4, active = $5, password_hash = coalesce($6, password_hash)
 WHERE id = $1`

/** Whether any administrator exists (active or not). */
export const ANY_ADMIN = `SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`

/** $1 username (lower case): what a sign-in checks. */
export const CREDENTIALS = 'SELECT id, password_hash, active FROM users WHERE username = $1'

/** $1 user id. */
export const MARK_LOGIN = 'UPDATE users SET last_login_at = now() WHERE id = $1'

/** $1 username: whether the account exists. */
export const USERNAME_TAKEN = 'SELECT 1 FROM users WHERE username = $1'

export const ACTIVE_DEMO_USERNAMES = 'SELECT username FROM users WHERE is_demo AND active ORDER BY username'

export const DEACTIVATE_DEMO_ACCOUNTS =
  'UPDATE users SET active = false WHERE is_demo AND active RETURNING id, username'
