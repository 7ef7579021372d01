import type { RequestHandler } from 'express'
import { deps, type Role } from '../http/context'
import { forbidden, unauthorized, msg } from '../http/problems'
import { readSessionCookie, userForToken } from './sessions'

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[]

/**
 * Loads the session user, if any, onto `req.user`, and runs the rest of the request for that session so that
 * its writes are read back from the primary until a replica has them (db.forSession, db.read).
 */
export const loadSession: RequestHandler = async (req, res, next) => {
  let token: string | undefined
  try {
    token = readSessionCookie(req.headers.cookie)
    const started = performance.now()
    if (token) req.user = await userForToken(deps(req).db, token)
    // how long finding the session took, for a Server-Timing header (the tiles send one)
    res.locals.sessionMs = performance.now() - started
  } catch (err) {
    return next(err)
  }
  if (req.user && token) deps(req).db.forSession(token, next)
  else next()
}

/** The one place where roles are checked: 401 without a session, 403 with the wrong role. */
export function requireRole(access: Access): RequestHandler {
  return (req, _res, next) => {
    if (access === 'public') return next()
    if (!req.user) return next(unauthorized())
    if (access !== 'signed-in' && !access.includes(req.user.role)) {
      return next(forbidden(msg('auth.needs_role', { roles: [...access] })))
    }
    next()
  }
}
