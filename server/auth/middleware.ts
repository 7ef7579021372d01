import type { RequestHandler } from 'express'
import { deps, type Role } from '../http/context'
import { forbidden, unauthorized, msg } from '../http/problems'
import { readSessionCookie, recentUserForToken, userForToken } from './sessions'

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[]

/** Reads the session a request names: each time, or (the tiles) from a read of the last second. */
function sessionLoader(find: typeof userForToken): RequestHandler {
  return async (req, res, next) => {
    let token: string | undefined
    try {
      token = readSessionCookie(req.headers.cookie)
      const started = performance.now()
      if (token) req.user = await find(deps(req).db, token)
      // how long finding the session took, for a Server-Timing header (the tiles send one)
      res.locals.sessionMs = performance.now() - started
    } catch (err) {
      return next(err)
    }
    if (req.user && token) deps(req).db.forSession(token, next)
    else next()
  }
}

/**
 * Loads the session user, if any, onto `req.user`, and runs the rest of the request for that session so that
 * its writes are read back from the primary until a replica has them (db.forSession, db.read).
 */
export const loadSession: RequestHandler = sessionLoader(userForToken)

/** loadSession for the map's tiles: a session read by another tile within SESSION_MEMO_MS serves again. */
export const loadTileSession: RequestHandler = sessionLoader(recentUserForToken)

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
