import type { Db, Queryable } from '../db/index'
import type { Role } from '../http/context'
import { audit, type Actor } from '../audit/audit'
import { badRequest, conflict, notFound } from '../http/problems'
import { containsPattern } from '../http/text'
import { hashPassword } from '../auth/passwords'
import { passwordProblem } from '../auth/password-policy'
import { endSessionsOf, forgetRecentSessionsOf } from '../auth/sessions'
import {
  ANY_ADMIN,
  COUNT_USERS,
  CREDENTIALS,
  INSERT_USER,
  LIST_USERS,
  LOCK_ACTIVE_ADMINS,
  MARK_LOGIN,
  UPDATE_USER,
  USER_BY_ID,
  USER_BY_ID_FOR_UPDATE,
  USERNAME_TAKEN,
} from './sql'

export interface NewUser {
  username: string
  displayName: string
  password: string
  role: Role
  carrierId: number | null
  isDemo?: boolean
}

export interface UserChange {
  displayName: string
  role: Role
  carrierId: number | null
  active: boolean
  password?: string
}

export interface UserFilter {
  role?: Role
  q?: string
  offset: number
  limit: number
}

/** Inserts a user with a hashed password and answers its public fields. */
export async function insertUser(q: Queryable, user: NewUser): Promise<Record<string, unknown>> {
  const hash = await hashPassword(user.password)
  const { id } = await q.one<{ id: number }>(INSERT_USER, [
    user.username.toLowerCase(),
    user.displayName,
    hash,
    user.role,
    user.carrierId,
    user.isDemo ?? false,
  ])
  return q.one(USER_BY_ID, [id])
}

/** One page of users matching the role and the text (in the username or the display name), and the total. */
export async function listUsers(q: Queryable, filter: UserFilter) {
  const params = [filter.role ?? null, filter.q === undefined ? null : containsPattern(filter.q)]
  const [items, total] = await Promise.all([
    q.many(LIST_USERS, [...params, filter.offset, filter.limit]),
    q.one<{ n: number }>(COUNT_USERS, params),
  ])
  return { items, total: total.n, offset: filter.offset, limit: filter.limit }
}

/** Creates a user and audits it in the same transaction. */
export async function createUser(db: Db, actor: Actor, user: NewUser, requestId?: string) {
  return db.transaction(async (tx) => {
    const created = await insertUser(tx, user)
    await audit(
      tx,
      actor,
      { action: 'user.create', entity: 'user', entityId: created.id as number, after: created },
      requestId,
    )
    return created
  })
}

/**
 * Changes a user. The last active administrator cannot be demoted or switched off; a new password must pass the
 * policy; switching a user off or changing the password ends the user's sessions. Audited in the same transaction.
 */
export async function changeUser(db: Db, actor: Actor, id: number, change: UserChange, requestId?: string) {
  return db.transaction(async (tx) => {
    const before = await tx.maybeOne(USER_BY_ID_FOR_UPDATE, [id])
    if (!before) throw notFound('user.not_found')
    const weak = change.password === undefined ? null : passwordProblem(change.password, before.username as string)
    if (weak) throw badRequest('request.invalid', [{ path: 'body.password', message: weak }])
    if (before.role === 'admin' && before.active && (change.role !== 'admin' || !change.active)) {
      const admins = await tx.many<{ id: number }>(LOCK_ACTIVE_ADMINS)
      if (!admins.some((a) => a.id !== id)) {
        throw conflict('user.last_admin')
      }
    }
    const hash = change.password ? await hashPassword(change.password) : null
    await tx.exec(UPDATE_USER, [id, change.displayName, change.role, change.carrierId, change.active, hash])
    if (!change.active || hash) await endSessionsOf(tx, id)
    // a tile request may hold the user's old role or carrier for up to a second (auth/sessions.ts): not here
    forgetRecentSessionsOf(id)
    const after = await tx.one(USER_BY_ID, [id])
    await audit(
      tx,
      actor,
      {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        before,
        after: { ...after, passwordChanged: hash !== null },
      },
      requestId,
    )
    return after
  })
}

/** Whether the database has an administrator (active or not). */
export async function hasAdmin(q: Queryable): Promise<boolean> {
  return (await q.maybeOne(ANY_ADMIN)) !== undefined
}

/** Whether an account with this username exists. */
export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.maybeOne(USERNAME_TAKEN, [username.toLowerCase()])) !== undefined
}

/** What a sign-in checks for a username (lower case), or undefined when there is no such account. */
export async function credentials(q: Queryable, username: string) {
  return q.maybeOne<{ id: number; password_hash: string; active: boolean }>(CREDENTIALS, [username])
}

/** Records the time of a successful sign-in. */
export async function markLogin(q: Queryable, userId: number): Promise<void> {
  await q.exec(MARK_LOGIN, [userId])
}
