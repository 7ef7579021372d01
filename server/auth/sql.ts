/** Every statement of the sign-in throttle (the logic is in migrations/040_login_throttle.sql). */

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
