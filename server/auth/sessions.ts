import crypto from 'node:crypto'
import type { Queryable } from '../db/index'
import type { Role, SessionUser } from '../http/context'
import { DELETE_SESSION, DELETE_SESSIONS_OF_USER, INSERT_SESSION, SESSION_USER, TOUCH_SESSION } from './sql'

export const COOKIE_NAME = 'sid'

/** How a session or API token is stored: its SHA-256 in hex (the token itself is never stored). */
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

/** A row of SESSION_USER or USER_FOR_API_TOKEN (`stale`: last use is over a minute old). */
export interface TokenUserRow {
  id: number
  username: string
  display_name: string
  role: Role
  carrier_id: number | null
  carrier_name: string | null
  is_demo: boolean
  stale: boolean
}

/** The signed-in user of a token's row. */
export function sessionUserOf(row: TokenUserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    carrierId: row.carrier_id,
    carrierName: row.carrier_name,
    isDemo: row.is_demo,
  }
}

/** Creates a session and answers the opaque token for the cookie. */
export async function createSession(
  q: Queryable,
  userId: number,
  ttlHours: number,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url')
  const row = await q.one<{ expires_at: Date }>(INSERT_SESSION, [
    tokenHash(token),
    userId,
    ttlHours,
    meta.ip,
    meta.userAgent?.slice(0, 300) ?? null,
  ])
  return { token, expiresAt: row.expires_at }
}

/** The user behind a session token, if the session is live and the user active. */
export async function userForToken(q: Queryable, token: string): Promise<SessionUser | undefined> {
  const hash = tokenHash(token)
  const row = await q.maybeOne<TokenUserRow>(SESSION_USER, [hash])
  // Reading a session must not cost a write on every request (a map view asks for dozens of tiles):
  // last_seen_at is kept to the minute.
  if (row?.stale) await q.exec(TOUCH_SESSION, [hash])
  return row ? sessionUserOf(row) : undefined
}

/**
 * How long the map's tile requests may reuse a session read by another tile: a view asks for dozens of tiles at
 * once, each of which would otherwise read the session again. Signing out, a user switched off, given a new
 * password, role or carrier forget it at once in this process; another server process sees such a change within
 * this time, on tiles only (read-only; every other route reads the session each time).
 */
export const SESSION_MEMO_MS = 1000
const SESSION_MEMO_MAX = 10_000
const recentSessions = new Map<string, { user: SessionUser; at: number }>()

/** userForToken, answered from a read of the last SESSION_MEMO_MS when there is one: for the tiles only. */
export async function recentUserForToken(
  q: Queryable,
  token: string,
  now = Date.now(),
): Promise<SessionUser | undefined> {
  const hash = tokenHash(token)
  const known = recentSessions.get(hash)
  if (known && now - known.at < SESSION_MEMO_MS) return known.user
  const user = await userForToken(q, token)
  recentSessions.delete(hash)
  if (user) {
    // the oldest entry out first (a Map keeps insertion order)
    if (recentSessions.size >= SESSION_MEMO_MAX) recentSessions.delete(recentSessions.keys().next().value!)
    recentSessions.set(hash, { user, at: now })
  }
  return user
}

/** Forgets the sessions of a user read lately (its role, carrier or state changed, or its sessions ended). */
export function forgetRecentSessionsOf(userId: number): void {
  for (const [hash, entry] of recentSessions) if (entry.user.id === userId) recentSessions.delete(hash)
}

/** Ends a session. */
export async function deleteSession(q: Queryable, token: string): Promise<void> {
  const hash = tokenHash(token)
  recentSessions.delete(hash)
  await q.exec(DELETE_SESSION, [hash])
}

/** Ends every session of a user (switched off, or given a new password). */
export async function endSessionsOf(q: Queryable, userId: number): Promise<void> {
  forgetRecentSessionsOf(userId)
  await q.exec(DELETE_SESSIONS_OF_USER, [userId])
}

// The shape of the tokens createSession hands out (32 random bytes, base64url); anything else is no session.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/**
 * Reads the session token from a Cookie header. A malformed value (bad percent-encoding, wrong shape) counts
 * as no cookie at all, so a browser holding garbage is treated as signed out rather than failing every request.
 */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0 || part.slice(0, eq).trim() !== COOKIE_NAME) continue
    let value: string
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim())
    } catch {
      return undefined
    }
    return TOKEN_SHAPE.test(value) ? value : undefined
  }
  return undefined
}
