// The audit trail's service: the one way to append a row, and the paged reading.
import type { Queryable } from '../db/index'
import { AUDIT_ACTIONS, AUDIT_ACTORS, AUDIT_ENTITIES, INSERT_AUDIT, INSERT_AUDIT_MANY, LIST_AUDIT } from './sql'

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
  await tx.exec(INSERT_AUDIT, [
    actor.id,
    actor.username,
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId ?? null,
  ])
}

/** Appends one row per entry in one statement (a bulk write: an import, a campaign's inspections). */
export async function auditMany(tx: Queryable, actor: Actor, entries: AuditEntry[], requestId?: string): Promise<void> {
  if (entries.length === 0) return
  const rows = entries.map((e) => ({
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
  }))
  await tx.exec(INSERT_AUDIT_MANY, [actor.id, actor.username, requestId ?? null, JSON.stringify(rows)])
}

export interface AuditFilter {
  entity?: string
  entityId?: string
  actor?: string
  action?: string
  /** First and last day (YYYY-MM-DD, Vietnamese days), both included. */
  from?: string
  to?: string
  /** Rows with an id below this (keyset paging). */
  before?: number
  limit: number
}

/** One page of the trail, newest first, without rows about carriers' drafts; `next` is the cursor for the next. */
export async function listAudit(q: Queryable, f: AuditFilter) {
  const rows = await q.many<{ id: number }>(LIST_AUDIT, [
    f.entity ?? null,
    f.entityId ?? null,
    f.actor ?? null,
    f.action ?? null,
    f.from ?? null,
    f.to ?? null,
    f.before ?? null,
    f.limit,
  ])
  const last = rows.at(-1)
  return { items: rows, next: rows.length === f.limit && last ? last.id : null }
}

/** The values the trail's filters can take: its actions, record kinds and actors, each sorted. */
export async function auditFacets(q: Queryable): Promise<{ actions: string[]; entities: string[]; actors: string[] }> {
  const values = async (sql: string) => (await q.many<{ value: string }>(sql)).map((r) => r.value)
  return {
    actions: await values(AUDIT_ACTIONS),
    entities: await values(AUDIT_ENTITIES),
    actors: await values(AUDIT_ACTORS),
  }
}
