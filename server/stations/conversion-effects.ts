// What a verified item of the mast conversion programme does to the station registry. The conversions domain
// decides that the item is verified; the station rows, their history and their audit rows are written here, in
// the caller's transaction.
import type { Queryable } from '../db/index'
import { readStation, recordChange, type Actor } from './record'
import { CONVERT_MAST, SHARE_MAST } from './sql/stations.sql'

/** A verified conversion of one station's mast. */
export interface MastConversion {
  stationId: number
  /** The class after the conversion, or null to keep the station's class (a lowering). */
  toClass: string | null
  /** The camouflage design of an A1c mast; null keeps the station's current design. */
  toDesign: string | null
  heightM: number
  /** Says which programme item changed the station; the history note adds the mast before → after. */
  note: string
}

/**
 * Converts a station's mast (class, camouflage design, height) and records the step in its history and the
 * audit trail. Only an A1c mast keeps a camouflage design.
 */
export async function applyMastConversion(
  tx: Queryable,
  actor: Actor,
  conversion: MastConversion,
  requestId: string | undefined,
): Promise<void> {
  const { stationId } = conversion
  const before = await readStation(tx, stationId)
  const toClass = conversion.toClass ?? (before.mastClass as string)
  const design = toClass === 'A1c' ? (conversion.toDesign ?? (before.camouflageKind as string | null)) : null
  await tx.one(CONVERT_MAST, [stationId, toClass, design, conversion.heightM])
  const after = await readStation(tx, stationId)
  const mast = (s: typeof before) => `${s.mastClass} ${s.mastHeightM} m`
  const note = `${conversion.note}: ${mast(before)} → ${mast(after)}`
  await recordChange(tx, actor, { action: 'conversion_verified', before, after, note }, requestId)
}

/** Adds a carrier to the operators sharing a host mast, recorded in the host station's history and the audit. */
export async function shareHostMast(
  tx: Queryable,
  actor: Actor,
  share: { hostStationId: number; carrierId: number; note: string },
  requestId: string | undefined,
): Promise<void> {
  const before = await readStation(tx, share.hostStationId)
  await tx.one(SHARE_MAST, [share.hostStationId, share.carrierId])
  const after = await readStation(tx, share.hostStationId)
  await recordChange(tx, actor, { action: 'conversion_share', before, after, note: share.note }, requestId)
}
