import type { Queryable } from '../db/index'
import type { Role } from '../http/context'
import { hashPassword } from '../auth/passwords'

export interface NewUser {
  username: string
  displayName: string
  password: string
  role: Role
  carrierId: number | null
  isDemo?: boolean
}

export const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.carrier_id AS "carrierId",
  c.name AS "carrierName", u.active, u.is_demo AS "isDemo", u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt"`

/** Inserts a user with a hashed password and answers its public fields. */
export async function insertUser(q: Queryable, user: NewUser): Promise<Record<string, unknown>> {
  const hash = await hashPassword(user.password)
  const { id } = await q.one<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, role, carrier_id, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [user.username.toLowerCase(), user.displayName, hash, user.role, user.carrierId, user.isDemo ?? false],
  )
  return q.one(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN carriers c ON c.id = u.carrier_id WHERE u.id = $1`, [id])
}
