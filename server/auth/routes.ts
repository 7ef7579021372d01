import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Api } from '../http/api'
import { deps } from '../http/context'
import { login, logout } from './service'
import { COOKIE_NAME, readSessionCookie, userForToken } from './sessions'

const credentials = z.object({
  username: z.string().trim().min(1, 'auth.enter_username').max(40),
  password: z.string().min(1, 'auth.enter_password').max(200),
})

function setCookie(req: Request, res: Response, token: string, expiresAt: Date | null): void {
  res.cookie(COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    ...(expiresAt ? { expires: expiresAt } : { maxAge: 0 }),
  })
}

/** Sign-in, sign-out and the current user. */
export function authRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: credentials,
    async handler({ body, req, res }) {
      const { db, config } = deps(req)
      const session = await login(db, {
        username: body.username,
        password: body.password,
        ip: req.ip ?? 'unknown',
        userAgent: req.headers['user-agent'],
        ttlHours: config.sessionTtlHours,
        requestId: req.requestId,
      })
      setCookie(req, res, session.token, session.expiresAt)
      return { user: await userForToken(db, session.token) }
    },
  })

  api.route({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out; ends the session',
    tag: 'auth',
    access: 'signed-in',
    async handler({ req, res }) {
      const token = readSessionCookie(req.headers.cookie)
      const user = req.user!
      await logout(deps(req).db, user, token, req.requestId)
      setCookie(req, res, '', null)
      return undefined
    },
  })

  api.route({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    access: 'signed-in',
    async handler({ req }) {
      return { user: req.user }
    },
  })
}
