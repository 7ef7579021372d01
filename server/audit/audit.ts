import type { Queryable } from '../db/index'

export interface Actor {
  id: number | null
  username: string
}

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
}

/** The actor that system jobs (migrations, demo loader, CLI imports) write as. */
export const SYSTEM: Actor = { id: null, username: 'system' }

/**
 * Appends one audit row. Call it with the transaction that makes the change, so that the row exists
 * exactly when the change does.
 */
export async function audit(tx: Queryable, actor: Actor, entry: AuditEntry, requestId?: string): Promise<void> {
  await tx.exec(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.id,
      actor.username,
      entry.action,
      entry.entity,
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId ?? null,
    ],
  )
}
