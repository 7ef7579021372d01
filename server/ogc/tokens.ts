// API tokens for GIS clients: an administrator issues one for a user; it reads the OGC API as that user would,
// and nothing else (the middleware is mounted on the OGC routes only, which are all reads).
import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Db, Queryable } from '../db/index'
import type { SessionUser } from '../http/context'
import { sessionUserOf, tokenHash, type TokenUserRow } from '../auth/sessions'
import { deps } from '../http/context'
import { invalid, notFound, Problem, msg, fieldError } from '../http/problems'
import { audit, type Actor } from '../audit/audit'
import { ACTIVE_USER, INSERT_API_TOKEN, LIST_API_TOKENS, REVOKE_API_TOKEN, TOUCH_API_TOKEN } from './sql'
import { USER_FOR_API_TOKEN } from './sql'

/** Tokens look like `tgis_` + 43 base64url characters (256 random bits). */
const TOKEN_SHAPE = /^tgis_[A-Za-z0-9_-]{43}$/

/** The user a live token acts as, or undefined. */
export async function userForApiToken(q: Queryable, token: string): Promise<SessionUser | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined
  const row = await q.maybeOne<TokenUserRow & { token_id: number }>(USER_FOR_API_TOKEN, [tokenHash(token)])
  if (!row) return undefined
  if (row.stale) await q.exec(TOUCH_API_TOKEN, [row.token_id])
  return sessionUserOf(row)
}

/**
 * `Authorization: Bearer <token>` on the OGC routes: the token's user for this request. A token that is
 * unknown, revoked or expired is a 401 (a GIS client should say so rather than show the public layers).
 */
export const apiTokenAuth: RequestHandler = async (req, res, next) => {
  const header = req.headers.authorization
  if (!header) return next()
  const [scheme, token] = header.split(' ')
  try {
    const user = scheme?.toLowerCase() === 'bearer' && token ? await userForApiToken(deps(req).db, token) : undefined
    if (!user) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="ogc", error="invalid_token"')
      return next(new Problem(401, msg('token.unknown')))
    }
    req.user = user
    next()
  } catch (err) {
    next(err)
  }
}

export interface IssuedToken {
  id: number
  name: string
  token: string
  createdAt: string
  expiresAt: string | null
}

/** Issues a token for an active user; the token itself is answered once and never stored. */
export async function issueToken(
  db: Db,
  actor: Actor,
  input: { userId: number; name: string; expiresInDays?: number },
  requestId?: string,
): Promise<IssuedToken> {
  const token = `tgis_${crypto.randomBytes(32).toString('base64url')}`
  return db.transaction(async (tx) => {
    const user = await tx.maybeOne<{ id: number; username: string }>(ACTIVE_USER, [input.userId])
    if (!user) throw invalid('token.cannot_issue', [fieldError('body.userId', 'token.no_active_user')])
    const row = await tx.one<Omit<IssuedToken, 'token'>>(INSERT_API_TOKEN, [
      input.userId,
      input.name,
      tokenHash(token),
      actor.id,
      input.expiresInDays ?? null,
    ])
    await audit(
      tx,
      actor,
      { action: 'api_token.issue', entity: 'api_token', entityId: row.id, after: { ...row, user: user.username } },
      requestId,
    )
    return { ...row, token }
  })
}

export async function listTokens(q: Queryable) {
  return q.many(LIST_API_TOKENS)
}

/** Revokes a live token (404 when there is none). */
export async function revokeToken(db: Db, actor: Actor, id: number, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.maybeOne(REVOKE_API_TOKEN, [id])
    if (!row) throw notFound('token.not_found')
    await audit(tx, actor, { action: 'api_token.revoke', entity: 'api_token', entityId: id, after: row }, requestId)
  })
}
