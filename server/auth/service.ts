import type { Db } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { credentials, markLogin } from '../users/service'
import { tooManyRequests, unauthorized } from '../http/problems'
import { DUMMY_HASH, verifyPassword } from './passwords'
import { createSession, deleteSession } from './sessions'
import { ATTEMPT_SUCCEEDED, RESERVE_ATTEMPT } from './sql'

/**
 * Sign-in throttle: failures allowed per account name and per address before each further failure doubles the
 * wait (from `firstBackoffSeconds` up to `longestBackoffSeconds`); failures are forgotten after `windowMinutes`.
 */
export const LOGIN_LIMIT = {
  perUser: 10,
  perIp: 50,
  firstBackoffSeconds: 30,
  longestBackoffSeconds: 900,
  windowMinutes: 60,
}

interface LoginInput {
  username: string
  password: string
  ip: string
  userAgent: string | undefined
  ttlHours: number
  requestId: string
}

/**
 * Reserves the attempt against the throttle (counted before the password is checked, so parallel guesses cannot
 * all slip under the limit), then checks the password; a right password clears the account's failures and opens
 * a session. A refused attempt answers 429 with the seconds to wait.
 */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const username = input.username.trim().toLowerCase()
  const L = LOGIN_LIMIT
  const gate = await db.one<{ allowed: boolean; retry_after: number }>(RESERVE_ATTEMPT, [
    username,
    input.ip,
    L.perUser,
    L.perIp,
    L.firstBackoffSeconds,
    L.longestBackoffSeconds,
    L.windowMinutes,
  ])
  if (!gate.allowed) throw tooManyRequests(gate.retry_after)
  const user = await credentials(db, username)
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH)
  if (!user || !ok || !user.active) throw unauthorized('auth.wrong_password')
  return db.transaction(async (tx) => {
    await tx.exec(ATTEMPT_SUCCEEDED, [username, input.ip, L.perIp])
    await markLogin(tx, user.id)
    const session = await createSession(tx, user.id, input.ttlHours, { ip: input.ip, userAgent: input.userAgent })
    await audit(
      tx,
      { id: user.id, username },
      { action: 'auth.login', entity: 'session', entityId: user.id },
      input.requestId,
    )
    return { ...session, userId: user.id }
  })
}

/** Signs out: ends the session of the token (when there is one) and audits it in the same transaction. */
export async function logout(db: Db, user: SessionUser, token: string | undefined, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (token) await deleteSession(tx, token)
    await audit(
      tx,
      { id: user.id, username: user.username },
      { action: 'auth.logout', entity: 'session', entityId: user.id },
      requestId,
    )
  })
}
