import type { Db, Queryable } from '../db/index'
import { audit, type Actor } from '../audit/audit'
import { notFound } from '../http/problems'
import { CARRIERS } from '../../gis-data/carriers'
import { CARRIER_FOR_UPDATE, ENSURE_CARRIER, INSERT_CARRIER, LIST_CARRIERS, UPDATE_CARRIER } from './sql'

export interface CarrierInput {
  name: string
  shortName: string
  kind: 'mobile' | 'fixed' | 'cable_tv' | 'power_utility'
  mnc?: string | null
}

/** Every carrier, by kind then name. */
export async function listCarriers(q: Queryable) {
  return q.many(LIST_CARRIERS)
}

/** Adds a carrier and audits it in the same transaction. */
export async function createCarrier(db: Db, actor: Actor, input: CarrierInput, requestId?: string) {
  return db.transaction(async (tx) => {
    const row = await tx.one(INSERT_CARRIER, [input.name, input.shortName, input.kind, input.mnc ?? null])
    await audit(
      tx,
      actor,
      { action: 'carrier.create', entity: 'carrier', entityId: row.id as number, after: row },
      requestId,
    )
    return row
  })
}

/** Changes a carrier and audits it (before and after) in the same transaction. */
export async function changeCarrier(db: Db, actor: Actor, id: number, input: CarrierInput, requestId?: string) {
  return db.transaction(async (tx) => {
    const before = await tx.maybeOne(CARRIER_FOR_UPDATE, [id])
    if (!before) throw notFound('carrier.not_found')
    const after = await tx.one(UPDATE_CARRIER, [id, input.name, input.shortName, input.kind, input.mnc ?? null])
    await audit(tx, actor, { action: 'carrier.update', entity: 'carrier', entityId: id, before, after }, requestId)
    return after
  })
}

/** Inserts the national carriers that are missing. Real data, so it is not labelled demo. */
export async function ensureCarriers(q: Queryable): Promise<void> {
  for (const c of CARRIERS) await q.exec(ENSURE_CARRIER, [c.name, c.shortName, c.kind, c.mnc])
}
