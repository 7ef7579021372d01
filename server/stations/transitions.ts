import type { Queryable, Row } from '../db/index'
import type { SessionUser } from '../http/context'
import { audit } from '../audit/audit'
import { badRequest, conflict, forbidden, msg, fieldError, problem } from '../http/problems'
import type { RuleResult } from './rules'
import { photosForCheck } from './photos'
import { toLonLat } from './access'
import { notify, readStation, recordChange } from './record'
import { MIN_EXCEPTION_REASON, type TransitionBody } from './schemas'
import { decorate, placeAndCheck, visibleStation } from './service'
import { INSERT_FIELD_CHECK, TRANSITION_STATION } from './sql/stations.sql'
import { step, type State } from './workflow'
import { cancelPostConstruction, requestPostConstruction } from '../inspections/create'

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
    case 'waive_inspection':
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

/** An exception to the site rules, as recorded on the station (rule_overrides) and in the audit trail. */
export interface RuleOverride {
  action: 'submit' | 'approve'
  rules: string[]
  reason: string
  actorId: number
  actorName: string
  at: string
}

/**
 * The override a submit or an approval needs when the application fails a rule: none when every rule passes
 * (or warns); a 422 naming the failed rules when no exception reason (of at least MIN_EXCEPTION_REASON
 * characters) is given.
 */
function overrideFor(body: TransitionBody, results: RuleResult[], user: SessionUser): RuleOverride | null {
  if (body.action !== 'submit' && body.action !== 'approve') return null
  const rules = results.filter((r) => r.outcome === 'fail').map((r) => r.rule)
  if (rules.length === 0) return null
  const reason = body.exceptionReason ?? ''
  if (reason.length < MIN_EXCEPTION_REASON)
    throw problem(422, msg('station.rules_failed', { rules }), {
      errors: [fieldError('body.exceptionReason', 'station.exception_reason', { n: MIN_EXCEPTION_REASON })],
      failedRules: rules,
    })
  return {
    action: body.action,
    rules,
    reason,
    actorId: user.id,
    actorName: user.username,
    at: new Date().toISOString(),
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
  const asset = { kind: 'station' as const, id, label: String(before.siteCode) }
  if (found.transition.to === before.state) {
    // a request that leaves the station as it is (report_in_service): the post-construction inspection is asked
    // for, the step goes to the audit trail and the officers are told; the station's version does not move, so
    // an inspector's open record of it stays valid
    const inspectionId = await requestPostConstruction(tx, user, provinceCode, asset, requestId)
    const entry = { action: `station.${body.action}`, entity: 'station', entityId: id }
    await audit(tx, user, { ...entry, after: { state: before.state, inspectionId } }, requestId)
    await notify(tx, found.transition.notify, before, body.action, user)
    return decorate(before, user)
  }
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

  const ruleResults = results === null ? ((before.ruleResults ?? []) as RuleResult[]) : JSON.parse(results)
  const override = overrideFor(body, ruleResults, user)

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
    override ? JSON.stringify([override]) : null,
  ])
  if (!updated) throw conflict('station.changed_concurrently')
  const after = await readStation(tx, id)
  await recordChange(tx, user, { action: body.action, before, after, note: change.note }, requestId)
  if (override) {
    const entry = { action: 'station.rule_override', entity: 'station', entityId: id, after: override }
    await audit(tx, user, entry, requestId)
  }
  if (body.action === 'report_built') await requestPostConstruction(tx, user, provinceCode, asset, requestId)
  if (body.action === 'waive_inspection' || body.action === 'decommission')
    await cancelPostConstruction(tx, user, asset, change.note ?? body.action, requestId)
  await notify(tx, found.transition.notify, after, body.action, user)
  return decorate(after, user)
}
