import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { badRequest, conflict, forbidden, msg, fieldError } from '../http/problems'
import { photosForCheck } from './photos'
import { toLonLat } from './access'
import { notify, readStation, recordChange } from './record'
import type { TransitionBody } from './schemas'
import { decorate, placeAndCheck, visibleStation } from './service'
import { INSERT_FIELD_CHECK, TRANSITION_STATION } from './sql/stations.sql'
import { step, type State } from './workflow'

// The note of these actions is the decision's note shown on the station; other notes live in history.
const DECISION_ACTIONS = new Set(['approve', 'reject', 'return'])

interface Change {
  decisionNo: string | null
  decisionDate: string | null
  note: string | null
  moveTo: { lon: number; lat: number; districtCode: string | null; results: string } | null
}

/** What an action writes beyond the state: decision fields, a note, or a moved position. */
async function changeFor(tx: Queryable, provinceCode: string, station: Row, body: TransitionBody): Promise<Change> {
  const none: Change = { decisionNo: null, decisionDate: null, note: null, moveTo: null }
  switch (body.action) {
    case 'approve':
      return { ...none, decisionNo: body.decisionNo, decisionDate: body.decisionDate, note: body.note ?? null }
    case 'reject':
      return { ...none, note: body.reasons.join('\n') }
    case 'return':
      return { ...none, note: body.note }
    case 'skip_field_check':
      return { ...none, note: body.reason }
    case 'decommission':
      return { ...none, note: body.note ?? null }
    case 'field_check': {
      if (body.outcome !== 'moved') return { ...none, note: body.notes ?? null }
      if (!body.position)
        throw badRequest('field_check.position_needed', [fieldError('body.position', 'field_check.give_position')])
      const at = await toLonLat(tx, provinceCode, body.position, 'body.position')
      const candidate = {
        carrierId: (station.operator as { id: number }).id,
        mastClass: station.mastClass as 'A1',
        mastHeightM: station.mastHeightM as number,
        buildingHeightM: station.buildingHeightM as number | null,
        reachBeyondEdgeM: station.reachBeyondEdgeM as number | null,
      }
      const { districtCode, results } = await placeAndCheck(
        tx,
        provinceCode,
        at,
        candidate,
        station.id as number,
        'body.position',
      )
      return { ...none, note: body.notes ?? null, moveTo: { ...at, districtCode, results: JSON.stringify(results) } }
    }
    default:
      return none
  }
}

/**
 * Takes one workflow step through the transition table. The update says `WHERE id AND version`, so of two
 * officers deciding at once exactly one succeeds and the other gets 409; each step writes one history row,
 * one audit row and the notifications to the other party, all in the caller's transaction.
 */
export async function transition(
  tx: Queryable,
  user: SessionUser,
  provinceCode: string,
  id: number,
  body: TransitionBody,
  requestId: string | undefined,
): Promise<Row> {
  const before = await visibleStation(tx, user, provinceCode, id)
  const found = step(before.state as State, body.action, user.role)
  if (!found.ok && found.reason === 'role')
    throw forbidden(
      msg('station.action_forbidden', { role: user.role, action: body.action, state: String(before.state) }),
    )
  if (before.version !== body.version)
    throw conflict(msg('station.stale', { have: before.version as number, sent: body.version }))
  if (!found.ok) throw conflict(msg('station.bad_action', { state: String(before.state), action: body.action }))
  const change = await changeFor(tx, provinceCode, before, body)

  // The submitted rules are the ones the officer sees: re-run them against today's neighbours.
  let results: string | null = change.moveTo?.results ?? null
  if (body.action === 'submit') {
    const [lon, lat] = (before.position as { coordinates: [number, number] }).coordinates
    const candidate = {
      carrierId: (before.operator as { id: number }).id,
      mastClass: before.mastClass as 'A1',
      mastHeightM: before.mastHeightM as number,
      buildingHeightM: before.buildingHeightM as number | null,
      reachBeyondEdgeM: before.reachBeyondEdgeM as number | null,
    }
    results = JSON.stringify((await placeAndCheck(tx, provinceCode, { lon, lat }, candidate, id, 'position')).results)
  }
  if (body.action === 'field_check' || body.action === 'skip_field_check') {
    const [lon, lat] = change.moveTo
      ? [change.moveTo.lon, change.moveTo.lat]
      : (before.position as { coordinates: [number, number] }).coordinates
    const outcome = body.action === 'skip_field_check' ? 'skipped' : body.outcome
    const photos = body.action === 'field_check' ? await photosForCheck(tx, id, body.photos) : []
    await tx.exec(INSERT_FIELD_CHECK, [
      id,
      outcome,
      change.note,
      JSON.stringify(photos),
      lon,
      lat,
      user.id,
      user.username,
    ])
  }

  const updated = await tx.maybeOne(TRANSITION_STATION, [
    id,
    body.version,
    found.transition.to,
    change.decisionNo,
    change.decisionDate,
    DECISION_ACTIONS.has(body.action) ? change.note : null,
    change.moveTo?.lon ?? null,
    change.moveTo?.lat ?? null,
    change.moveTo?.districtCode ?? null,
    results,
  ])
  if (!updated) throw conflict('station.changed_concurrently')
  const after = await readStation(tx, id)
  await recordChange(tx, user, { action: body.action, before, after, note: change.note }, requestId)
  await notify(tx, found.transition.notify, after, body.action, user)
  return decorate(after, user)
}
