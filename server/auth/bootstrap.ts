import type { Db } from '../db/index'
import { audit, SYSTEM } from '../audit/audit'
import { insertUser } from '../users/service'
import { generatePassword } from './passwords'

/**
 * Creates the first administrator when the database has none. The password comes from
 * ADMIN_PASSWORD, or is generated and answered so the caller can print it once.
 */
export async function ensureAdmin(db: Db, configured: string | undefined): Promise<{ username: string; password: string | null } | null> {
  const existing = await db.maybeOne(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`)
  if (existing) return null
  const password = configured ?? generatePassword()
  await db.transaction(async (tx) => {
    const user = await insertUser(tx, { username: 'admin', displayName: 'Quản trị hệ thống', password, role: 'admin', carrierId: null })
    await audit(tx, SYSTEM, { action: 'user.create', entity: 'user', entityId: user.id as number, after: user })
  })
  return { username: 'admin', password: configured ? null : password }
}
