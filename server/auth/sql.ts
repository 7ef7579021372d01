/** Every statement of the auth domain: the sign-in throttle (logic in migrations/040_login_throttle.sql), sessions. */

/**
 * Reserves one attempt for the account name and the address, counting it as a failure until it succeeds.
 * $1 username, $2 address, $3 free failures per account, $4 per address, $5 first back-off (s), $6 longest (s),
 * $7 minutes after which failures are forgotten. Answers `allowed` and `retry_after` (seconds).
 */
export const RESERVE_ATTEMPT = `SELECT allowed, retry_after FROM login_attempt($1, $2, $3, $4, $5, $6, $7)`

/**
 * After a right password: the account's failures are cleared, the address's reservation given back, and rows
 * idle for a day removed. $1 username, $2 address, $3 free failures per address.
 */
export const ATTEMPT_SUCCEEDED = `WITH account AS (DELETE FROM login_throttle WHERE scope = 'user' AND key = $1),
  stale AS (DELETE FROM login_throttle
              WHERE last_at < now() - interval '1 day' AND coalesce(blocked_until < now(), true)
                AND key <> ALL (ARRAY[$1, $2]))
  SELECT login_throttle_release('ip', $2, $3)`

/** Opens a session. $1 token hash, $2 user id, $3 lifetime in hours, $4 address, $5 user agent. */
export const INSERT_SESSION = `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
  VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5) RETURNING expires_at`

/** The active user behind a live session, and whether last_seen_at is over a minute old. $1 token hash. */
export const SESSION_USER = `
SELECT u.id, u.username, u.display_name, u.role, u.carrier_id, c.name AS carrier_name, u.is_demo,
       s.last_seen_at < now() - interval '1 minute' AS stale
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN carriers c ON c.id = u.carrier_id
 WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`

/** $1 token hash. */
export const TOUCH_SESSION = 'UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1'

/** $1 token hash. */
export const DELETE_SESSION = 'DELETE FROM sessions WHERE token_hash = $1'

/** Ends every session of a user. $1 user id. */
export const DELETE_SESSIONS_OF_USER = 'DELETE FROM sessions WHERE user_id = $1'
