import type { Db, Queryable } from '../db/index'
import type { Config } from '../config'
import { audit, SYSTEM } from '../audit/audit'
import { endSessionsOf } from '../auth/sessions'
import { ACTIVE_DEMO_USERNAMES, DEACTIVATE_DEMO_ACCOUNTS } from './sql'

/**
 * Demo accounts sign in with a password printed in the README, so a production server must not have them.
 * DEMO=on in production stops the start with the reason; accounts left from an earlier demo start are switched
 * off at start instead (see deactivateDemoAccounts), so that an administrator is never locked out of a database.
 */
export function checkDemoSetting(config: Pick<Config, 'demo' | 'production'>): void {
  if (config.demo && config.production) {
    throw new Error(
      'DEMO=on is refused in production (NODE_ENV=production or TRUST_PROXY set): the demo accounts have published ' +
        'passwords. Unset DEMO, or run the demo on a separate server without those settings.',
    )
  }
}

/** Usernames of the active demo accounts. */
export async function activeDemoAccounts(q: Queryable): Promise<string[]> {
  const rows = await q.many<{ username: string }>(ACTIVE_DEMO_USERNAMES)
  return rows.map((r) => r.username)
}

/** Switches every active demo account off, ends its sessions and audits each; answers their usernames. */
export async function deactivateDemoAccounts(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.many<{ id: number; username: string }>(DEACTIVATE_DEMO_ACCOUNTS)
    for (const row of rows) {
      await endSessionsOf(tx, row.id)
      await audit(tx, SYSTEM, {
        action: 'user.update',
        entity: 'user',
        entityId: row.id,
        before: { active: true },
        after: { active: false, reason: 'demo account refused in production' },
      })
    }
    return rows.map((r) => r.username).sort()
  })
}
