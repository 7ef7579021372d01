import type { Db } from '../db/index'
import { audit, SYSTEM } from '../audit/audit'
import { hasAdmin, insertUser } from '../users/service'
import { generatePassword } from './passwords'
import { passwordProblem } from './password-policy'

const ADMIN_USERNAME = 'admin'

/** Refuses, before anything starts, an ADMIN_PASSWORD that the password policy would refuse anywhere else. */
export function checkAdminPassword(configured: string | undefined): void {
  const problem = configured === undefined ? null : passwordProblem(configured, ADMIN_USERNAME)
  if (problem) {
    throw new Error(`ADMIN_PASSWORD is not accepted: ${problem} Set a stronger one, or unset it to have one generated.`)
  }
}

/**
 * Creates the first administrator when the database has none. The password comes from
 * ADMIN_PASSWORD, or is generated and answered so the caller can print it once.
 */
export async function ensureAdmin(
  db: Db,
  configured: string | undefined,
): Promise<{ username: string; password: string | null } | null> {
  if (await hasAdmin(db)) return null
  const password = configured ?? generatePassword()
  await db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: ADMIN_USERNAME,
      displayName: 'Quản trị hệ thống',
      password,
      role: 'admin',
      carrierId: null,
    })
    await audit(tx, SYSTEM, { action: 'user.create', entity: 'user', entityId: user.id as number, after: user })
  })
  return { username: ADMIN_USERNAME, password: configured ? null : password }
}
