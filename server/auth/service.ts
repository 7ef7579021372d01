import type { Db } from '../db/index'
import { audit } from '../audit/audit'
import { tooManyRequests, unauthorized } from '../http/problems'
import { DUMMY_HASH, verifyPassword } from './passwords'
import { createSession } from './sessions'

/** Failed attempts allowed per username (and, more loosely, per address) in the window. */
export const LOGIN_LIMIT = { perUser: 10, perIp: 50, windowMinutes: 15 }

interface LoginInput {
  username: string
  password: string
  ip: string
  userAgent: string | undefined
  ttlHours: number
  requestId: string
}

/**
 * Checks the rate limit, then the password; records a failure or opens a session.
 * After LOGIN_LIMIT.perUser failures in the window every attempt for that name answers 429.
 */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const username = input.username.trim().toLowerCase()
  const counts = await db.one<{ by_user: number; by_ip: number }>(
    `SELECT count(*) FILTER (WHERE username = $1) AS by_user, count(*) FILTER (WHERE ip = $2) AS by_ip
       FROM login_failures WHERE at > now() - make_interval(mins => $3) AND (username = $1 OR ip = $2)`,
    [username, input.ip, LOGIN_LIMIT.windowMinutes],
  )
  if (counts.by_user >= LOGIN_LIMIT.perUser || counts.by_ip >= LOGIN_LIMIT.perIp) {
    throw tooManyRequests('Too many failed sign-ins. Wait a few minutes and try again.', LOGIN_LIMIT.windowMinutes * 60)
  }
  const user = await db.maybeOne<{ id: number; password_hash: string; active: boolean }>(
    'SELECT id, password_hash, active FROM users WHERE username = $1',
    [username],
  )
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH)
  if (!user || !ok || !user.active) {
    await db.exec('INSERT INTO login_failures (username, ip) VALUES ($1, $2)', [username, input.ip])
    throw unauthorized('Wrong username or password.')
  }
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM login_failures WHERE username = $1', [username])
    await tx.exec('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id])
    const session = await createSession(tx, user.id, input.ttlHours, { ip: input.ip, userAgent: input.userAgent })
    await audit(tx, { id: user.id, username }, { action: 'auth.login', entity: 'session', entityId: user.id }, input.requestId)
    return { ...session, userId: user.id }
  })
}
