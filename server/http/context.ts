import type { Db, Queryable } from '../db/index'
import type { Config } from '../config'
import type { JobBoard } from '../health/jobs'

export type Role = 'admin' | 'officer' | 'inspector' | 'carrier'
export const ROLES: readonly Role[] = ['admin', 'officer', 'inspector', 'carrier']

/** The signed-in user, as loaded from the session on every request. */
export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  carrierId: number | null
  carrierName: string | null
  isDemo: boolean
}

/** What every route can reach through `req.app.locals`. */
export interface AppDeps {
  db: Db
  config: Config
  jobs: JobBoard
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: SessionUser
      requestId: string
      input?: unknown
    }
  }
}

/** The dependencies the app was built with. */
export function deps(req: import('express').Request): AppDeps {
  return req.app.locals.deps as AppDeps
}

/** Who asks, in which province, under which request id: what every write of a domain records. */
export interface Caller {
  user: SessionUser
  provinceCode: string
  requestId: string | undefined
}

/** Runs one write of a signed-in request in a transaction, with the request's caller. */
export function inTransaction<T>(
  req: import('express').Request,
  work: (tx: Queryable, c: Caller) => Promise<T>,
): Promise<T> {
  const { db, config } = deps(req)
  return db.transaction((tx) =>
    work(tx, { user: req.user!, provinceCode: config.provinceCode, requestId: req.requestId }),
  )
}
