// What a passing inspection does to the station registry. The inspections domain decides that a built station's
// post-construction inspection passed; the station's step (through the transition table), its history, audit row
// and notifications are written here, in the caller's transaction.
import type { Queryable } from '../db/index'
import { readStation, recordChange, notify, type Actor } from './record'
import { TRANSITION_STATION } from './sql/stations.sql'
import { step, type State } from './workflow'

/**
 * Puts a built station in service after inspection `inspectionId` passed (the transition table's
 * pass_inspection). A station in any other state is left as it is (a re-check of a station already in service).
 * Answers whether the station moved.
 */
export async function passPostConstruction(
  tx: Queryable,
  actor: Actor,
  provinceCode: string,
  stationId: number,
  inspectionId: number,
  requestId: string | undefined,
): Promise<boolean> {
  const before = await readStation(tx, stationId)
  if (before.provinceCode !== undefined && before.provinceCode !== provinceCode) return false
  const found = step(before.state as State, 'pass_inspection', 'inspector')
  if (!found.ok) return false
  const note = `#${inspectionId}`
  const moved = await tx.maybeOne(TRANSITION_STATION, [
    stationId,
    before.version,
    found.transition.to,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ])
  if (!moved) return false
  const after = await readStation(tx, stationId)
  await recordChange(tx, actor, { action: 'pass_inspection', before, after, note }, requestId)
  await notify(tx, found.transition.notify, after, 'pass_inspection', actor)
  return true
}
